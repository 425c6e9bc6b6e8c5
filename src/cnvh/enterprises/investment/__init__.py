"""Investment projects and programmes of the cultural industries: their workflow, the
schedule and capital figures computed from their records, and their forms."""
