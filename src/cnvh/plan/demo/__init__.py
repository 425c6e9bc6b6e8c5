"""The demo plan: Hanoi's plan for the cultural industries, its agencies, people
and a year of synthetic progress reports, so every page shows something real on
first start.

The plan's content is in `data/` as CSV and TOML, in the form a city would keep
it; what the seed article does not state is marked as a demo assumption on each
record. The reports are synthetic and made through the same workflow the pages
use (submit, return, approve), so their history is real history.
"""
