"""Traceability records: one step of a product's chain, shaped as a GS1 EPCIS 2.0
ObjectEvent (what, when, where, why, how)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cnvh.crafts.models.products import Product

# An identifier a reader can resolve: urn:…, geo:…, https://… (no spaces).
URI = RegexValidator(
    r"^[a-zA-Z][a-zA-Z0-9+.\-]*:\S+$",
    _("Write an identifier such as urn:epc:id:sgln:8935000.00001.0 or geo:21.0,105.9."),
)


class TraceEvent(models.Model):
    class Action(models.TextChoices):
        ADD = "ADD", _("Added (first seen)")
        OBSERVE = "OBSERVE", _("Observed")
        DELETE = "DELETE", _("Removed (consumed or destroyed)")

    # GS1 Core Business Vocabulary 2.0 business steps and dispositions.
    class BizStep(models.TextChoices):
        COMMISSIONING = "commissioning", _("Made (commissioning)")
        INSPECTING = "inspecting", _("Inspected")
        PACKING = "packing", _("Packed")
        SHIPPING = "shipping", _("Shipped")
        RECEIVING = "receiving", _("Received")
        STORING = "storing", _("Stored")
        RETAIL_SELLING = "retail_selling", _("Sold at retail")

    class Disposition(models.TextChoices):
        ACTIVE = "active", _("Active")
        IN_PROGRESS = "in_progress", _("In progress")
        CONFORMANT = "conformant", _("Conformant")
        IN_TRANSIT = "in_transit", _("In transit")
        SELLABLE_ACCESSIBLE = "sellable_accessible", _("For sale")
        RETAIL_SOLD = "retail_sold", _("Sold")

    product = models.ForeignKey(
        Product, models.CASCADE, related_name="trace_events", verbose_name=_("product")
    )
    lot = models.CharField(_("lot"), max_length=64)
    quantity = models.DecimalField(_("quantity"), max_digits=12, decimal_places=2, default=1)
    event_time = models.DateTimeField(_("event time"))
    action = models.CharField(_("action"), max_length=8, choices=Action.choices)
    biz_step = models.CharField(_("business step"), max_length=32, choices=BizStep.choices)
    disposition = models.CharField(_("disposition"), max_length=32, choices=Disposition.choices)
    read_point = models.CharField(_("read point"), max_length=255, validators=[URI])
    biz_location = models.CharField(
        _("business location"), max_length=255, validators=[URI], blank=True
    )
    place_name = models.CharField(_("place"), max_length=255)
    how = models.CharField(
        _("how"), max_length=255, blank=True, help_text=_("How it was done or checked.")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("traceability event")
        verbose_name_plural = _("traceability events")
        ordering = ["event_time", "pk"]

    def __str__(self) -> str:
        return f"{self.product} {self.get_biz_step_display()} {self.lot}"

    def clean(self) -> None:
        if self.quantity is not None and self.quantity <= 0:
            raise ValidationError({"quantity": _("The quantity must be more than zero.")})
