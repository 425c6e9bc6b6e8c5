"""The draft of a Membership Monitoring Report, filled from the records.

Each section (a `ReportSection` row, in the Network's order) gets the coordinator's
text, if any, and the items drawn from the records for its content: every item names
its source, a numbered entry of the sources appendix with the address of the record
(a commitment, an activity, a published estimate, an indicator). The coordinator's
text never replaces the items, so each figure stays traceable."""

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from cnvh.exchange.reading.numbers import Style, from_float, shown
from cnvh.language import pick
from cnvh.plan import targets, values
from cnvh.plan.models import Indicator
from cnvh.unesco import indicators
from cnvh.unesco.indicators import Span
from cnvh.unesco.models import (
    Commitment,
    CommitmentActivity,
    MonitoringReport,
    NetworkParticipation,
    ReportSection,
    SectionText,
)


@dataclass
class Source:
    number: int
    label: str
    url: str


@dataclass
class Item:
    text: str
    source: int


@dataclass
class Section:
    number: int
    code: str
    title: str
    guidance: str
    text: str
    items: list[Item] = field(default_factory=list)
    section_id: int = 0


@dataclass
class Draft:
    report: MonitoringReport
    language: str
    sections: list[Section]
    sources: list[Source]

    @property
    def title(self) -> str:
        return _("Membership Monitoring Report %(first)s–%(last)s") % {
            "first": self.report.first_year,
            "last": self.report.last_year,
        }


class _Sources:
    """The appendix: one entry per address, numbered in order of first use."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.entries: dict[str, Source] = {}

    def cite(self, label: str, path: str) -> int:
        url = self.base_url + path
        if url not in self.entries:
            self.entries[url] = Source(len(self.entries) + 1, label, url)
        return self.entries[url].number


def build(report: MonitoringReport, language: str, base_url: str) -> Draft:
    """The report's draft in `language` ("vi" or "en")."""
    with translation.override(language):
        sources = _Sources(base_url)
        texts = {text.section_id: text for text in SectionText.objects.filter(report=report)}
        span = Span(report.first_year, report.last_year)
        sections = []
        for row in ReportSection.objects.filter(in_use=True):
            edited = texts.get(row.pk)
            sections.append(
                Section(
                    number=row.number,
                    code=row.code,
                    title=pick(row.title_vi, row.title_en, language),
                    guidance=pick(row.guidance_vi, row.guidance_en, language),
                    text=edited.text(language) if edited else "",
                    items=FILLERS[row.content](span, sources, _style(language)),
                    section_id=row.pk,
                )
            )
        return Draft(report, language, sections, list(sources.entries.values()))


Filler = Callable[[Span, "_Sources", Style], list[Item]]


def _style(language: str) -> Style:
    return "en" if language == "en" else "vi"


def money(amount: Decimal | None, style: Style) -> str:
    return _("%(amount)s VND") % {"amount": shown(amount or Decimal(0), style)}


def _general(span: Span, sources: _Sources, style: Style) -> list[Item]:
    found = indicators.compute(span)
    outreach = reverse("unesco-outreach")
    items = [
        Item(
            _("Commitments recorded: %(count)s, of which %(active)s with activity in %(span)s.")
            % {"count": found.commitments, "active": found.commitments_with_activity, "span": span},
            sources.cite(_("Commitments and their activities"), reverse("unesco-commitments")),
        ),
        Item(
            _("People trained in %(span)s: %(total)s (%(women)s women, %(men)s men).")
            % {
                "span": span,
                "total": shown(Decimal(found.trained), style),
                "women": shown(Decimal(found.trained_women), style),
                "men": shown(Decimal(found.trained_men), style),
            },
            sources.cite(_("Training, cooperation and dissemination"), outreach),
        ),
        Item(
            _("Wards and communes that held a dissemination session: %(count)s of %(units)s.")
            % {"count": found.units_disseminating, "units": found.local_units},
            sources.cite(_("Training, cooperation and dissemination"), outreach),
        ),
    ]
    return items + _share_of_grdp(span, sources, style) + _plan_indicators(span, sources, style)


def _share_of_grdp(span: Span, sources: _Sources, style: Style) -> list[Item]:
    """The cultural industries' share of GRDP from the published estimate."""
    indicator = targets.share_indicator(published_only=True)
    if indicator is None:
        return []
    series = [v for v in values.series(indicator, published_only=True) if v.year <= span.last_year]
    if not series or series[-1].estimate is None:
        return []
    latest = series[-1]
    estimate = latest.estimate
    assert estimate is not None
    return [
        Item(
            _(
                "Share of the cultural industries in GRDP, %(year)s: %(value)s%%"
                " (estimate %(scope)s, revision %(revision)s)."
            )
            % {
                "year": latest.year,
                "value": shown(from_float(round(latest.value, 2)), style),
                "scope": estimate.scope_key,
                "revision": estimate.revision,
            },
            sources.cite(
                _("Published estimate %(scope)s, revision %(revision)s")
                % {"scope": estimate.scope_key, "revision": estimate.revision},
                reverse("web-estimate", args=[estimate.pk]),
            ),
        )
    ]


def _plan_indicators(span: Span, sources: _Sources, style: Style) -> list[Item]:
    """The published indicators of the plan tasks the commitments serve."""
    found = Indicator.objects.filter(
        published=True, tasks__unesco_commitments__isnull=False
    ).distinct()
    items = []
    for indicator in found.order_by("code"):
        series = [
            v
            for v in values.series(indicator, published_only=True)
            if v.key is None and span.first_year <= v.year <= span.last_year
        ]
        if not series:
            continue
        latest = series[-1]
        items.append(
            Item(
                _("%(indicator)s, %(year)s: %(value)s %(unit)s")
                % {
                    "indicator": indicator.name,
                    "year": latest.year,
                    "value": shown(from_float(latest.value), style),
                    "unit": indicator.unit,
                },
                sources.cite(
                    _("Plan indicator %(code)s") % {"code": indicator.code},
                    reverse("web-indicator", args=[indicator.code]),
                ),
            )
        )
    return items


def _network(span: Span, sources: _Sources, style: Style) -> list[Item]:
    found = NetworkParticipation.objects.filter(
        held_on__gte=span.starts_on, held_on__lte=span.ends_on
    )
    path = reverse("unesco-network")
    return [
        Item(
            f"{p.held_on:%d/%m/%Y} — {p.get_kind_display()}: {p.title}"
            + (f" ({p.place})" if p.place else "")
            + (f". {p.contribution}" if p.contribution else ""),
            sources.cite(_("Participation in the Network"), path + f"#participation-{p.pk}"),
        )
        for p in found
    ]


def _commitment_items(
    commitment: Commitment, span: Span, sources: _Sources, style: Style, inter_city: bool
) -> list[Item]:
    activities = indicators.activities_in(span).filter(commitment=commitment)
    if inter_city:
        activities = indicators.inter_city(activities)
    source = sources.cite(
        _("Commitment %(code)s") % {"code": commitment.code},
        reverse("unesco-commitment", args=[commitment.pk]),
    )
    return [Item(_activity_text(commitment, activity, style), source) for activity in activities]


def _activity_text(commitment: Commitment, activity: CommitmentActivity, style: Style) -> str:
    """One activity as the report states it: what, when, with whom, for which SDG
    targets, with what result and at what cost."""
    dates = f"{activity.starts_on:%d/%m/%Y}–{activity.ends_on:%d/%m/%Y}"
    parts = [
        _("%(commitment)s — %(activity)s (%(dates)s)")
        % {"commitment": commitment.title, "activity": activity.title, "dates": dates}
    ]
    partners = "; ".join(x for x in (activity.partner_cities, activity.partner_countries) if x)
    if partners:
        parts.append(_("partners: %(partners)s") % {"partners": partners})
    if activity.sdg_targets:
        parts.append(_("SDG targets: %(targets)s") % {"targets": activity.sdg_targets})
    if activity.outputs:
        parts.append(_("outputs: %(outputs)s") % {"outputs": activity.outputs})
    parts.append(_("spent: %(amount)s") % {"amount": money(activity.budget_spent, style)})
    return "; ".join(parts)


def _local(span: Span, sources: _Sources, style: Style) -> list[Item]:
    found = Commitment.objects.filter(scope=Commitment.Scope.LOCAL)
    return [i for c in found for i in _commitment_items(c, span, sources, style, False)]


def _inter_city(span: Span, sources: _Sources, style: Style) -> list[Item]:
    return [
        i
        for c in Commitment.objects.all()
        for i in _commitment_items(c, span, sources, style, True)
    ]


def _action_plan(span: Span, sources: _Sources, style: Style) -> list[Item]:
    found = indicators.compute(span)
    items = []
    for commitment in Commitment.objects.select_related("lead_agency").prefetch_related("tasks"):
        tasks = ", ".join(task.code for task in commitment.tasks.all())
        items.append(
            Item(
                _("%(commitment)s — lead: %(agency)s; planned budget: %(budget)s")
                % {
                    "commitment": commitment.title,
                    "agency": commitment.lead_agency.name,
                    "budget": money(commitment.budget, style),
                }
                + ("; " + _("plan tasks: %(tasks)s") % {"tasks": tasks} if tasks else ""),
                sources.cite(
                    _("Commitment %(code)s") % {"code": commitment.code},
                    reverse("unesco-commitment", args=[commitment.pk]),
                ),
            )
        )
    items.append(
        Item(
            _("Budget executed in %(span)s: %(executed)s of %(planned)s planned.")
            % {
                "span": span,
                "executed": money(found.budget_executed, style),
                "planned": money(found.budget_planned, style),
            },
            sources.cite(_("Commitments and their activities"), reverse("unesco-commitments")),
        )
    )
    return items


def _text_only(span: Span, sources: _Sources, style: Style) -> list[Item]:
    return []


FILLERS: dict[str, Filler] = {
    ReportSection.Content.GENERAL: _general,
    ReportSection.Content.NETWORK: _network,
    ReportSection.Content.LOCAL: _local,
    ReportSection.Content.INTER_CITY: _inter_city,
    ReportSection.Content.ACTION_PLAN: _action_plan,
    ReportSection.Content.TEXT_ONLY: _text_only,
}
