"""The presentation floor: what every face (pages, files, API, operations) shows alike.

Figures, dates and units in the reader's style (`formatting`), tables and their CSV and
XLSX files (`tables`, with the one rule that neutralises formula-like text), who may open
a page (`access`), the public pages' cache (`page_cache`), and what an indicator or the
headline looks like (`indicators`, `summary`). It reads the records below it and never a
face above it; the faces never import each other, so what two of them share lives here.
"""
