"""The demo data set: synthetic business microdata for Hanoi, calibrated and clearly labelled.

Nothing in this package is official statistics. `cnvh demo-data` writes the files;
the other modules build them: `areas` (real administrative codes and the 2025
crosswalk), `codes` (which businesses exist), `calibration` (the city totals the
data are scaled to), `population` and `units` (the businesses), `files` (writing).
"""
