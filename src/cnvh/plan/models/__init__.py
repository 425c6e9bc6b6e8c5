from cnvh.plan.models.agencies import Agency
from cnvh.plan.models.imported import ImportedValue
from cnvh.plan.models.indicators import Indicator, Target
from cnvh.plan.models.people import LoginAttempt, Membership, Notification, Role
from cnvh.plan.models.plans import ContentGroup, LegalDocument, Plan, Task, TaskQuerySet
from cnvh.plan.models.reports import (
    Evidence,
    ProgressReport,
    ReportingPeriod,
    ReportLockedError,
    ReportValue,
)

__all__ = [
    "Agency",
    "ContentGroup",
    "Evidence",
    "ImportedValue",
    "Indicator",
    "LegalDocument",
    "LoginAttempt",
    "Membership",
    "Notification",
    "Plan",
    "ProgressReport",
    "ReportLockedError",
    "ReportValue",
    "ReportingPeriod",
    "Role",
    "Target",
    "Task",
    "TaskQuerySet",
]
