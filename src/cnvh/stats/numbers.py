"""What a number in an input may be: one rule for `cnvh estimate` and for the import
(cnvh.exchange.reading.numbers takes its limits from here).

A number is finite (no NaN, no infinity) and has at most WHOLE_DIGITS digits before
the decimal point: 10^20 million VND is beyond any economy, so a larger figure is a
mistake (a code typed into a money column, 1e308), and summing it would swamp every
other figure. The import stores exact decimals, which adds a limit on places after
the point and on integers, so that a column's values always fit one stored type.
"""

import math

WHOLE_DIGITS = 20
DECIMAL_PLACES = 18
INTEGER_DIGITS = 18  # a 64-bit integer
YEAR_DIGITS = 9  # a 32-bit integer
LARGEST = 10.0**WHOLE_DIGITS  # a number's size must be below this


def usable(number: float) -> bool:
    return math.isfinite(number) and abs(number) < LARGEST
