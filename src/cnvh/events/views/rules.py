"""The clearance rules: which agency gives its view on which events. Members read
them; coordinators edit them (dated rows, with history)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cnvh.events.forms import ClearanceRuleForm
from cnvh.events.models import KIND_CHOICES, ClearanceRule
from cnvh.plan.permissions import require


@require_GET
@login_required
def rule_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "events.view_events")
    kinds = dict(KIND_CHOICES)
    rules = [
        (rule, [str(kinds.get(kind, kind)) for kind in rule.kinds or []])
        for rule in ClearanceRule.objects.select_related("agency")
    ]
    context = {"rules": rules, "can_edit": request.user.has_perm("events.change_rules")}
    return render(request, "events/rule_list.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def rule_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    rule = get_object_or_404(ClearanceRule, pk=pk) if pk else None
    require(request.user, "events.change_rules", rule)
    form = ClearanceRuleForm(request.POST or None, instance=rule)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The rule is saved."))
        return redirect("events-rules")
    return render(request, "events/rule_form.html", {"form": form, "rule": rule})
