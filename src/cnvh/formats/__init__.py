"""Date and time formats of the two languages, day first in both.

Django's English is American (12/07/2026 is July to a Vietnamese reader, December to
Django), and its Vietnamese short format uses dashes where officers write slashes. These
modules override only what differs; the rest comes from Django's own locale files.
"""
