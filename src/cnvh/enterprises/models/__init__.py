"""The enterprise register, support programmes and their cases, and the outcomes."""

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
    "CaseStage",
    "Certification",
    "Disbursement",
    "Enterprise",
    "EnterpriseSector",
    "IPFiling",
    "IPStepDuration",
    "LegalForm",
    "Programme",
    "ProgrammeBudget",
    "ProgrammeKind",
    "Review",
    "Size",
    "SupportCase",
]
