"""The public list of granted support (no login): the programmes that publish their
grants, each approved case with its amount and decision; as a page, CSV or XLSX."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cnvh.enterprises.grants import ProgrammeGrants, published_grants
from cnvh.presentation.tables import Column, Table, table_response
from cnvh.presentation.tables.csv_file import requested_format
from cnvh.presentation.tables.table import DATE, WHOLE


@require_GET
def grant_list(request: HttpRequest) -> HttpResponse:
    published = published_grants()
    if file_format := requested_format(request):
        return table_response(grants_table(published, request.build_absolute_uri()), file_format)
    return render(request, "enterprises/grants.html", {"published": published})


def grants_table(published: list[ProgrammeGrants], address: str) -> Table:
    rows = [
        [
            found.programme.code,
            found.programme.name,
            grant.enterprise,
            grant.tax_code,
            grant.amount,
            grant.decision_number,
            grant.decided_on,
        ]
        for found in published
        for grant in found.grants
    ]
    return Table(
        name="cnvh-support-granted",
        title=_("Support granted by the city's programmes"),
        columns=[
            Column(_("Programme code"), width=16),
            Column(_("Programme"), width=40),
            Column(_("Enterprise"), width=40),
            Column(_("Tax code"), width=16),
            Column(_("Amount granted (VND)"), WHOLE, 18),
            Column(_("Decision number"), width=18),
            Column(_("Decision date"), DATE, 12),
        ],
        rows=rows,
        source=_(
            "The support cases of cnvh: approved cases of the programmes that publish their grants."
        ),
        address=address,
    )
