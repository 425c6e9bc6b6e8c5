"""One limit for each field a person writes in the plan, the same on the pages, in the
API and in the workflow, which checks them whoever calls it."""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# What was done in a period: a few pages.
MAX_NARRATIVE = 20_000
# Why a report is returned and what to fix.
MAX_RETURN_REASON = 4_000
# The years of the plan's figures: targets, baselines, imported values.
FIRST_YEAR, LAST_YEAR = 1900, 2100


def check_length(field: str, text: str, limit: int) -> None:
    if len(text) > limit:
        raise ValidationError(
            {
                field: _(
                    "At most %(limit)s characters (this has %(count)s): shorten it, or "
                    "attach the full text as evidence."
                )
                % {"limit": f"{limit:,}", "count": f"{len(text):,}"}
            }
        )


def check_year(value: Any) -> None:
    """A validator for a year field of a form or model."""
    if value is not None and not FIRST_YEAR <= value <= LAST_YEAR:
        raise ValidationError(
            _("Write a year from %(first)s to %(last)s."),
            code="year_out_of_range",
            params={"first": FIRST_YEAR, "last": LAST_YEAR},
        )
