"""Hanoi's UNESCO City of Design commitments, the Membership Monitoring Report, and the
training, cooperation and dissemination activities of the plan."""

from cnvh.unesco.models.commitments import Commitment, CommitmentActivity, NetworkParticipation
from cnvh.unesco.models.monitoring import MonitoringReport, ReportSection, SectionText
from cnvh.unesco.models.outreach import Outreach, Participants

__all__ = [
    "Commitment",
    "CommitmentActivity",
    "MonitoringReport",
    "NetworkParticipation",
    "Outreach",
    "Participants",
    "ReportSection",
    "SectionText",
]
