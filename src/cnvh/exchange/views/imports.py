"""Upload a file, see how it was understood and what is wrong, confirm, follow the save."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_htmx.http import HttpResponseClientRefresh

from cnvh import language
from cnvh.presentation.access import permission_required

from .. import config, display, importing, registry, service
from ..forms import ImportForm
from ..models import Dataset, ImportRecord
from ..recovery import settle, settle_all

PAGE = "exchange.import_data"
LISTED = 200


@require_safe
@permission_required(PAGE)
def import_list(request: HttpRequest) -> HttpResponse:
    """The imports of the kinds this person may import: who, when, file, result."""
    settle_all()
    keys = [kind.key for kind in registry.allowed(request.user)]
    records = list(ImportRecord.objects.filter(kind__in=keys).select_related("created_by")[:LISTED])
    language = display.language()
    for record in records:
        record.kind_title = registry.title(record.kind, language)  # type: ignore[attr-defined]
    return render(
        request, "exchange/import_list.html", {"records": records, "can_upload": bool(keys)}
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required(PAGE)
def import_new(request: HttpRequest) -> HttpResponse:
    # The registries' pages link here with the kind their records are imported as.
    initial = {"kind": request.GET.get("kind", "")}
    form = ImportForm(
        request.POST or None, request.FILES or None, user=request.user, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        record = service.start_import(
            request.user,
            form.cleaned_data["file"],
            form.cleaned_data["kind"],
            form.cleaned_data["sheet"] or None,
            background=True,
        )
        return redirect("exchange-import", pk=record.pk)
    limits = config.limits()
    context = {
        "form": form,
        "max_mb": limits.max_bytes >> 20,
        "max_rows": language.number(limits.max_rows),
        "kinds": [
            (kind, display.column_rows([_column(c) for c in kind.columns]))
            for kind in registry.allowed(request.user)
        ],
    }
    return render(request, "exchange/import_new.html", context)


def _column(column: object) -> dict[str, object]:
    return {
        "name": getattr(column, "name", ""),
        "type": getattr(column, "type", ""),
        "required": getattr(column, "required", False),
        "title_vi": getattr(column, "title_vi", ""),
        "title_en": getattr(column, "title_en", ""),
    }


def record_for(request: HttpRequest, pk: int) -> ImportRecord:
    """The import, if this person may import its kind, and this import of it."""
    record = get_object_or_404(ImportRecord.objects.select_related("created_by"), pk=pk)
    kind = registry.kind(record.kind)
    if kind is None or not request.user.has_perm(kind.permission, record):
        raise PermissionDenied
    return record


@require_safe
@permission_required(PAGE)
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    record = settle(record_for(request, pk))
    columns = display.column_rows(record.columns)
    context = {
        "record": record,
        "kind_title": registry.title(record.kind, display.language()),
        "used": [column for column in columns if column.get("name")],
        "ignored": [column for column in columns if not column.get("name")],
        "problems": display.problem_rows(record.problems),
        "more": max(record.problem_count - len(record.problems), 0),
        "confirmable": importing.confirmable(record),
        "seconds": display.seconds(record.details.get("seconds") or {}),
        "dataset": Dataset.objects.filter(import_record=record).first(),
    }
    return render(request, "exchange/import_detail.html", context)


@require_POST
@permission_required(PAGE)
def import_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    record = record_for(request, pk)
    try:
        record = service.confirm_import(request.user, record)
    except service.ImportStateError:
        messages.info(request, _("This import is not waiting for confirmation."))
    else:
        if record.status == ImportRecord.Status.IMPORTED:
            messages.success(
                request,
                _("Imported: %(rows)s rows saved.") % {"rows": language.number(record.rows_saved)},
            )
    return redirect("exchange-import", pk=record.pk)


@require_safe
@permission_required(PAGE)
def import_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """What the page polls while the import is saved; once it is done, the whole page
    is loaded again to show the result."""
    record = settle(record_for(request, pk))
    if not record.in_progress:
        if request.headers.get("HX-Request"):
            return HttpResponseClientRefresh()
        return redirect("exchange-import", pk=record.pk)
    return render(request, "exchange/_import_progress.html", {"record": record})
