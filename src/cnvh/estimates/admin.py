"""Stored estimates are read-only: the admin shows them, nobody edits them."""

from django.contrib import admin
from django.http import HttpRequest

from cnvh.estimates.models import Estimate, EstimateRow


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Estimate)
class EstimateAdmin(ReadOnlyAdmin):
    list_display = ["scope_key", "revision", "label", "synthetic", "unit", "created_at"]
    list_filter = ["scope_key", "synthetic"]
    search_fields = ["scope_key", "label"]
    readonly_fields = [field.name for field in Estimate._meta.fields]


@admin.register(EstimateRow)
class EstimateRowAdmin(ReadOnlyAdmin):
    # Rows are listed here, not inline: an estimate by ward has thousands of them.
    list_display = ["estimate", "year", "sector", "area", "value_added", "share"]
    list_filter = ["estimate__scope_key", "year"]
    list_select_related = ["estimate"]
    search_fields = ["sector", "area"]
    readonly_fields = [field.name for field in EstimateRow._meta.fields]
