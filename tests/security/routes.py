"""The specification of every URL: for each pattern, what each role gets.

Outcomes: an HTTP status, LOGIN (302 to our login page with ?next=) or ADMIN_LOGIN
(302 to the admin's). `test_urls.py` walks the resolver and fails on any pattern not
listed here, so a new page or API endpoint cannot ship without saying who may use it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.security.world import (
    APPROVERS,
    MEMBERS,
    OFFICERS,
    OVERSEERS,
    ROLES,
    SIGNED_IN,
    WORKERS,
    World,
)

LOGIN = "login"
ADMIN_LOGIN = "admin-login"
Outcome = int | str
Outcomes = dict[str, Outcome]


def who(allowed: Outcome, roles: set[str], others: Outcome = 403) -> Outcomes:
    """`allowed` for `roles`; the anonymous are sent to log in, the others get `others`."""
    found: Outcomes = {role: allowed if role in roles else others for role in ROLES}
    if "anonymous" not in roles:
        found["anonymous"] = LOGIN
    return found


def everyone(outcome: Outcome) -> Outcomes:
    return dict.fromkeys(ROLES, outcome)


def hidden_from_public(outcome: Outcome) -> Outcomes:
    """Members get `outcome`; for the public the object does not exist."""
    return {role: outcome if role in MEMBERS else 404 for role in ROLES}


NOT_ALLOWED = everyone(405)
# The crafts registry: the coordinator, and the officers of the record's ward.
CRAFT_KEEPERS = {"coordinator", "officer_of_lead"}
LEADERS = {"leader_of_lead", "leader_elsewhere"}
# Officers (of departments here) import their own agency's events workbooks.
IMPORTERS = {"statistician", "coordinator", "administrator"} | OFFICERS
# Every agency of the test city is a department, which the round invites.
NOMINATORS = OFFICERS | {"leader_of_lead", "leader_elsewhere"}
# Those who see everything, the nominating agency's officer, the council.
NOMINATION_READERS = OVERSEERS | {"officer_of_lead"}
FILERS = OFFICERS | {"coordinator"}
EVENT_HANDLERS = {"coordinator", "officer_of_lead"}
EVENT_DECIDERS = {"coordinator", "leader_of_lead"}


@dataclass(frozen=True)
class Route:
    url: Callable[[World], str]
    get: Outcomes
    post: Outcomes = field(default_factory=lambda: NOT_ALLOWED)
    data: Callable[[World], dict[str, Any]] = lambda world: {}


def pk(name: str, template: str) -> Callable[[World], str]:
    return lambda world: template.format(world.objects[name].pk)


def _shipped_procedure() -> int:
    from cnvh.procedures.models import LegalProcedure

    return LegalProcedure.objects.values_list("pk", flat=True).earliest("pk")


def _shipped_day() -> int:
    from cnvh.procedures.models import CalendarAdjustment

    return CalendarAdjustment.objects.values_list("pk", flat=True).earliest("pk")


COORDINATOR = {"coordinator"}
REPORT_READERS = {"administrator", "coordinator", "leader_of_lead", "leader_elsewhere"}
LEADERS = {"leader_of_lead", "leader_elsewhere"}
# An officer finds only their agency's activities: another agency's do not exist for them.
OUTREACH_HIDDEN: Outcomes = {"officer_of_coordinating": 404, "officer_elsewhere": 404}


def _coordinator_form(url: Callable[[World], str]) -> Route:
    return Route(url, who(200, COORDINATOR), who(200, COORDINATOR))


def _unesco_section(world: World) -> str:
    report, section = world.objects["unesco_draft"], world.objects["unesco_section"]
    return f"/unesco/reports/{report.pk}/sections/{section.pk}/"


UNESCO_ROUTES: dict[str, Route] = {
    "unesco/": Route(lambda w: "/unesco/", who(200, MEMBERS)),
    "unesco/commitments/": Route(lambda w: "/unesco/commitments/", who(200, MEMBERS)),
    "unesco/commitments/new/": _coordinator_form(lambda w: "/unesco/commitments/new/"),
    "unesco/commitments/<int:pk>/": Route(
        pk("unesco_commitment", "/unesco/commitments/{}/"), who(200, MEMBERS)
    ),
    "unesco/commitments/<int:pk>/edit/": _coordinator_form(
        pk("unesco_commitment", "/unesco/commitments/{}/edit/")
    ),
    "unesco/commitments/<int:commitment>/activities/new/": _coordinator_form(
        pk("unesco_commitment", "/unesco/commitments/{}/activities/new/")
    ),
    "unesco/activities/download/": Route(
        lambda w: "/unesco/activities/download/", who(200, MEMBERS)
    ),
    "unesco/activities/<int:pk>/edit/": _coordinator_form(
        pk("unesco_activity", "/unesco/activities/{}/edit/")
    ),
    "unesco/network/": Route(lambda w: "/unesco/network/", who(200, MEMBERS)),
    "unesco/network/new/": _coordinator_form(lambda w: "/unesco/network/new/"),
    "unesco/network/<int:pk>/edit/": _coordinator_form(
        pk("unesco_participation", "/unesco/network/{}/edit/")
    ),
    "unesco/outreach/": Route(lambda w: "/unesco/outreach/", who(200, MEMBERS - {"statistician"})),
    "unesco/outreach/new/": Route(
        lambda w: "/unesco/outreach/new/",
        who(200, COORDINATOR | OFFICERS),
        who(200, COORDINATOR | OFFICERS),
    ),
    "unesco/outreach/<int:pk>/": Route(
        pk("unesco_outreach", "/unesco/outreach/{}/"),
        who(200, OVERSEERS | {"officer_of_lead"}) | OUTREACH_HIDDEN,
    ),
    "unesco/outreach/<int:pk>/edit/": Route(
        pk("unesco_outreach", "/unesco/outreach/{}/edit/"),
        who(200, {"coordinator", "officer_of_lead"}) | OUTREACH_HIDDEN,
        who(200, {"coordinator", "officer_of_lead"}) | OUTREACH_HIDDEN,
    ),
    "unesco/reports/": Route(
        lambda w: "/unesco/reports/", who(200, REPORT_READERS), who(200, COORDINATOR)
    ),
    "unesco/reports/<int:pk>/": Route(
        pk("unesco_draft", "/unesco/reports/{}/"), who(200, REPORT_READERS)
    ),
    "unesco/reports/<int:pk>/sections/<int:section>/": Route(
        _unesco_section, who(200, COORDINATOR), who(302, COORDINATOR), lambda w: {"text_en": "x"}
    ),
    "unesco/reports/<int:pk>/submit/": Route(
        pk("unesco_draft", "/unesco/reports/{}/submit/"), NOT_ALLOWED, who(302, COORDINATOR)
    ),
    # The coordinator submitted it: a leader reviews it.
    "unesco/reports/<int:pk>/return/": Route(
        pk("unesco_submitted", "/unesco/reports/{}/return/"),
        NOT_ALLOWED,
        who(302, LEADERS),
        lambda w: {"reason": "Add the 2023 festival."},
    ),
    "unesco/reports/<int:pk>/approve/": Route(
        pk("unesco_submitted", "/unesco/reports/{}/approve/"), NOT_ALLOWED, who(302, LEADERS)
    ),
    "unesco/reports/<int:pk>/download/": Route(
        pk("unesco_draft", "/unesco/reports/{}/download/"), who(200, REPORT_READERS)
    ),
    "unesco/sections/": Route(lambda w: "/unesco/sections/", who(200, REPORT_READERS)),
    "unesco/sections/new/": _coordinator_form(lambda w: "/unesco/sections/new/"),
    "unesco/sections/<int:pk>/edit/": _coordinator_form(
        pk("unesco_section", "/unesco/sections/{}/edit/")
    ),
}


def _shipped_rule() -> int:
    from cnvh.events.models import ClearanceRule

    return ClearanceRule.objects.values_list("pk", flat=True).earliest("pk")


ROUTES: dict[str, Route] = {
    "": Route(lambda w: "/", everyone(200)),
    "road/": Route(lambda w: "/road/", everyone(200)),
    "estimates/": Route(lambda w: "/estimates/", everyone(200)),
    # The newest revision is not published: it does not exist for the public.
    "estimates/<int:pk>/": Route(pk("estimate", "/estimates/{}/"), hidden_from_public(200)),
    "estimates/<int:pk>/provenance.json": Route(
        pk("estimate", "/estimates/{}/provenance.json"), hidden_from_public(200)
    ),
    # The review page; an empty POST (not confirmed) is the review again with its error.
    "estimates/<int:pk>/publish/": Route(
        pk("estimate", "/estimates/{}/publish/"),
        who(200, {"statistician"}),
        who(200, {"statistician"}),
    ),
    # Without a reason nothing changes: back to the revision with the message.
    "estimates/<int:pk>/unpublish/": Route(
        pk("published_estimate", "/estimates/{}/unpublish/"),
        NOT_ALLOWED,
        who(302, {"statistician"}),
    ),
    "estimates/<int:pk>/restore/": Route(
        pk("estimate", "/estimates/{}/restore/"), NOT_ALLOWED, who(302, {"statistician"})
    ),
    "indicators/": Route(lambda w: "/indicators/", everyone(200)),
    "indicators/<slug:code>/": Route(lambda w: "/indicators/hidden/", hidden_from_public(200)),
    "agencies/": Route(lambda w: "/agencies/", who(200, MEMBERS)),
    "agencies/<slug:code>/": Route(
        lambda w: f"/agencies/{w.objects['lead'].code}/", who(200, MEMBERS)
    ),
    # A POST without a file shows the form again with its error.
    "boundaries/": Route(
        lambda w: "/boundaries/", who(200, {"administrator"}), who(200, {"administrator"})
    ),
    "boundaries/wards.geojson": Route(lambda w: "/boundaries/wards.geojson", everyone(200)),
    "login/": Route(
        lambda w: "/login/",
        {**everyone(302), "anonymous": 200},
        {**everyone(302), "anonymous": 200},
    ),
    "logout/": Route(lambda w: "/logout/", NOT_ALLOWED, everyone(302)),
    "plan/": Route(lambda w: "/plan/", who(200, MEMBERS)),
    "plan/tasks/<int:pk>/": Route(pk("task", "/plan/tasks/{}/"), who(200, MEMBERS)),
    # The coordinator's editors; an empty POST is the form again with its errors.
    "plan/tasks/new/": Route(
        lambda w: "/plan/tasks/new/", who(200, {"coordinator"}), who(200, {"coordinator"})
    ),
    "plan/tasks/<int:pk>/edit/": Route(
        pk("task", "/plan/tasks/{}/edit/"), who(200, {"coordinator"}), who(200, {"coordinator"})
    ),
    "plan/indicators/<slug:code>/targets/": Route(
        lambda w: "/plan/indicators/hidden/targets/",
        who(200, {"coordinator"}),
        who(200, {"coordinator"}),
    ),
    "my-work/": Route(lambda w: "/my-work/", who(200, OFFICERS)),
    "reports/start/": Route(
        lambda w: "/reports/start/",
        NOT_ALLOWED,
        who(302, WORKERS),
        lambda w: {"task": w.objects["task"].pk, "period": w.objects["second_period"].pk},
    ),
    # An empty POST is a form with errors (200) for those who may edit the report.
    "reports/<int:pk>/": Route(
        pk("draft", "/reports/{}/"), who(200, OVERSEERS | WORKERS), who(200, WORKERS)
    ),
    "evidence/<int:pk>/": Route(pk("evidence", "/evidence/{}/"), who(200, OVERSEERS | WORKERS)),
    "evidence/<int:pk>/delete/": Route(
        pk("evidence", "/evidence/{}/delete/"), NOT_ALLOWED, who(302, WORKERS)
    ),
    "approvals/": Route(lambda w: "/approvals/", who(200, APPROVERS)),
    # The review page: read by every approver, decided on only by those who may.
    "approvals/<int:pk>/": Route(pk("submitted", "/approvals/{}/"), who(200, APPROVERS)),
    # The leader elsewhere may see the report but not review it.
    "approvals/<int:pk>/approve/": Route(
        pk("submitted", "/approvals/{}/approve/"),
        NOT_ALLOWED,
        who(302, {"coordinator", "leader_of_lead"}),
    ),
    "approvals/<int:pk>/return/": Route(
        pk("submitted", "/approvals/{}/return/"),
        NOT_ALLOWED,
        who(302, {"coordinator", "leader_of_lead"}),
        lambda w: {f"r{w.objects['submitted'].pk}-reason": "Add the figures."},
    ),
    "notifications/": Route(lambda w: "/notifications/", who(200, SIGNED_IN)),
    "notifications/read/": Route(
        lambda w: "/notifications/read/", NOT_ALLOWED, who(302, SIGNED_IN)
    ),
    # The plan's periodic report and its downloads: GET only, for members.
    "exports/periodic/": Route(lambda w: "/exports/periodic/", who(200, MEMBERS)),
    "exports/periodic/report.xlsx": Route(
        lambda w: "/exports/periodic/report.xlsx", who(200, MEMBERS)
    ),
    "exports/periodic/report.pdf": Route(
        lambda w: "/exports/periodic/report.pdf", who(200, MEMBERS)
    ),
    # Tables as CSV and XLSX: estimates and indicators as the pages show them (the
    # newest revision is not published: it does not exist for the public); reports
    # for members, each row one they may see.
    "exports/": Route(lambda w: "/exports/", everyone(200)),
    "exports/estimates/<int:pk>.<table_format:file_format>": Route(
        pk("estimate", "/exports/estimates/{}.xlsx"), hidden_from_public(200)
    ),
    "exports/indicators.<table_format:file_format>": Route(
        lambda w: "/exports/indicators.csv", everyone(200)
    ),
    "exports/reports.<table_format:file_format>": Route(
        lambda w: "/exports/reports.xlsx", who(200, MEMBERS)
    ),
    "exports/report-values.<table_format:file_format>": Route(
        lambda w: "/exports/report-values.csv", who(200, MEMBERS)
    ),
    # Open data: public, the same published files for everyone.
    "open-data/": Route(lambda w: "/open-data/", everyone(200)),
    "open-data/catalog.jsonld": Route(lambda w: "/open-data/catalog.jsonld", everyone(200)),
    "open-data/estimates.<open_data_format:file_format>": Route(
        lambda w: "/open-data/estimates.csv", everyone(200)
    ),
    "open-data/indicators.<open_data_format:file_format>": Route(
        lambda w: "/open-data/indicators.json", everyone(200)
    ),
    # Imports: the pages are for those who may import some kind; a record, for those
    # who may import its kind (the totals: the statistician's). An empty POST is the
    # form again with its errors; the record is imported already, so confirming it
    # again, or asking for its progress, leads back to its page.
    "imports/": Route(lambda w: "/imports/", who(200, IMPORTERS)),
    "imports/new/": Route(lambda w: "/imports/new/", who(200, IMPORTERS), who(200, IMPORTERS)),
    "imports/<int:pk>/": Route(pk("import", "/imports/{}/"), who(200, {"statistician"})),
    "imports/<int:pk>/confirm/": Route(
        pk("import", "/imports/{}/confirm/"), NOT_ALLOWED, who(302, {"statistician"})
    ),
    "imports/<int:pk>/progress/": Route(
        pk("import", "/imports/{}/progress/"), who(302, {"statistician"})
    ),
    "estimate-runs/new/": Route(
        lambda w: "/estimate-runs/new/", who(200, {"statistician"}), who(200, {"statistician"})
    ),
    "estimate-runs/<int:pk>/": Route(
        pk("estimate_run", "/estimate-runs/{}/"), who(200, {"statistician"})
    ),
    "estimate-runs/<int:pk>/progress/": Route(
        pk("estimate_run", "/estimate-runs/{}/progress/"), who(302, {"statistician"})
    ),
    # Procedures and working days: members read; coordinators edit (an empty POST is
    # the form again with its errors) and remove announced days.
    "procedures/": Route(lambda w: "/procedures/", who(200, MEMBERS)),
    "procedures/new/": Route(
        lambda w: "/procedures/new/", who(200, {"coordinator"}), who(200, {"coordinator"})
    ),
    "procedures/<int:pk>/edit/": Route(
        lambda w: f"/procedures/{_shipped_procedure()}/edit/",
        who(200, {"coordinator"}),
        who(200, {"coordinator"}),
    ),
    "procedures/working-days/": Route(lambda w: "/procedures/working-days/", who(200, MEMBERS)),
    "procedures/working-days/new/": Route(
        lambda w: "/procedures/working-days/new/",
        who(200, {"coordinator"}),
        who(200, {"coordinator"}),
    ),
    "procedures/working-days/<int:pk>/edit/": Route(
        lambda w: f"/procedures/working-days/{_shipped_day()}/edit/",
        who(200, {"coordinator"}),
        who(200, {"coordinator"}),
    ),
    "procedures/working-days/<int:pk>/delete/": Route(
        lambda w: f"/procedures/working-days/{_shipped_day()}/delete/",
        NOT_ALLOWED,
        who(302, {"coordinator"}),
    ),
    "crafts/": Route(lambda w: "/crafts/", who(200, MEMBERS)),
    "crafts/rules/": Route(lambda w: "/crafts/rules/", who(200, MEMBERS)),
    "crafts/rules/thresholds/new/": Route(
        lambda w: "/crafts/rules/thresholds/new/",
        who(200, {"coordinator"}),
        who(200, {"coordinator"}),
    ),
    "crafts/rules/thresholds/<int:pk>/edit/": Route(
        pk("threshold", "/crafts/rules/thresholds/{}/edit/"),
        who(200, {"coordinator"}),
        who(200, {"coordinator"}),
    ),
    "crafts/villages/": Route(lambda w: "/crafts/villages/", who(200, MEMBERS)),
    "crafts/villages/new/": Route(
        lambda w: "/crafts/villages/new/", who(200, {"coordinator"}), who(200, {"coordinator"})
    ),
    "crafts/villages/<int:pk>/": Route(
        pk("craft_village", "/crafts/villages/{}/"), who(200, MEMBERS)
    ),
    "crafts/villages/<int:pk>/edit/": Route(
        pk("craft_village", "/crafts/villages/{}/edit/"),
        who(200, CRAFT_KEEPERS),
        who(200, CRAFT_KEEPERS),
    ),
    "crafts/crafts/": Route(lambda w: "/crafts/crafts/", who(200, MEMBERS)),
    "crafts/crafts/new/": Route(
        lambda w: "/crafts/crafts/new/", who(200, {"coordinator"}), who(200, {"coordinator"})
    ),
    "crafts/crafts/<int:pk>/edit/": Route(
        pk("craft", "/crafts/crafts/{}/edit/"),
        who(200, {"coordinator"}),
        who(200, {"coordinator"}),
    ),
    "crafts/artisans/new/": Route(
        lambda w: "/crafts/artisans/new/", who(200, {"coordinator"}), who(200, {"coordinator"})
    ),
    "crafts/artisans/<int:pk>/edit/": Route(
        pk("artisan", "/crafts/artisans/{}/edit/"),
        who(200, {"coordinator"}),
        who(200, {"coordinator"}),
    ),
    "crafts/marks/new/": Route(
        lambda w: "/crafts/marks/new/", who(200, {"coordinator"}), who(200, {"coordinator"})
    ),
    "crafts/marks/<int:pk>/edit/": Route(
        pk("mark", "/crafts/marks/{}/edit/"),
        who(200, {"coordinator"}),
        who(200, {"coordinator"}),
    ),
    "crafts/products/": Route(lambda w: "/crafts/products/", who(200, MEMBERS)),
    "crafts/products/new/": Route(
        lambda w: "/crafts/products/new/", who(200, {"coordinator"}), who(200, {"coordinator"})
    ),
    "crafts/products/<int:pk>/": Route(pk("product", "/crafts/products/{}/"), who(200, MEMBERS)),
    "crafts/products/<int:pk>/edit/": Route(
        pk("product", "/crafts/products/{}/edit/"),
        who(200, CRAFT_KEEPERS),
        who(200, CRAFT_KEEPERS),
    ),
    # The product has a rating under way: the proposal is refused with a message.
    "crafts/products/<int:pk>/propose/": Route(
        pk("product", "/crafts/products/{}/propose/"), NOT_ALLOWED, who(302, CRAFT_KEEPERS)
    ),
    "crafts/products/<int:pk>/steps/new/": Route(
        pk("product", "/crafts/products/{}/steps/new/"),
        who(200, CRAFT_KEEPERS),
        who(200, CRAFT_KEEPERS),
    ),
    "crafts/ratings/<int:pk>/score/": Route(
        pk("proposed_rating", "/crafts/ratings/{}/score/"),
        who(200, {"coordinator"}),
        who(200, {"coordinator"}),
    ),
    "crafts/ratings/<int:pk>/decide/": Route(
        pk("scored_rating", "/crafts/ratings/{}/decide/"),
        who(200, LEADERS),
        who(200, LEADERS),
    ),
    # The page a QR code on the product points to, and its chain: public; so is the
    # list of the support granted, which those pages link to.
    "support/grants/": Route(lambda w: "/support/grants/", everyone(200)),
    "p/<slug:code>/": Route(lambda w: "/p/proposed/", everyone(200)),
    "p/<slug:code>/epcis.jsonld": Route(lambda w: "/p/proposed/epcis.jsonld", everyone(200)),
    # Models and bright spots: members read; coordinators run the rounds; the invited
    # agencies' officers and leaders nominate; only the council member without a
    # conflict scores. Empty POSTs are the forms again with their errors (the
    # nomination page's own forms answer 400).
    "bright-spots/": Route(lambda w: "/bright-spots/", everyone(200)),
    "brightspots/": Route(lambda w: "/brightspots/", who(200, MEMBERS)),
    "brightspots/replications/download/": Route(
        lambda w: "/brightspots/replications/download/", who(200, MEMBERS)
    ),
    "brightspots/rubrics/": Route(lambda w: "/brightspots/rubrics/", who(200, MEMBERS)),
    "brightspots/rubrics/<int:pk>/edit/": Route(
        pk("bs_rubric", "/brightspots/rubrics/{}/edit/"),
        who(200, {"coordinator"}),
        who(200, {"coordinator"}),
    ),
    "brightspots/rounds/new/": Route(
        lambda w: "/brightspots/rounds/new/", who(200, {"coordinator"}), who(200, {"coordinator"})
    ),
    "brightspots/rounds/<int:pk>/": Route(
        pk("bs_round", "/brightspots/rounds/{}/"), who(200, MEMBERS)
    ),
    "brightspots/rounds/<int:pk>/nominate/": Route(
        pk("bs_round", "/brightspots/rounds/{}/nominate/"),
        who(200, NOMINATORS),
        who(200, NOMINATORS),
    ),
    "brightspots/nominations/<int:pk>/": Route(
        pk("bs_nomination", "/brightspots/nominations/{}/"), who(200, NOMINATION_READERS)
    ),
    "brightspots/nominations/<int:pk>/screen/": Route(
        pk("bs_nomination", "/brightspots/nominations/{}/screen/"),
        NOT_ALLOWED,
        who(400, {"coordinator"}),
    ),
    "brightspots/nominations/<int:pk>/site-visit/": Route(
        pk("bs_nomination", "/brightspots/nominations/{}/site-visit/"),
        NOT_ALLOWED,
        who(400, {"coordinator"}),
    ),
    "brightspots/nominations/<int:pk>/evidence/": Route(
        pk("bs_nomination", "/brightspots/nominations/{}/evidence/"),
        NOT_ALLOWED,
        who(400, {"officer_of_lead", "leader_of_lead"}),
    ),
    "brightspots/nominations/<int:pk>/score/": Route(
        pk("bs_nomination", "/brightspots/nominations/{}/score/"),
        who(200, {"leader_elsewhere"}),
        who(200, {"leader_elsewhere"}),
    ),
    "brightspots/nominations/<int:pk>/decide/": Route(
        pk("bs_nomination", "/brightspots/nominations/{}/decide/"),
        who(200, {"coordinator"}),
        who(200, {"coordinator"}),
    ),
    "brightspots/evidence/<int:pk>/": Route(
        pk("bs_evidence", "/brightspots/evidence/{}/"), who(200, NOMINATION_READERS)
    ),
    "brightspots/models/<int:pk>/": Route(
        pk("bs_model", "/brightspots/models/{}/"), who(200, MEMBERS)
    ),
    "brightspots/models/<int:pk>/replications/new/": Route(
        pk("bs_model", "/brightspots/models/{}/replications/new/"),
        who(200, {"coordinator"} | OFFICERS),
        who(200, {"coordinator"} | OFFICERS),
    ),
    "brightspots/models/<int:pk>/follow-up/": Route(
        pk("bs_model", "/brightspots/models/{}/follow-up/"),
        who(200, {"coordinator"}),
        who(200, {"coordinator"}),
    ),
    **UNESCO_ROUTES,
    # The enterprise register: members read; coordinators edit (an empty POST is the
    # form again with its errors).
    "enterprises/": Route(lambda w: "/enterprises/", who(200, MEMBERS)),
    "enterprises/new/": Route(
        lambda w: "/enterprises/new/", who(200, {"coordinator"}), who(200, {"coordinator"})
    ),
    "enterprises/programmes/": Route(lambda w: "/enterprises/programmes/", who(200, MEMBERS)),
    "enterprises/indicators/": Route(lambda w: "/enterprises/indicators/", who(200, MEMBERS)),
    # Programmes: coordinators, and the officers of the owner (the lead agency) for its
    # own; an IP filing or a certification is the coordinator's record.
    "enterprises/programmes/new/": Route(
        lambda w: "/enterprises/programmes/new/",
        who(200, COORDINATOR | OFFICERS),
        who(200, COORDINATOR | OFFICERS),
    ),
    "enterprises/programmes/<slug:code>/edit/": Route(
        lambda w: "/enterprises/programmes/so-hoa/edit/",
        who(200, {"coordinator", "officer_of_lead"}),
        who(200, {"coordinator", "officer_of_lead"}),
    ),
    "enterprises/programmes/<slug:code>/cases/new/": Route(
        lambda w: "/enterprises/programmes/so-hoa/cases/new/",
        who(200, {"coordinator", "officer_of_lead"}),
        who(200, {"coordinator", "officer_of_lead"}),
    ),
    "enterprises/<str:key>/ip/new/": _coordinator_form(
        lambda w: f"/enterprises/{w.objects['enterprise'].key}/ip/new/"
    ),
    "enterprises/<str:key>/ip/<int:pk>/edit/": _coordinator_form(
        lambda w: f"/enterprises/{w.objects['enterprise'].key}/ip/{w.objects['filing'].pk}/edit/"
    ),
    "enterprises/<str:key>/certifications/new/": _coordinator_form(
        lambda w: f"/enterprises/{w.objects['enterprise'].key}/certifications/new/"
    ),
    "enterprises/<str:key>/certifications/<int:pk>/edit/": _coordinator_form(
        lambda w: (
            f"/enterprises/{w.objects['enterprise'].key}/certifications/"
            f"{w.objects['certification'].pk}/edit/"
        )
    ),
    # A case's inside is for those who handle it: the programme belongs to the lead
    # agency. The case waits for its assessment: an empty review is refused (400).
    "enterprises/cases/<int:pk>/": Route(
        pk("case", "/enterprises/cases/{}/"),
        who(200, {"coordinator", "officer_of_lead", "leader_of_lead"}),
    ),
    "enterprises/cases/<int:pk>/<slug:step>/": Route(
        pk("case", "/enterprises/cases/{}/review/"),
        NOT_ALLOWED,
        who(400, {"coordinator", "officer_of_lead", "leader_of_lead"}),
    ),
    # Investment projects: members read; coordinators and officers record projects, the
    # managing (lead) agency's officers keep them. An empty POST is the form again (200),
    # or the project's page with the step's errors (400).
    "enterprises/projects/": Route(lambda w: "/enterprises/projects/", who(200, MEMBERS)),
    "enterprises/projects/new/": Route(
        lambda w: "/enterprises/projects/new/",
        who(200, COORDINATOR | OFFICERS),
        who(200, COORDINATOR | OFFICERS),
    ),
    "enterprises/projects/<int:pk>/": Route(
        pk("project", "/enterprises/projects/{}/"), who(200, MEMBERS)
    ),
    "enterprises/projects/<int:pk>/edit/": Route(
        pk("project", "/enterprises/projects/{}/edit/"),
        who(200, {"coordinator", "officer_of_lead"}),
        who(200, {"coordinator", "officer_of_lead"}),
    ),
    "enterprises/projects/<int:pk>/<slug:step>/": Route(
        pk("project", "/enterprises/projects/{}/capital/"),
        NOT_ALLOWED,
        who(400, {"coordinator", "officer_of_lead"}),
    ),
    "enterprises/<str:key>/": Route(
        lambda w: f"/enterprises/{w.objects['enterprise'].key}/", who(200, MEMBERS)
    ),
    "enterprises/<str:key>/edit/": Route(
        lambda w: f"/enterprises/{w.objects['enterprise'].key}/edit/",
        who(200, {"coordinator"}),
        who(200, {"coordinator"}),
    ),
    # Cultural events: members read; officers and coordinators record files; the
    # receiving agency's officers take its steps and its leaders decide; an agency
    # answers only its own view. An empty POST is a form with its errors (200) or the
    # event's page with a message (302). The calendar is public.
    "events/": Route(lambda w: "/events/", who(200, MEMBERS)),
    "events/new/": Route(lambda w: "/events/new/", who(200, FILERS), who(200, FILERS)),
    "events/indicators/": Route(lambda w: "/events/indicators/", who(200, MEMBERS)),
    "events/<int:pk>/": Route(pk("filed_event", "/events/{}/"), who(200, MEMBERS)),
    "events/rules/": Route(lambda w: "/events/rules/", who(200, MEMBERS)),
    "events/rules/new/": Route(
        lambda w: "/events/rules/new/", who(200, {"coordinator"}), who(200, {"coordinator"})
    ),
    "events/rules/<int:pk>/edit/": Route(
        lambda w: f"/events/rules/{_shipped_rule()}/edit/",
        who(200, {"coordinator"}),
        who(200, {"coordinator"}),
    ),
    "events/<int:pk>/step/": Route(
        pk("filed_event", "/events/{}/step/"), NOT_ALLOWED, who(302, EVENT_HANDLERS)
    ),
    "events/<int:pk>/incomplete/": Route(
        pk("filed_event", "/events/{}/incomplete/"), NOT_ALLOWED, who(302, EVENT_HANDLERS)
    ),
    "events/<int:pk>/call-off/": Route(
        pk("filed_event", "/events/{}/call-off/"), NOT_ALLOWED, who(302, EVENT_HANDLERS)
    ),
    "events/<int:pk>/decide/": Route(
        pk("clearing_event", "/events/{}/decide/"),
        who(200, EVENT_DECIDERS),
        who(200, EVENT_DECIDERS),
    ),
    "events/<int:pk>/report/": Route(
        pk("published_event", "/events/{}/report/"),
        who(200, EVENT_HANDLERS),
        who(200, EVENT_HANDLERS),
    ),
    "events/views/<int:pk>/answer/": Route(
        pk("pending_clearance", "/events/views/{}/answer/"),
        who(200, {"officer_of_coordinating"}),
        who(200, {"officer_of_coordinating"}),
    ),
    # Venues: members read; the coordinator (and the culture department) edit. The
    # queue of views waiting is every member's. A clash is resolved by the receiving
    # agency's officers (an empty note: back to the event with a message).
    "events/venues/": Route(lambda w: "/events/venues/", who(200, MEMBERS)),
    "events/venues/new/": _coordinator_form(lambda w: "/events/venues/new/"),
    "events/venues/<int:pk>/": Route(pk("event_venue", "/events/venues/{}/"), who(200, MEMBERS)),
    "events/venues/<int:pk>/edit/": _coordinator_form(pk("event_venue", "/events/venues/{}/edit/")),
    "events/views/": Route(lambda w: "/events/views/", who(200, MEMBERS)),
    "events/clashes/<int:pk>/resolve/": Route(
        pk("open_clash", "/events/clashes/{}/resolve/"), NOT_ALLOWED, who(302, EVENT_HANDLERS)
    ),
    "events/<int:pk>/move/": Route(
        pk("filed_event", "/events/{}/move/"),
        who(200, EVENT_HANDLERS),
        who(200, EVENT_HANDLERS),
    ),
    "calendar/": Route(lambda w: "/calendar/", everyone(200)),
    "calendar/week/": Route(lambda w: "/calendar/week/", everyone(200)),
    "calendar/map/": Route(lambda w: "/calendar/map/", everyone(200)),
    "calendar/events.ics": Route(lambda w: "/calendar/events.ics", everyone(200)),
    "calendar/wards/<slug:code>.ics": Route(
        lambda w: f"/calendar/wards/{w.objects['event_venue'].ward.code}.ics", everyone(200)
    ),
    "calendar/sectors/<slug:key>.ics": Route(
        lambda w: "/calendar/sectors/performing_arts.ics", everyone(200)
    ),
    "calendar/<int:pk>/": Route(pk("published_event", "/calendar/{}/"), everyone(200)),
    "i18n/setlang/": Route(
        lambda w: "/i18n/setlang/", everyone(302), everyone(302), lambda w: {"language": "vi"}
    ),
    "health/": Route(lambda w: "/health/", everyone(200)),
}


# The REST API (cnvh.api). It answers with JSON: 401 to the anonymous where a login is
# needed (it never redirects), 404 where an object does not exist for the caller. Its
# writes take JSON, so the form data posted here is a bad body (400) to all who pass the
# login. tests/api has each endpoint with real bodies, by token and by session.
def api_members(outcome: Outcome, others: Outcome = 403) -> Outcomes:
    found: Outcomes = {role: outcome if role in MEMBERS else others for role in ROLES}
    found["anonymous"] = 401
    return found


def api_only(outcome: Outcome, allowed: set[str], refused: set[str]) -> Outcomes:
    """`outcome` for `allowed`, 403 for `refused`, 404 for the others (401 anonymous)."""
    found: Outcomes = {
        role: outcome if role in allowed else 403 if role in refused else 404 for role in ROLES
    }
    found["anonymous"] = 401
    return found


def api_importers(outcome: Outcome, allowed: set[str] | None = None) -> Outcomes:
    allowed = allowed or IMPORTERS
    return {**api_members(403), **dict.fromkeys(allowed, outcome)}


ROUTES |= {
    "api/tokens/": Route(lambda w: "/api/tokens/", who(200, MEMBERS), who(200, MEMBERS)),
    # Only one's own tokens can be revoked; nobody here has one with this number.
    "api/tokens/<int:pk>/revoke/": Route(
        lambda w: "/api/tokens/999999/revoke/", NOT_ALLOWED, who(404, MEMBERS)
    ),
    "api/openapi.json": Route(lambda w: "/api/openapi.json", everyone(200)),
    "api/docs": Route(lambda w: "/api/docs", everyone(200)),
    "api/scopes": Route(lambda w: "/api/scopes", everyone(200)),
    "api/estimates": Route(lambda w: "/api/estimates", everyone(200)),
    "api/road": Route(lambda w: "/api/road", everyone(200)),
    "api/estimates/<estimate_id>": Route(
        pk("estimate", "/api/estimates/{}"), hidden_from_public(200)
    ),
    "api/estimate-rows": Route(lambda w: "/api/estimate-rows", everyone(200)),
    "api/indicators": Route(lambda w: "/api/indicators", everyone(200)),
    "api/indicators/<code>": Route(lambda w: "/api/indicators/hidden", hidden_from_public(200)),
    "api/areas": Route(lambda w: "/api/areas", everyone(200)),
    "api/bright-spots": Route(lambda w: "/api/bright-spots", everyone(200)),
    "api/bright-spots/<spot_id>": Route(pk("bs_model", "/api/bright-spots/{}"), everyone(200)),
    "api/bright-spot-rounds": Route(lambda w: "/api/bright-spot-rounds", api_members(200)),
    "api/bright-spot-rounds/<round_id>": Route(
        pk("bs_round", "/api/bright-spot-rounds/{}"), api_members(200)
    ),
    "api/bright-spot-indicators": Route(lambda w: "/api/bright-spot-indicators", everyone(200)),
    "api/plans": Route(lambda w: "/api/plans", api_members(200)),
    "api/plans/<code>": Route(
        lambda w: f"/api/plans/{w.objects['task'].group.plan.code}", api_members(200)
    ),
    "api/groups": Route(lambda w: "/api/groups", api_members(200)),
    "api/tasks": Route(lambda w: "/api/tasks", api_members(200)),
    "api/tasks/<task_id>": Route(pk("task", "/api/tasks/{}"), api_members(200)),
    "api/periods": Route(lambda w: "/api/periods", api_members(200)),
    "api/agencies": Route(lambda w: "/api/agencies", api_members(200)),
    "api/unesco/indicators": Route(lambda w: "/api/unesco/indicators", api_members(200)),
    "api/unesco/commitments": Route(lambda w: "/api/unesco/commitments", api_members(200)),
    "api/unesco/activities": Route(lambda w: "/api/unesco/activities", api_members(200)),
    # As the outreach pages: the statistician does not read who took part in what.
    "api/unesco/outreach": Route(
        lambda w: "/api/unesco/outreach", {**api_members(200), "statistician": 403}
    ),
    "api/agencies/<code>": Route(
        lambda w: f"/api/agencies/{w.objects['lead'].code}", api_members(200)
    ),
    "api/reports": Route(lambda w: "/api/reports", api_members(200), api_members(400, 400)),
    "api/reports/<report_id>": Route(
        pk("draft", "/api/reports/{}"), api_only(200, OVERSEERS | WORKERS, set())
    ),
    # The draft has no narrative yet: the workflow refuses to submit it (422).
    "api/reports/<report_id>/submit": Route(
        pk("draft", "/api/reports/{}/submit"), NOT_ALLOWED, api_only(422, WORKERS, OVERSEERS)
    ),
    "api/crafts/indicators": Route(lambda w: "/api/crafts/indicators", api_members(200)),
    "api/crafts/products": Route(lambda w: "/api/crafts/products", api_members(200)),
    "api/me": Route(lambda w: "/api/me", api_members(200, 200)),
    # Imports and estimates: for those who may import (the statistician, the coordinator,
    # the administrator) and run estimates (the statistician). Nothing has this number.
    "api/import-kinds": Route(lambda w: "/api/import-kinds", api_importers(200)),
    "api/imports": Route(lambda w: "/api/imports", api_importers(200), api_members(422, 422)),
    "api/imports/<import_id>": Route(lambda w: "/api/imports/999999", api_importers(404)),
    "api/imports/<import_id>/confirm": Route(
        lambda w: "/api/imports/999999/confirm", NOT_ALLOWED, api_importers(404)
    ),
    "api/estimate-runs": Route(lambda w: "/api/estimate-runs", NOT_ALLOWED, api_members(400, 400)),
    "api/estimate-runs/<run_id>": Route(
        lambda w: "/api/estimate-runs/999999", api_importers(404, {"statistician"})
    ),
    "api/enterprises": Route(lambda w: "/api/enterprises", api_members(200)),
    "api/enterprises/<key>": Route(
        lambda w: f"/api/enterprises/{w.objects['enterprise'].key}", api_members(200)
    ),
    "api/programmes": Route(lambda w: "/api/programmes", api_members(200)),
    "api/support-indicators": Route(lambda w: "/api/support-indicators", api_members(200)),
    "api/investment-projects": Route(lambda w: "/api/investment-projects", api_members(200)),
    "api/investment-projects/<project_id>": Route(
        pk("project", "/api/investment-projects/{}"), api_members(200)
    ),
    "api/investment-figures": Route(
        lambda w: "/api/investment-figures?year=2026", api_members(200)
    ),
    "api/events": Route(lambda w: "/api/events", api_members(200), api_members(400, 400)),
    "api/events/<event_id>": Route(pk("filed_event", "/api/events/{}"), api_members(200)),
    "api/events/<event_id>/clearances/<agency>": Route(
        lambda w: f"/api/events/{w.objects['clearing_event'].pk}/clearances/nothing",
        NOT_ALLOWED,
        api_members(400, 400),
    ),
    "api/event-indicators": Route(
        lambda w: "/api/event-indicators?starts_on=2026-01-01&ends_on=2026-12-31",
        api_members(200),
    ),
    "api/": Route(lambda w: "/api/", everyone(404), everyone(404)),
    "api/<path:rest>": Route(lambda w: "/api/nothing/here", everyone(404), everyone(404)),
}


# Django's admin: staff only. The administrators are staff (as in the demo) but hold
# no model permission here, so being staff alone opens no table.
STAFF = {"administrator"}
ADMIN_MODELS = {
    "auth/group": "group",
    "auth/user": "user",
    "django_tasks_database/dbtaskresult": "task_result",
    "estimates/estimate": "estimate",
    "estimates/estimaterow": "estimate_row",
    "plan/agency": "agency",
    "plan/membership": "membership",
}


def admin(url: str, staff: Outcome) -> Route:
    """Everyone but the staff is sent to the admin's login page."""
    outcomes = {role: staff if role in STAFF else ADMIN_LOGIN for role in ROLES}
    return Route(lambda w: url.format(**w.objects.get("admin_ids", {})), outcomes)


ADMIN_ROUTES: dict[str, Route] = {
    "admin/": admin("/admin/", 200),
    "admin/login/": Route(
        lambda w: "/admin/login/",
        {role: 302 if role in STAFF else 200 for role in ROLES},
    ),
    # Logging out is a POST; a GET from someone not staff is sent to the index first.
    "admin/logout/": Route(
        lambda w: "/admin/logout/", {role: 405 if role in STAFF else 302 for role in ROLES}
    ),
    "admin/password_change/": admin("/admin/password_change/", 200),
    "admin/password_change/done/": admin("/admin/password_change/done/", 200),
    "admin/autocomplete/": admin("/admin/autocomplete/", 403),
    "admin/jsi18n/": admin("/admin/jsi18n/", 200),
    "admin/r/<path:content_type_id>/<path:object_id>/": admin("/admin/r/1/1/", 404),
    "admin/^(?P<app_label>auth|django_tasks_database|estimates|plan)/$": admin("/admin/auth/", 404),
    "admin/(?P<url>.*)$": admin("/admin/nothing-here/", 404),
    "admin/auth/user/<id>/password/": admin("/admin/auth/user/{user}/password/", 403),
}
for prefix, name in ADMIN_MODELS.items():
    ADMIN_ROUTES |= {
        f"admin/{prefix}/": admin(f"/admin/{prefix}/", 403),
        f"admin/{prefix}/add/": admin(f"/admin/{prefix}/add/", 403),
        f"admin/{prefix}/<path:object_id>/history/": admin(
            f"/admin/{prefix}/{{{name}}}/history/", 403
        ),
        f"admin/{prefix}/<path:object_id>/delete/": admin(
            f"/admin/{prefix}/{{{name}}}/delete/", 403
        ),
        f"admin/{prefix}/<path:object_id>/change/": admin(
            f"/admin/{prefix}/{{{name}}}/change/", 403
        ),
        # The old form of the change address redirects to the new one.
        f"admin/{prefix}/<path:object_id>/": admin(f"/admin/{prefix}/{{{name}}}/", 302),
    }
# The same rules as the pages decide in the admin: members may view agencies and the
# administrator may change them (cnvh.plan.permissions); roles are model permissions.
for suffix in ("", "{agency}/change/", "{agency}/history/"):
    ADMIN_ROUTES[
        f"admin/plan/agency/{suffix and '<path:object_id>/' + suffix.split('/', 1)[1]}"
    ] = admin(f"/admin/plan/agency/{suffix}", 200)
# simple-history's page for one past version of a record.
ADMIN_ROUTES["admin/plan/agency/^([^/]+)/history/([^/]+)/$"] = admin(
    "/admin/plan/agency/{agency}/history/{agency_history}/", 200
)
ADMIN_ROUTES["admin/plan/membership/^([^/]+)/history/([^/]+)/$"] = admin(
    "/admin/plan/membership/{membership}/history/{membership_history}/", 403
)


def pages_open_to(world: World, role: str) -> list[str]:
    """The table's URLs that answer `role` with a page (200 on GET)."""
    return [route.url(world) for route in ROUTES.values() if route.get.get(role) == 200]
