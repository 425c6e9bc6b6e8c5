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
IMPORTERS = {"statistician", "coordinator", "administrator"}


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


ROUTES: dict[str, Route] = {
    "": Route(lambda w: "/", everyone(200)),
    "estimates/": Route(lambda w: "/estimates/", everyone(200)),
    # The newest revision is not published: it does not exist for the public.
    "estimates/<int:pk>/": Route(pk("estimate", "/estimates/{}/"), hidden_from_public(200)),
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
    allowed = allowed or {"statistician", "coordinator", "administrator"}
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
    "api/estimates/<estimate_id>": Route(
        pk("estimate", "/api/estimates/{}"), hidden_from_public(200)
    ),
    "api/estimate-rows": Route(lambda w: "/api/estimate-rows", everyone(200)),
    "api/indicators": Route(lambda w: "/api/indicators", everyone(200)),
    "api/indicators/<code>": Route(lambda w: "/api/indicators/hidden", hidden_from_public(200)),
    "api/areas": Route(lambda w: "/api/areas", everyone(200)),
    "api/plans": Route(lambda w: "/api/plans", api_members(200)),
    "api/plans/<code>": Route(
        lambda w: f"/api/plans/{w.objects['task'].group.plan.code}", api_members(200)
    ),
    "api/groups": Route(lambda w: "/api/groups", api_members(200)),
    "api/tasks": Route(lambda w: "/api/tasks", api_members(200)),
    "api/tasks/<task_id>": Route(pk("task", "/api/tasks/{}"), api_members(200)),
    "api/periods": Route(lambda w: "/api/periods", api_members(200)),
    "api/agencies": Route(lambda w: "/api/agencies", api_members(200)),
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
