"""OCOP products: the list with filters, the product with its ratings' breakdown and
traceability chain, and the steps of a rating."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cnvh.crafts import indicators, ocop, workflow
from cnvh.crafts.forms import DecisionForm, ProductForm, ScoreForm, TraceEventForm
from cnvh.crafts.models import OcopRating, Product, ProductGroup
from cnvh.crafts.models.villages import LOCAL_UNITS
from cnvh.crafts.views.common import edit, refuse_into
from cnvh.plan.models import Agency
from cnvh.plan.permissions import require
from cnvh.plan.registry_measures import year_end
from cnvh.presentation.parameters import parse_id, parse_year

STARS = ("3", "4", "5")


@dataclass(frozen=True)
class RatingRow:
    """A rating with what its points give and what the reader may do with it."""

    rating: OcopRating
    outcome: ocop.Outcome | None
    due: bool
    can_score: bool
    can_decide: bool


@require_GET
@login_required
def product_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "crafts.view_crafts")
    today = timezone.localdate()
    products = Product.objects.select_related("ward", "village")
    ward = parse_id(request.GET.get("ward"))
    group, stars = request.GET.get("group"), request.GET.get("stars")
    if ward:
        products = products.filter(ward_id=ward)
    if group in ProductGroup.values:
        products = products.filter(group=group)
    if stars in STARS:
        products = products.filter(
            ratings__status=OcopRating.Status.DECIDED,
            ratings__stars=int(stars),
            ratings__expires_on__gte=today,
        ).distinct()
    # The records of the plan's count at a year's end (the indicator pages link here).
    year = parse_year(request.GET.get("in_force"))
    if year:
        products = products.filter(pk__in=indicators.starred_on(year_end(year, today)))
    rows = [
        (product, workflow.current_rating(product))
        for product in workflow.with_certificates(products)
    ]
    context = {
        "rows": rows,
        "today": today,
        "wards": Agency.objects.filter(LOCAL_UNITS, ocop_products__isnull=False).distinct(),
        "groups": ProductGroup.choices,
        "stars_choices": STARS,
        "chosen": {"ward": ward, "group": group, "stars": stars, "year": year},
        "can_add": request.user.has_perm("crafts.add_record"),
    }
    return render(request, "crafts/product_list.html", context)


@require_GET
@login_required
def product_detail(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "crafts.view_crafts")
    product = get_object_or_404(Product.objects.select_related("ward", "village", "craft"), pk=pk)
    today = timezone.localdate()
    user = request.user
    ratings = [
        RatingRow(
            rating,
            ocop.outcome(rating, rating.decision_date or today),
            ocop.rerating_due(rating, today),
            user.has_perm("crafts.score_rating", rating),
            user.has_perm("crafts.decide_rating", rating),
        )
        for rating in product.ratings.select_related("product")
    ]
    context = {
        "product": product,
        "ratings": ratings,
        "events": product.trace_events.all(),
        "public_url": request.build_absolute_uri(reverse("crafts-public", args=[product.code])),
        "can_edit": user.has_perm("crafts.change_record", product),
        "can_propose": user.has_perm("crafts.propose_rating", product),
        "can_trace": user.has_perm("crafts.add_trace_event", product),
        "today": today,
    }
    return render(request, "crafts/product_detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def product_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    product = get_object_or_404(Product, pk=pk) if pk else None
    return edit(
        request,
        ProductForm,
        product,
        "crafts.change_record",
        lambda saved: reverse("crafts-product", args=[saved.pk]),
        product.name if product else _("New OCOP product"),
    )


@require_POST
@login_required
def propose(request: HttpRequest, pk: int) -> HttpResponse:
    product = get_object_or_404(Product, pk=pk)
    try:
        workflow.propose(product, request.user, timezone.localdate())
        messages.success(request, _("The product is proposed for rating."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("crafts-product", pk=product.pk)


def _step(request: HttpRequest, rating: OcopRating, form: ScoreForm | DecisionForm) -> HttpResponse:
    context = {
        "form": form,
        "rating": rating,
        "outcome": ocop.outcome(rating, rating.decision_date or timezone.localdate()),
    }
    return render(request, "crafts/rating_step.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def score(request: HttpRequest, pk: int) -> HttpResponse:
    rating = get_object_or_404(OcopRating.objects.select_related("product"), pk=pk)
    require(request.user, "crafts.score_rating", rating)
    form = ScoreForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        points = form.cleaned_data
        try:
            workflow.score(
                rating, request.user, points["score_a"], points["score_b"], points["score_c"]
            )
        except ValidationError as error:
            refuse_into(form, error)
        else:
            messages.success(request, _("The council's points are recorded."))
            return redirect("crafts-product", pk=rating.product_id)
    return _step(request, rating, form)


@require_http_methods(["GET", "POST"])
@login_required
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    rating = get_object_or_404(OcopRating.objects.select_related("product"), pk=pk)
    require(request.user, "crafts.decide_rating", rating)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            workflow.decide(rating, request.user, data["decision_number"], data["decision_date"])
        except ValidationError as error:
            refuse_into(form, error)
        else:
            messages.success(request, _("The decision is recorded."))
            return redirect("crafts-product", pk=rating.product_id)
    return _step(request, rating, form)


@require_http_methods(["GET", "POST"])
@login_required
def trace_event_new(request: HttpRequest, pk: int) -> HttpResponse:
    product = get_object_or_404(Product, pk=pk)
    require(request.user, "crafts.add_trace_event", product)
    form = TraceEventForm(request.POST or None)
    form.instance.product, form.instance.recorded_by = product, request.user
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The step is added to the chain."))
        return redirect("crafts-product", pk=product.pk)
    title = _("New traceability step: %(product)s") % {"product": product.name}
    return render(request, "crafts/form.html", {"form": form, "object": None, "title": title})
