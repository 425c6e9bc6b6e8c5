"""The figure filters of the page templates: `cnvh.presentation.formatting` by name."""

from django import template

from cnvh.presentation import formatting

register = template.Library()
register.filter("number", formatting.number)
register.filter("exact", formatting.exact)
register.filter("percent", formatting.percent)
register.filter("points", formatting.points)
register.filter("unit_label", formatting.unit_label)
register.filter("money", formatting.money)
register.filter("measure", formatting.measure)
register.filter("count", formatting.count)
