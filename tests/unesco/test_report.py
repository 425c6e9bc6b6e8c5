"""The monitoring report's draft filled from the records, with its figures checked by
hand, every item traced to a source, and its DOCX and PDF files."""

from datetime import date
from io import BytesIO

import pytest
from docx import Document

from cnvh.estimates.store import publish, save_estimate
from cnvh.unesco import builder, documents, workflow
from cnvh.unesco.models import MonitoringReport, NetworkParticipation, Outreach, ReportSection
from tests import factories
from tests.conftest import engine_estimate
from tests.unesco.conftest import City, activity, commitment, outreach

BASE = "https://cnvh.example.vn"
SECTIONS_EN = [
    "1. Executive summary",
    "2. General information",
    "3. Contribution to the Network",
    "4. Major local initiatives",
    "5. Major inter-city initiatives",
    "6. Proposed four-year action plan with budget",
]


@pytest.fixture
def report(city: City) -> MonitoringReport:
    factories.indicator(published=True)  # the plan's share of GRDP
    estimate = save_estimate(engine_estimate(), label="published", synthetic=True)
    publish(estimate)
    save_estimate(engine_estimate(), label="newer, unpublished", synthetic=True)
    centre = commitment(city, "centre", 20_000_000_000)
    festival = commitment(city, "festival", 12_000_000_000, scope="international")
    activity(city, centre, date(2024, 3, 1), date(2024, 6, 30), 300_000_000)
    activity(city, festival, date(2025, 11, 10), date(2025, 11, 26), 2_500_000_000, "Bandung")
    activity(city, festival, date(2019, 11, 1), date(2019, 11, 9), 999, "Before the period")
    workflow.save_participation(
        NetworkParticipation(
            kind="conference_attended",
            title_vi="Hội nghị thường niên",
            title_en="Annual Conference",
            held_on=date(2024, 7, 3),
            place="Braga",
        ),
        city.coordinator,
    )
    outreach(
        city,
        Outreach.Kind.TRAINING,
        city.department,
        date(2025, 9, 8),
        None,
        {"officials": (20, 12)},
    )
    outreach(city, Outreach.Kind.DISSEMINATION, city.ward, date(2025, 10, 1), city.ward_officer)
    made = workflow.start_report(2023, 2027, city.coordinator)
    workflow.save_section(
        made,
        ReportSection.objects.get(code="summary"),
        city.coordinator,
        "Hà Nội đã làm nhiều việc.",
        "Hanoi did much.\n\nAnd more.",
    )
    return made


def _section(draft: builder.Draft, code: str) -> builder.Section:
    return next(section for section in draft.sections if section.code == code)


def _source(draft: builder.Draft, item: builder.Item) -> builder.Source:
    return draft.sources[item.source - 1]


def test_the_draft_is_filled_from_the_records(report: MonitoringReport) -> None:
    draft = builder.build(report, "en", BASE)
    assert [f"{s.number}. {s.title}" for s in draft.sections] == SECTIONS_EN
    assert _section(draft, "summary").text == "Hanoi did much.\n\nAnd more."
    general = [item.text for item in _section(draft, "general").items]
    assert general[:3] == [
        "Commitments recorded: 2, of which 2 with activity in 2023–2027.",
        "People trained in 2023–2027: 32 (20 women, 12 men).",
        "Wards and communes that held a dissemination session: 1 of 3.",
    ]
    # The published revision (1), not the newer unpublished one; 2024's 4.2%.
    share = _section(draft, "general").items[3]
    assert share.text == (
        "Share of the cultural industries in GRDP, 2024: 4.2% (estimate hanoi-plan, revision 1)."
    )
    estimate_pk = _source(draft, share).url.rstrip("/").rsplit("/", 1)[1]
    assert _source(draft, share).url == f"{BASE}/estimates/{estimate_pk}/"
    inter_city = _section(draft, "inter-city").items
    assert [item.text.split(" (")[0] for item in inter_city] == [
        "Commitment festival — Activity 2025-11"
    ]
    assert "Bandung" in inter_city[0].text and "2,500,000,000 VND" in inter_city[0].text
    local = _section(draft, "local").items
    assert len(local) == 1 and "300,000,000 VND" in local[0].text
    plan = _section(draft, "action-plan").items
    assert plan[-1].text == (
        "Budget executed in 2023–2027: 2,800,000,000 VND of 32,000,000,000 VND planned."
    )
    network = _section(draft, "network").items
    assert network[0].text == "03/07/2024 — Annual conference attended: Annual Conference (Braga)"
    assert _source(draft, network[0]).url.startswith(f"{BASE}/unesco/network/#participation-")


def test_every_item_names_a_source_with_an_address(report: MonitoringReport) -> None:
    draft = builder.build(report, "vi", BASE)
    items = [item for section in draft.sections for item in section.items]
    assert items and all(1 <= item.source <= len(draft.sources) for item in items)
    assert [s.number for s in draft.sources] == list(range(1, len(draft.sources) + 1))
    assert all(s.url.startswith(BASE + "/") for s in draft.sources)
    assert len({s.url for s in draft.sources}) == len(draft.sources)
    # Vietnamese figures: dots group thousands, a comma marks decimals.
    general = [item.text for item in _section(draft, "general").items]
    assert "Tỷ trọng các ngành công nghiệp văn hóa trong GRDP năm 2024: 4,2%" in general[3]
    plan = _section(draft, "action-plan").items[-1].text
    assert "2.800.000.000 đồng trên 32.000.000.000 đồng" in plan


def test_a_section_taken_out_of_use_leaves_the_draft(report: MonitoringReport) -> None:
    ReportSection.objects.filter(code="network").update(in_use=False)
    draft = builder.build(report, "en", BASE)
    assert "network" not in [s.code for s in draft.sections]


def test_the_docx_has_the_sections_in_order_and_the_sources(report: MonitoringReport) -> None:
    draft = builder.build(report, "en", BASE)
    document = Document(BytesIO(documents.docx(draft)))
    headings = [
        p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"
    ]
    assert headings == [*SECTIONS_EN, "Sources"]
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Membership Monitoring Report 2023–2027"
    assert "Hanoi did much." in texts and "And more." in texts
    assert any(t.startswith("[1] ") and BASE in t for t in texts)
    vietnamese = Document(BytesIO(documents.docx(builder.build(report, "vi", BASE))))
    assert vietnamese.paragraphs[0].text == "Báo cáo giám sát thành viên 2023–2027"


def test_the_pdf_is_a_pdf(report: MonitoringReport) -> None:
    for language in ("en", "vi"):
        content = documents.pdf(builder.build(report, language, BASE))
        assert content.startswith(b"%PDF")
    html = documents.html(builder.build(report, "vi", BASE))
    assert "5. Các sáng kiến liên thành phố" in html
    assert "<h2>Nguồn</h2>" in html
