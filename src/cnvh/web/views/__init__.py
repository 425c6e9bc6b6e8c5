"""Pages. They show stored estimates and the plan's records; they never compute statistics."""
