"""Publishing with eyes open: a revision is published from a review page that sets
it beside the public one, and the public revision is withdrawn or an earlier one
put back with a reason. Each change is recorded (`cnvh.estimates.publishing`)."""

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from cnvh.estimates import publishing
from cnvh.estimates.models import Estimate
from cnvh.presentation.access import permission_required
from cnvh.presentation.comparison import compare
from cnvh.presentation.formatting import money_scale


class PublishForm(forms.Form):
    confirm = forms.BooleanField(
        label=gettext_lazy("I have checked the differences above and confirm the publication"),
        error_messages={"required": gettext_lazy("Tick the box to confirm the publication.")},
    )
    note = forms.CharField(label=gettext_lazy("Note (optional)"), max_length=500, required=False)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=500,
        error_messages={"required": gettext_lazy("Say why: the reason is kept in the history.")},
    )


def _estimate(pk: int) -> Estimate:
    return get_object_or_404(Estimate.objects.select_related("publication"), pk=pk)


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("estimates.publish_estimate")
def review(request: HttpRequest, pk: int) -> HttpResponse:
    """The review page; publishing needs its confirmation box ticked."""
    estimate = _estimate(pk)
    if hasattr(estimate, "publication"):
        messages.info(request, _("This revision was already published."))
        return redirect("web-estimate", pk=estimate.pk)
    form = PublishForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        publishing.publish_revision(estimate, request.user, form.cleaned_data["note"])
        messages.success(
            request,
            _("Revision %(revision)s of %(scope)s is published.")
            % {"revision": estimate.revision, "scope": estimate.scope_key},
        )
        return redirect("web-estimate", pk=estimate.pk)
    comparison = compare(estimate, publishing.public_revision(estimate.scope_key))
    figures = [comparison.headline, *comparison.sectors]
    values = [v for f in figures for v in (f.old_value, f.new_value, f.value_change)]
    context = {
        "estimate": estimate,
        "comparison": comparison,
        "scale": money_scale(values, estimate.unit),
        "form": form,
    }
    return render(request, "web/estimate_review.html", context)


def _change(request: HttpRequest, pk: int, restore: bool) -> HttpResponse:
    estimate = _estimate(pk)
    form = ReasonForm(request.POST)
    allowed = publishing.restorable(estimate) if restore else hasattr(estimate, "publication")
    if not allowed:
        messages.error(request, _("This change does not apply to this revision any more."))
    elif not form.is_valid():
        messages.error(request, " ".join(str(error) for error in form.errors.get("reason", [])))
    elif restore:
        publishing.restore(estimate, request.user, form.cleaned_data["reason"])
        messages.success(
            request, _("Revision %(revision)s is public again.") % {"revision": estimate.revision}
        )
    else:
        publishing.unpublish(estimate, request.user, form.cleaned_data["reason"])
        messages.success(
            request,
            _("Revision %(revision)s is no longer public.") % {"revision": estimate.revision},
        )
    return redirect("web-estimate", pk=estimate.pk)


@require_POST
@permission_required("estimates.publish_estimate")
def unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    return _change(request, pk, restore=False)


@require_POST
@permission_required("estimates.publish_estimate")
def restore(request: HttpRequest, pk: int) -> HttpResponse:
    return _change(request, pk, restore=True)
