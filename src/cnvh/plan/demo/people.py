"""The demo's people: one person for each role, documented in the README, and an
officer for every agency that leads a task, so every report has an author.

Known passwords exist only in demo mode (debug on); otherwise the accounts are
made without a usable password and an administrator sets them.
"""

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Permission

from cnvh.plan.models import Agency, Membership, Role, Task
from cnvh.plan.permissions import reporters_of

DEMO_PASSWORD = "cnvh-demo-2026"
WARD_OF_THE_DEMO = "Phường Hoàn Kiếm"

# user name, role, agency code (None: the demo's ward), full name
PEOPLE = [
    ("quantri", Role.ADMINISTRATOR, "so-vhtt", "Nguyễn Văn Quản"),
    ("dieuphoi", Role.COORDINATOR, "so-vhtt", "Trần Thị Điều"),
    ("lanhdao", Role.LEADER, "so-vhtt", "Lê Văn Lãnh"),
    ("canbo", Role.OFFICER, "so-vhtt", "Phạm Thị Cán"),
    ("canbophuong", Role.OFFICER, None, "Hoàng Văn Phường"),
    ("thongke", Role.STATISTICIAN, "thong-ke", "Vũ Thị Thống"),
]
# What the administrator manages in the admin site (model permissions).
ADMIN_PERMISSIONS = [
    ("auth", "user"),
    ("plan", "membership"),
    ("plan", "agency"),
]


def load_people(agencies: dict[str, Agency], demo_mode: bool) -> dict[str, Any]:
    """Make the documented people and the agencies' officers; return them by name."""
    password = make_password(DEMO_PASSWORD if demo_mode else None)
    ward = next(a for a in agencies.values() if a.short_name == WARD_OF_THE_DEMO)
    users = get_user_model().objects
    people = {}
    for name, role, code, full_name in PEOPLE:
        # Vietnamese order (family name first) in Django's "first last" display.
        person = users.create(
            username=name,
            password=password,
            first_name=full_name,
            is_staff=role == Role.ADMINISTRATOR,
        )
        Membership.objects.create(user=person, agency=agencies[code] if code else ward, role=role)
        people[name] = person
    people["quantri"].user_permissions.set(_admin_permissions())
    for agency in Agency.objects.filter(led_tasks__isnull=False).distinct():
        if Membership.objects.filter(agency=agency, role=Role.OFFICER).exists():
            continue
        person = users.create(**agency_officer(agency), password=password)
        Membership.objects.create(user=person, agency=agency, role=Role.OFFICER)
    return people


def agency_officer(agency: Agency) -> dict[str, str]:
    """The user name and the name shown of the demo's officer of an agency that has no
    named person: pages and histories then read "Cán bộ Sở Công Thương", not a code."""
    return {
        "username": f"canbo-{agency.code}",
        "first_name": f"Cán bộ {agency.short_name or agency.name_vi}",
    }


def officer_of(task: Task) -> Any:
    """The first of the officers who make the task's reports."""
    return min(reporters_of(task), key=lambda person: person.pk, default=None)


def _admin_permissions() -> list[Permission]:
    wanted = [
        Permission.objects.filter(content_type__app_label=app, content_type__model=model)
        for app, model in ADMIN_PERMISSIONS
    ]
    return [permission for query in wanted for permission in query]


def give_addresses(people: dict[str, Any]) -> None:
    """E-mail addresses come last, so loading the demo's history sends no mail;
    reminders from then on reach the console."""
    for name, person in people.items():
        person.email = f"{name}@demo.cnvh.invalid"
        person.save(update_fields=["email"])
