"""The administrator's tables: agencies, and people with the roles they hold.

Every change made here is kept in the records' history, like changes made on
the pages. Plan content (tasks, targets, reports) is edited on the pages, where
the rules and the workflow apply, not here.
"""

from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from cnvh.plan.forms import LoginForm
from cnvh.plan.models import Agency, Membership


class AdminLoginForm(LoginForm, AdminAuthenticationForm):
    """The admin site's login is the site's: failures count towards the same lockout
    (a name locked at /login/ is locked here, and failures here lock /login/); and, as
    the admin's own form, only staff get in."""

    error_messages = {**LoginForm.error_messages, **AdminAuthenticationForm.error_messages}


admin.site.login_form = AdminLoginForm


@admin.register(Agency)
class AgencyAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name_vi", "kind", "unit_code", "valid_from", "valid_to"]
    list_filter = ["kind"]
    search_fields = ["code", "name_vi", "name_en", "short_name", "unit_code"]
    autocomplete_fields = ["parent"]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "role", "agency"]
    list_filter = ["role"]
    search_fields = ["user__username", "agency__name_vi", "agency__code"]
    autocomplete_fields = ["user", "agency"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["agency"]


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class PersonAdmin(UserAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "first_name", "email", "is_active", "last_login"]
    # What a person may do comes from their roles (memberships) and the rules of
    # cnvh.plan.permissions: no one grants superuser status, groups or single
    # permissions here, themselves included (a field left out of the form cannot be
    # posted either).
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
        (_("Permissions"), {"fields": ("is_active", "is_staff")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    list_filter = ["is_staff", "is_active"]
    filter_horizontal = ()
