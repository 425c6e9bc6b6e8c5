"""What every plan page shares: dates as the city lives them. (Deny by default is
`cnvh.plan.permissions.require`, the one check of pages, API and workflow.)"""

from datetime import date

from django.utils import timezone


def today() -> date:
    return timezone.localdate()
