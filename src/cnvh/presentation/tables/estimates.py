"""An estimate revision's stored rows as a table, exactly as stored."""

from django.utils.translation import gettext as _

from cnvh.estimates.models import TOTALS_FIRST, Estimate
from cnvh.plan.models import Agency
from cnvh.presentation.formatting import unit_label
from cnvh.presentation.tables.table import DECIMAL, FRACTION, WHOLE, Column, Table


def area_names(codes: set[str]) -> dict[str, str]:
    """The ward or district each administrative unit code names, where cnvh knows it."""
    agencies = Agency.objects.filter(unit_code__in=codes).order_by("valid_from")
    return {agency.unit_code: agency.label for agency in agencies}


def estimate_columns(unit: str) -> list[Column]:
    return [
        Column(_("Estimate id"), width=10),
        Column(_("Definition (scope)"), width=16),
        Column(_("Revision"), width=10),
        Column(_("Scope version"), width=12),
        Column(_("Synthetic data"), width=10),
        Column(_("Year"), width=8),
        Column(_("Sector code"), width=14),
        Column(_("Sector"), width=28),
        Column(_("Area code"), width=10),
        Column(_("Area"), width=24),
        Column(_("Value added (%(unit)s)") % {"unit": unit_label(unit)}, DECIMAL, 20),
        Column(_("Share of GRDP (fraction)"), FRACTION, 14),
        Column(_("Employment (persons)"), WHOLE, 14),
        Column(_("Establishments"), WHOLE, 14),
        Column(_("Share of employment (fraction)"), FRACTION, 14),
        Column(_("Share of GRDP, confidence interval low (fraction)"), FRACTION, 16),
        Column(_("Share of GRDP, confidence interval high (fraction)"), FRACTION, 16),
    ]


def estimate_table(estimate: Estimate, address: str = "") -> Table:
    rows = list(estimate.rows.order_by("year", *TOTALS_FIRST))
    names = area_names({row.area for row in rows if row.area})
    lines = [
        [
            estimate.pk,
            estimate.scope_key,
            estimate.revision,
            estimate.scope_version,
            estimate.synthetic,
            row.year,
            row.sector,
            estimate.sector_title(row.sector) if row.sector else _("All sectors (total)"),
            row.area,
            names.get(row.area, "") if row.area else _("Whole city"),
            row.value_added,
            row.share,
            row.employment,
            row.establishments,
            row.employment_share,
            row.share_ci_low,
            row.share_ci_high,
        ]
        for row in rows
    ]
    published = getattr(estimate, "publication", None)
    return Table(
        name=f"cnvh-estimate-{estimate.scope_key}-r{estimate.revision}",
        title=_("Estimate %(scope)s (%(title)s), revision %(revision)s: every stored row")
        % {
            "scope": estimate.scope_key,
            "title": estimate.scope_title,
            "revision": estimate.revision,
        },
        columns=estimate_columns(estimate.unit),
        rows=lines,
        source=_(
            "Stored estimate %(id)s of the statistics engine, scope version %(version)s "
            "(checksum %(checksum)s); its provenance is on its page."
        )
        % {
            "id": estimate.pk,
            "version": estimate.scope_version,
            "checksum": estimate.scope_checksum,
        },
        synthetic=estimate.synthetic,
        notes=[
            _("Published on %(day)s.") % {"day": f"{published.published_at:%Y-%m-%d}"}
            if published
            else _("Not published: for the people who work on the plan only."),
            _("An empty sector is the definition's total; an empty area is the whole city."),
            _("Shares are fractions (0.042 is 4.2%)."),
        ],
        address=address,
    )
