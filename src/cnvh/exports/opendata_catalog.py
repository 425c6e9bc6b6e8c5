"""The open data catalogue: the datasets, each with its distributions, and the same
as a DCAT catalogue in JSON-LD.

Each published definition (scope) of the cultural industries is one dataset, its
version the estimate's revision; the indicators are one more. Every distribution is
the file `opendata_files` serves, so its byte size is the size of the download.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Max, Min
from django.urls import reverse
from django.utils.translation import gettext_noop

from cnvh import language
from cnvh.estimates.models import Estimate, EstimateRow
from cnvh.exports import opendata, opendata_estimates, opendata_files, opendata_indicators
from cnvh.plan.models import Agency, Indicator, Plan

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "locn": "http://www.w3.org/ns/locn#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
MEDIA_TYPE_BASE = "https://www.iana.org/assignments/media-types/"
LANGUAGE_BASE = "http://id.loc.gov/vocabulary/iso639-1/"
# Where the data is about, unless settings.CNVH_OPEN_DATA_PLACE says otherwise:
# names, and the GSO code of the province.
PLACE = {"vi": "Thành phố Hà Nội", "en": "Hanoi", "code": "01"}
CATALOGUE_TITLE = gettext_noop("Open data of the cultural industries")
CATALOGUE_DESCRIPTION = gettext_noop(
    "The published estimates of the city's cultural industries and the published "
    "indicators of its plan, as CSV and JSON files: only what is published, never drafts."
)
KEYWORDS = [
    gettext_noop("cultural industries"),
    gettext_noop("value added"),
    gettext_noop("GRDP"),
    gettext_noop("employment"),
]
INDICATOR_KEYWORDS = [gettext_noop("cultural industries"), gettext_noop("indicators")]


@dataclass(frozen=True)
class Distribution:
    file_format: str  # "csv" or "json"
    url: str  # absolute
    size: int

    @property
    def media_type(self) -> str:
        return opendata_files.MEDIA_TYPES[self.file_format]


@dataclass
class Dataset:
    identifier: str
    title: dict[str, str]
    description: dict[str, str]
    keywords: list[str]  # msgids
    issued: datetime | None
    modified: datetime | None
    years: tuple[int, int] | None
    version: str | None
    synthetic: bool
    distributions: list[Distribution] = field(default_factory=list)

    def here(self, texts: dict[str, str]) -> str:
        return texts[language.current()]

    @property
    def title_here(self) -> str:
        return self.here(self.title)

    @property
    def description_here(self) -> str:
        return self.here(self.description)


def place() -> dict[str, str]:
    return dict(getattr(settings, "CNVH_OPEN_DATA_PLACE", None) or PLACE)


def _distributions(
    absolute: Callable[[str], str],
    name: str,
    query: str,
    files: dict[str, opendata_files.Served | None],
) -> list[Distribution]:
    return [
        Distribution(file_format, absolute(reverse(name, args=[file_format]) + query), served.size)
        for file_format, served in files.items()
        if served is not None
    ]


def _year_spans(estimates: list[Estimate]) -> dict[int, tuple[int, int]]:
    spans = (
        EstimateRow.objects.filter(estimate__in=estimates)
        .values("estimate_id")
        .annotate(first=Min("year"), last=Max("year"))
    )
    return {span["estimate_id"]: (span["first"], span["last"]) for span in spans}


def estimate_datasets(absolute: Callable[[str], str]) -> list[Dataset]:
    estimates = opendata.published_estimates()
    spans = _year_spans(estimates)
    found = []
    for estimate in estimates:
        scope = estimate.scope_key
        files = {ext: opendata_files.estimates_file(ext, scope) for ext in ("csv", "json")}
        first, _latest = opendata.publication_dates(scope)
        title = language.both(opendata_estimates.TITLE)
        found.append(
            Dataset(
                identifier=f"estimates-{scope}",
                title={
                    "vi": f"{title['vi']} — {estimate.scope_title_vi}",
                    "en": f"{title['en']} — {estimate.scope_title_en or estimate.scope_title_vi}",
                },
                description=language.both(opendata_estimates.DESCRIPTION),
                keywords=KEYWORDS,
                issued=first,
                modified=estimate.publication.published_at,
                years=spans.get(estimate.pk),
                version=str(estimate.revision),
                synthetic=estimate.synthetic,
                distributions=_distributions(
                    absolute, "open-data-estimates", "?" + urlencode({"scope": scope}), files
                ),
            )
        )
    return found


def indicator_dataset(absolute: Callable[[str], str]) -> Dataset:
    indicators = opendata.published_indicators()
    years = opendata_indicators.years(indicators)
    files = {ext: opendata_files.indicators_file(ext) for ext in ("csv", "json")}
    used = {i.scope_key for i in indicators if i.source == Indicator.Source.ESTIMATE}
    synthetic = any(e.synthetic for e in opendata.published_estimates() if e.scope_key in used)
    return Dataset(
        identifier="indicators",
        title=language.both(opendata_indicators.TITLE),
        description=language.both(opendata_indicators.DESCRIPTION),
        keywords=INDICATOR_KEYWORDS,
        issued=opendata.publication_dates()[0],
        modified=files["csv"].last_modified,
        years=(years[0], years[-1]) if years else None,
        version=None,
        synthetic=synthetic,
        distributions=_distributions(absolute, "open-data-indicators", "", dict(files)),
    )


def datasets(absolute: Callable[[str], str]) -> list[Dataset]:
    return [*estimate_datasets(absolute), indicator_dataset(absolute)]


def tagged(texts: dict[str, str]) -> list[dict[str, str]]:
    return [{"@value": text, "@language": language} for language, text in texts.items() if text]


def moment(value: datetime | None) -> dict[str, str] | None:
    return {"@value": value.isoformat(), "@type": "xsd:dateTime"} if value else None


def publisher() -> dict[str, Any]:
    """The city's People's Committee as cnvh records it, or the plan's owner."""
    agency = Agency.objects.filter(kind=Agency.Kind.CITY_COMMITTEE).order_by("pk").first()
    if agency is None:
        plan = Plan.objects.select_related("owner").first()
        agency = plan.owner if plan else None
    names = (
        {"vi": agency.name_vi, "en": agency.name_en} if agency else language.both(CATALOGUE_TITLE)
    )
    found: dict[str, Any] = {"@type": "foaf:Agent", "foaf:name": tagged(names)}
    if agency is not None and agency.email:
        found["foaf:mbox"] = {"@id": f"mailto:{agency.email}"}
    return found


def spatial() -> dict[str, Any]:
    where = place()
    return {
        "@type": "dct:Location",
        "locn:geographicName": tagged({"vi": where["vi"], "en": where["en"]}),
        "dct:identifier": where.get("code", ""),
    }


def _temporal(years: tuple[int, int] | None) -> dict[str, Any] | None:
    if years is None:
        return None
    return {
        "@type": "dct:PeriodOfTime",
        "dcat:startDate": {"@value": f"{years[0]}-01-01", "@type": "xsd:date"},
        "dcat:endDate": {"@value": f"{years[1]}-12-31", "@type": "xsd:date"},
    }


def _distribution(item: Distribution, licence: str) -> dict[str, Any]:
    return {
        "@type": "dcat:Distribution",
        "dct:title": item.file_format.upper(),
        "dcat:downloadURL": {"@id": item.url},
        "dcat:accessURL": {"@id": item.url},
        "dcat:mediaType": {"@id": MEDIA_TYPE_BASE + item.media_type},
        "dct:format": item.file_format.upper(),
        "dcat:byteSize": {"@value": str(item.size), "@type": "xsd:nonNegativeInteger"},
        "dct:license": {"@id": licence},
    }


def _dataset(item: Dataset, page: str, context: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = {
        "@id": f"{page}#{item.identifier}",
        "@type": "dcat:Dataset",
        "dct:identifier": item.identifier,
        "dct:title": tagged(item.title),
        "dct:description": tagged(item.description),
        "dcat:keyword": [entry for word in item.keywords for entry in tagged(language.both(word))],
        "dct:issued": moment(item.issued),
        "dct:modified": moment(item.modified),
        "dct:temporal": _temporal(item.years),
        "dcat:version": item.version,
        "dcat:landingPage": {"@id": page},
        "dcat:distribution": [_distribution(d, context["licence"]) for d in item.distributions],
        **{key: context[key] for key in ("dct:publisher", "dct:spatial", "dct:license")},
    }
    return {key: value for key, value in found.items() if value is not None}


def catalogue(found: list[Dataset], page: str, address: str) -> dict[str, Any]:
    """The DCAT catalogue of `found`; `page` is the open data page, `address` the
    catalogue's own, both absolute."""
    licence = opendata.licence()
    context = {
        "licence": licence,
        "dct:publisher": publisher(),
        "dct:spatial": spatial(),
        "dct:license": {"@id": licence},
    }
    issued = [item.issued for item in found if item.issued]
    document: dict[str, Any] = {
        "@context": CONTEXT,
        "@id": address,
        "@type": "dcat:Catalog",
        "dct:title": tagged(language.both(CATALOGUE_TITLE)),
        "dct:description": tagged(language.both(CATALOGUE_DESCRIPTION)),
        "dct:publisher": context["dct:publisher"],
        "dct:license": context["dct:license"],
        "dct:language": [{"@id": LANGUAGE_BASE + code} for code in language.LANGUAGES],
        "dct:spatial": context["dct:spatial"],
        "dct:issued": moment(min(issued) if issued else None),
        "dct:modified": moment(opendata.latest_change(item.modified for item in found)),
        "foaf:homepage": {"@id": page},
        "dcat:dataset": [_dataset(item, page, context) for item in found],
    }
    return {key: value for key, value in document.items() if value is not None}
