"""The coordinator's editors: tasks of the plan, and an indicator's baseline and
targets. Every save is kept in the records' history with who made it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cnvh.plan.forms import BaselineForm, TargetFormSet, TaskForm
from cnvh.plan.models import Indicator, Task
from cnvh.plan.permissions import require
from cnvh.plan.views.tasks import chosen_plan


@require_http_methods(["GET", "POST"])
@login_required
def task_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "plan.add_task")
    plan = chosen_plan(request)
    form = TaskForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        task = form.save()
        messages.success(request, _("The task is added to the plan."))
        return redirect("plan-task", pk=task.pk)
    return render(request, "plan/task_form.html", {"form": form, "plan": plan, "task": None})


@require_http_methods(["GET", "POST"])
@login_required
def task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_object_or_404(Task.objects.select_related("group__plan"), pk=pk)
    require(request.user, "plan.change_task", task)
    form = TaskForm(request.POST or None, instance=task, plan=task.group.plan)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The task is saved."))
        return redirect("plan-task", pk=task.pk)
    context = {"form": form, "plan": task.group.plan, "task": task}
    return render(request, "plan/task_form.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def indicator_targets(request: HttpRequest, code: str) -> HttpResponse:
    indicator = get_object_or_404(Indicator, code=code)
    require(request.user, "plan.change_indicator", indicator)
    baseline = BaselineForm(request.POST or None, instance=indicator, prefix="baseline")
    targets = TargetFormSet(request.POST or None, instance=indicator, prefix="targets")
    if request.method == "POST" and baseline.is_valid() and targets.is_valid():
        with transaction.atomic():
            baseline.save()
            targets.save()
        messages.success(request, _("The baseline and targets are saved."))
        return redirect("web-indicator", code=indicator.code)
    context = {"indicator": indicator, "baseline": baseline, "targets": targets}
    return render(request, "plan/indicator_targets.html", context)
