"""The monitoring report's life and the officers' own activities: who may take each
step, and the history of who did."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from cnvh.unesco import workflow
from cnvh.unesco.models import CommitmentActivity, MonitoringReport, Outreach, ReportSection
from tests.unesco.conftest import City, activity, commitment, outreach

Status = MonitoringReport.Status


def test_the_coordinator_drafts_submits_and_a_leader_approves(city: City) -> None:
    report = workflow.start_report(2023, 2027, city.coordinator)
    assert workflow.start_report(2023, 2027, city.coordinator) == report  # one per period
    summary = ReportSection.objects.get(code="summary")
    workflow.save_section(report, summary, city.coordinator, " Tóm tắt ", "Summary")
    workflow.submit(report, city.coordinator)
    with pytest.raises(PermissionDenied):
        workflow.approve(report, city.coordinator)  # nobody approves their own
    with pytest.raises(ValidationError):
        workflow.return_report(report, city.leader, "  ")
    workflow.return_report(report, city.leader, "Add the 2025 forum.")
    report.refresh_from_db()
    assert (report.status, report.return_reason) == (Status.RETURNED, "Add the 2025 forum.")
    workflow.save_section(report, summary, city.coordinator, "Tóm tắt mới", "New summary")
    workflow.submit(report, city.coordinator)
    # The city holds no record: the sections filled from them are empty, and refused.
    empty = workflow.empty_sections(report)
    assert empty and summary.pk not in {section.section_id for section in empty}
    with pytest.raises(ValidationError) as refused, translation.override("en"):
        workflow.approve(report, city.second_coordinator)
    assert refused.value.message_dict["sections"][0].startswith(
        f"The section “{ReportSection.objects.get(pk=empty[0].section_id).title_en}” is empty"
    )
    report.refresh_from_db()
    assert report.status == Status.SUBMITTED
    workflow.return_report(report, city.leader, "Write the empty sections.")
    for section in empty:
        filled = ReportSection.objects.get(pk=section.section_id)
        workflow.save_section(report, filled, city.coordinator, "Chưa có.", "None yet.")
    workflow.submit(report, city.coordinator)
    workflow.approve(report, city.second_coordinator)
    report.refresh_from_db()
    assert report.status == Status.APPROVED
    assert report.reviewed_by == city.second_coordinator
    with pytest.raises(workflow.ReportStateChanged):
        workflow.save_section(report, summary, city.coordinator, "late", "late")
    steps = [(h.status, h.history_user) for h in report.history.order_by("history_date")]
    assert steps == [
        (Status.DRAFT, city.coordinator),
        (Status.SUBMITTED, city.coordinator),
        (Status.RETURNED, city.leader),
        (Status.SUBMITTED, city.coordinator),
        (Status.RETURNED, city.leader),
        (Status.SUBMITTED, city.coordinator),
        (Status.APPROVED, city.second_coordinator),
    ]
    text = report.texts.get(section=summary)
    assert (text.text_vi, text.text_en) == ("Tóm tắt mới", "New summary")
    assert text.history.count() == 2


def test_only_a_coordinator_starts_and_edits(city: City) -> None:
    for person in (city.leader, city.officer, city.ward_officer):
        with pytest.raises(PermissionDenied):
            workflow.start_report(2023, 2027, person)
    report = workflow.start_report(2023, 2027, city.coordinator)
    with pytest.raises(PermissionDenied):
        workflow.save_section(
            report, ReportSection.objects.earliest("number"), city.leader, "x", "x"
        )
    with pytest.raises(PermissionDenied):
        workflow.submit(report, city.leader)


@pytest.mark.parametrize(("first", "last"), [(2023, 2026), (2023, 2028), (2027, 2023)])
def test_a_period_is_four_years_from_report_to_report(city: City, first: int, last: int) -> None:
    for language, example in (("vi", "ví dụ 2023 đến 2027"), ("en", "e.g. 2023 to 2027")):
        with translation.override(language), pytest.raises(ValidationError) as refused:
            workflow.start_report(first, last, city.coordinator)
        assert example in str(refused.value)
    assert not MonitoringReport.objects.exists()


def test_a_ward_officer_records_only_their_wards_sessions(city: City) -> None:
    day = date(2025, 10, 5)
    session = outreach(city, "dissemination", city.ward, day, city.ward_officer)
    assert session.recorded_by == city.ward_officer
    with pytest.raises(PermissionDenied):
        outreach(city, "dissemination", city.other_ward, day, city.ward_officer)
    # Nor may they change the other ward's, or move theirs to the other ward.
    theirs = outreach(city, "dissemination", city.other_ward, day, city.other_ward_officer)
    theirs.title_vi = "changed"
    with pytest.raises(PermissionDenied):
        workflow.record_outreach(theirs, city.ward_officer, {})
    session.organiser = city.other_ward
    with pytest.raises(PermissionDenied):
        workflow.record_outreach(session, city.ward_officer, {})
    assert Outreach.objects.get(pk=session.pk).organiser == city.ward
    # The coordinator records for any agency (a session reported by telephone).
    outreach(city, "dissemination", city.other_ward, day, city.coordinator)
    assert Outreach.objects.filter(organiser=city.other_ward).count() == 2


def test_participants_are_kept_by_role_and_sex(city: City) -> None:
    day = date(2025, 10, 5)
    session = outreach(
        city, "training", city.department, day, None, {"officials": (3, 4), "residents": (0, 0)}
    )
    rows = {(p.role, p.women, p.men) for p in session.participants.all()}
    assert rows == {("officials", 3, 4)}  # an empty role makes no row
    workflow.record_outreach(session, city.coordinator, {"officials": (5, 4)})
    assert session.participants.get().women == 5
    assert session.participants.get().history.count() == 2


def test_an_activity_dated_outside_its_commitments_period_is_refused(city: City) -> None:
    festival = commitment(city, "festival", 1_000_000_000)
    festival.first_year, festival.last_year = 2023, 2027
    workflow.save_commitment(festival, city.coordinator)
    activity(city, festival, date(2027, 12, 1), date(2027, 12, 31), 0)
    with pytest.raises(ValidationError) as refused, translation.override("en"):
        activity(city, festival, date(2027, 12, 20), date(2028, 1, 5), 0)
    assert refused.value.message_dict == {
        "ends_on": [
            "05/01/2028 falls outside the commitment's period 2023–2027: date the activity"
            " within it, or widen the commitment's period."
        ]
    }
    assert CommitmentActivity.objects.count() == 1
    # Narrowing the period under an activity is refused too, naming the first year.
    festival.first_year, festival.last_year = 2023, 2026
    with pytest.raises(ValidationError) as narrowed:
        workflow.save_commitment(festival, city.coordinator)
    assert list(narrowed.value.message_dict) == ["first_year"]
