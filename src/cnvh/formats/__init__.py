"""Date and time formats of the two languages, day first in both.

Django's English is American (12/07/2026 is July to a Vietnamese reader, December to
Django), and its Vietnamese short format uses dashes where officers write slashes. These
modules override only what differs; the rest comes from Django's own locale files.
"""

# What both languages share: written as officers write them, read only day first.
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
]
