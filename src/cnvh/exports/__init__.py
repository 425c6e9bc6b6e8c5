"""Exports: the plan's periodic report (XLSX, PDF), tables as CSV/XLSX, and open data."""
