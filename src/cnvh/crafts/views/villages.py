"""Crafts, artisans and craft villages: lists with filters, the village with its
computed recognition criteria, and their forms."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cnvh.crafts import criteria, indicators
from cnvh.crafts.forms import ArtisanForm, CraftForm, MarkForm, VillageForm
from cnvh.crafts.models import Artisan, Craft, CraftVillage, Mark
from cnvh.crafts.models.villages import LOCAL_UNITS
from cnvh.crafts.views.common import edit
from cnvh.plan.models import Agency
from cnvh.plan.permissions import require
from cnvh.plan.registry_measures import year_end
from cnvh.presentation.parameters import parse_id, parse_year


@require_GET
@login_required
def village_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "crafts.view_crafts")
    villages = CraftVillage.objects.select_related("ward", "craft")
    ward, craft = parse_id(request.GET.get("ward")), parse_id(request.GET.get("craft"))
    if ward:
        villages = villages.filter(ward_id=ward)
    if craft:
        villages = villages.filter(craft_id=craft)
    if request.GET.get("recognised") == "yes":
        villages = villages.exclude(recognition_number="")
    elif request.GET.get("recognised") == "no":
        villages = villages.filter(recognition_number="")
    # The records of the plan's count at a year's end (the indicator pages link here).
    year = parse_year(request.GET.get("recognised_by"))
    if year:
        villages = villages.filter(
            pk__in=indicators.recognised_on(year_end(year, timezone.localdate()))
        )
    context = {
        "villages": villages,
        "wards": Agency.objects.filter(LOCAL_UNITS, craft_villages__isnull=False).distinct(),
        "crafts": Craft.objects.all(),
        "chosen": {
            "ward": ward,
            "craft": craft,
            "recognised": request.GET.get("recognised"),
            "year": year,
        },
        "can_add": request.user.has_perm("crafts.add_record"),
    }
    return render(request, "crafts/village_list.html", context)


@require_GET
@login_required
def village_detail(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "crafts.view_crafts")
    village = get_object_or_404(CraftVillage.objects.select_related("ward", "craft"), pk=pk)
    today = timezone.localdate()
    found = criteria.criteria(village, today)
    context = {
        "village": village,
        "criteria": found,
        "meets_all": all(criterion.met for criterion in found),
        "share": criteria.household_share(village),
        "artisans": village.artisans.all(),
        "products": village.products.all(),
        "can_edit": request.user.has_perm("crafts.change_record", village),
    }
    return render(request, "crafts/village_detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def village_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    village = get_object_or_404(CraftVillage, pk=pk) if pk else None
    return edit(
        request,
        VillageForm,
        village,
        "crafts.change_record",
        lambda saved: reverse("crafts-village", args=[saved.pk]),
        village.name if village else _("New craft village"),
    )


@require_GET
@login_required
def craft_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "crafts.view_crafts")
    context = {
        "crafts": Craft.objects.all(),
        "artisans": Artisan.objects.select_related("craft", "village"),
        "marks": Mark.objects.all(),
        "can_add": request.user.has_perm("crafts.add_record"),
    }
    return render(request, "crafts/craft_list.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def craft_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    craft = get_object_or_404(Craft, pk=pk) if pk else None
    return edit(
        request,
        CraftForm,
        craft,
        "crafts.change_record",
        lambda saved: reverse("crafts-crafts"),
        craft.name if craft else _("New craft"),
    )


@require_http_methods(["GET", "POST"])
@login_required
def artisan_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    artisan = get_object_or_404(Artisan, pk=pk) if pk else None
    return edit(
        request,
        ArtisanForm,
        artisan,
        "crafts.change_record",
        lambda saved: reverse("crafts-crafts"),
        artisan.name if artisan else _("New artisan"),
    )


@require_http_methods(["GET", "POST"])
@login_required
def mark_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    mark = get_object_or_404(Mark, pk=pk) if pk else None
    return edit(
        request,
        MarkForm,
        mark,
        "crafts.change_record",
        lambda saved: reverse("crafts-crafts"),
        mark.name if mark else _("New geographical indication or mark"),
    )
