"""Imports: files (CSV, XLSX, Parquet) read, understood, checked and saved in one piece."""
