"""What the pages' own tables say about themselves as files: the overview's tables of
one definition, and an agency's reporting completeness. The pages build the rows."""

from collections.abc import Sequence

from django.utils.translation import gettext as _

from cnvh.estimates.models import Estimate
from cnvh.plan.models import Agency
from cnvh.presentation.tables.table import Table, columns


def overview_table(
    estimate: Estimate,
    table: str,
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    address: str = "",
) -> Table:
    """`table` is "years" or "sectors"."""
    what = _("Share of GRDP by year") if table == "years" else _("Value added by sector")
    return Table(
        name=f"cnvh-{estimate.scope_key}-r{estimate.revision}-{table}",
        title=_("%(what)s under %(scope)s (%(title)s), revision %(revision)s, as on the overview")
        % {
            "what": what,
            "scope": estimate.scope_key,
            "title": estimate.scope_title,
            "revision": estimate.revision,
        },
        columns=columns(*header),
        rows=rows,
        source=_("Stored estimate %(id)s of the statistics engine; its provenance is on its page.")
        % {"id": estimate.pk},
        synthetic=estimate.synthetic,
        notes=[_("Shares are fractions (0.042 is 4.2%).")],
        address=address,
    )


def agency_table(
    agency: Agency, header: Sequence[str], rows: Sequence[Sequence[object]], address: str = ""
) -> Table:
    return Table(
        name=f"cnvh-agency-{agency.code}-completeness",
        title=_("Completeness and timeliness of the reports of %(agency)s, by period")
        % {"agency": agency.name},
        columns=columns(*header),
        rows=rows,
        source=_("The progress reports in cnvh, for the tasks the agency leads."),
        address=address,
    )
