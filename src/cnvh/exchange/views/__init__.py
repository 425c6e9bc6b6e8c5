"""The import pages (imports.py) and the estimate-from-datasets pages (runs.py)."""
