"""The enterprise register, support programmes and their cases, the outcomes, and the
investment projects of the cultural industries."""

from cnvh.enterprises.models.investment import (
    CapitalLine,
    CapitalSource,
    InvestmentProject,
    Milestone,
    ProjectKind,
    ProjectStatus,
    StatusChange,
)
from cnvh.enterprises.models.outcomes import Certification, IPFiling, IPStepDuration
from cnvh.enterprises.models.register import Enterprise, EnterpriseSector, LegalForm, Size
from cnvh.enterprises.models.support import (
    CaseStage,
    Disbursement,
    Programme,
    ProgrammeBudget,
    ProgrammeKind,
    Review,
    SupportCase,
)

__all__ = [
    "CapitalLine",
    "CapitalSource",
    "CaseStage",
    "Certification",
    "Disbursement",
    "Enterprise",
    "EnterpriseSector",
    "IPFiling",
    "IPStepDuration",
    "InvestmentProject",
    "LegalForm",
    "Milestone",
    "Programme",
    "ProgrammeBudget",
    "ProgrammeKind",
    "ProjectKind",
    "ProjectStatus",
    "Review",
    "Size",
    "StatusChange",
    "SupportCase",
]
