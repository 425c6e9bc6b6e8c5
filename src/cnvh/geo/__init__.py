"""Administrative units, before and after the 2025-07-01 reform (no Django)."""
