"""The plan's working pages, one module per kind of page."""
