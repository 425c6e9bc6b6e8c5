"""The registry of models and bright spots: the models themselves with their results,
the nomination rounds that assess them on a versioned rubric, the decisions that
recognise them, and where they were taken up."""

from cnvh.brightspots.models.rounds import (
    CouncilSeat,
    Criterion,
    Decision,
    EvidenceFile,
    Nomination,
    Round,
    Rubric,
    Score,
)
from cnvh.brightspots.models.spots import (
    BrightSpot,
    FollowUp,
    Level,
    Replication,
    Result,
    sector_choices,
)

__all__ = [
    "BrightSpot",
    "CouncilSeat",
    "Criterion",
    "Decision",
    "EvidenceFile",
    "FollowUp",
    "Level",
    "Nomination",
    "Replication",
    "Result",
    "Round",
    "Rubric",
    "Score",
    "sector_choices",
]
