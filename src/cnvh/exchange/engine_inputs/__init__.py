"""The statistics engine's inputs as import kinds, saved as datasets (kinds.py); their
columns (columns.py) and checks (checks.py) need no Django."""
