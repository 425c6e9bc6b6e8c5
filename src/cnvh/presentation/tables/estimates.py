"""An estimate revision's stored rows as a table, exactly as stored."""

from django.utils.translation import gettext as _

from cnvh.estimates.models import TOTALS_FIRST, Estimate, EstimateRow
from cnvh.plan.models import Agency
from cnvh.presentation.formatting import unit_label
from cnvh.presentation.tables.table import DECIMAL, FRACTION, WHOLE, Column, Table
from cnvh.stats.result import ROW_FIELDS


def area_names(codes: set[str]) -> dict[str, str]:
    """The ward or district each administrative unit code names, where cnvh knows it."""
    agencies = Agency.objects.filter(unit_code__in=codes).order_by("valid_from")
    return {agency.unit_code: agency.label for agency in agencies}


def _row_columns(unit: str) -> dict[str, list[Column]]:
    """The columns of each of an estimate row's fields (cnvh.stats.result.ROW_FIELDS):
    the sector and the area by code and by name."""
    return {
        "year": [Column(_("Year"), width=8)],
        "sector": [Column(_("Sector code"), width=14), Column(_("Sector"), width=28)],
        "area": [Column(_("Area code"), width=10), Column(_("Area"), width=24)],
        "value_added": [
            Column(_("Value added (%(unit)s)") % {"unit": unit_label(unit)}, DECIMAL, 20)
        ],
        "share": [Column(_("Share of GRDP (fraction)"), FRACTION, 14)],
        "employment": [Column(_("Employment (persons)"), WHOLE, 14)],
        "establishments": [Column(_("Establishments"), WHOLE, 14)],
        "employment_share": [Column(_("Share of employment (fraction)"), FRACTION, 14)],
        "share_ci_low": [
            Column(_("Share of GRDP, confidence interval low (fraction)"), FRACTION, 16)
        ],
        "share_ci_high": [
            Column(_("Share of GRDP, confidence interval high (fraction)"), FRACTION, 16)
        ],
    }


def estimate_columns(unit: str) -> list[Column]:
    by_field = _row_columns(unit)
    return [
        Column(_("Estimate id"), width=10),
        Column(_("Definition (scope)"), width=16),
        Column(_("Revision"), width=10),
        Column(_("Scope version"), width=12),
        Column(_("Synthetic data"), width=10),
        *(column for name in ROW_FIELDS for column in by_field[name]),
    ]


def _cells(estimate: Estimate, row: EstimateRow, names: dict[str, str]) -> list[object]:
    """A stored row's cells, field by field as ROW_FIELDS orders them."""
    cells: list[object] = []
    for name in ROW_FIELDS:
        value = getattr(row, name)
        cells.append(value)
        if name == "sector":
            cells.append(estimate.sector_title(value) if value else _("All sectors (total)"))
        elif name == "area":
            cells.append(names.get(value, "") if value else _("Whole city"))
    return cells


def estimate_table(estimate: Estimate, address: str = "") -> Table:
    rows = list(estimate.rows.order_by("year", *TOTALS_FIRST))
    names = area_names({row.area for row in rows if row.area})
    identity = [
        estimate.pk,
        estimate.scope_key,
        estimate.revision,
        estimate.scope_version,
        estimate.synthetic,
    ]
    lines = [[*identity, *_cells(estimate, row, names)] for row in rows]
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
