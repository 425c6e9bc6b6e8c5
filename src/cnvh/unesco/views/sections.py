"""The report's structure as data: the coordinator adds, reorders, renames or retires
sections when the Network changes its form; the history keeps every version."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cnvh.plan.permissions import require
from cnvh.unesco.forms import SectionForm
from cnvh.unesco.models import ReportSection


@require_GET
@login_required
def section_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "unesco.view_reports")
    context = {
        "sections": ReportSection.objects.all(),
        "can_edit": request.user.has_perm("unesco.change_sections"),
    }
    return render(request, "unesco/section_list.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def section_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    require(request.user, "unesco.change_sections")
    section = get_object_or_404(ReportSection, pk=pk) if pk else None
    form = SectionForm(request.POST or None, instance=section)
    if request.method == "POST" and form.is_valid():
        form.instance._history_user = request.user
        form.save()
        messages.success(request, _("The section is saved."))
        return redirect("unesco-sections")
    context = {
        "form": form,
        "record": section,
        "heading": str(section or _("New section")),
        "back": "unesco-sections",
    }
    return render(request, "unesco/form.html", context)
