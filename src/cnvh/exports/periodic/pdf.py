"""The periodic report as HTML (the page's preview) and as PDF (WeasyPrint).

The PDF is the same HTML with a print stylesheet and the vendored Tinos font.
WeasyPrint reads resources only through `LocalFiles`: files in this app's static
folder, nothing else; an address on the network is refused, never fetched.
"""

from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from cnvh.exports.periodic import charts
from cnvh.exports.periodic.document import PeriodicReport

STATIC = Path(__file__).resolve().parent.parent / "static" / "exports"
MEDIA_TYPES = {".css": "text/css", ".woff": "font/woff", ".woff2": "font/woff2"}


class RefusedURLError(ValueError):
    """A resource the PDF may not read: anything but the app's own static files."""


class LocalFiles(URLFetcher):
    """A fetcher that serves the files under `root` and refuses every other address."""

    def __init__(self, root: Path = STATIC) -> None:
        super().__init__(allowed_protocols={"file"}, fail_on_errors=False)
        self.root = root.resolve()
        self.refused: list[str] = []

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        path = self._path(url)
        if path is None:
            self.refused.append(url)
            raise RefusedURLError(url)
        media_type = MEDIA_TYPES.get(path.suffix, "application/octet-stream")
        return URLFetcherResponse(
            path.as_uri(), path.read_bytes(), headers={"Content-Type": media_type}
        )

    def _path(self, url: str) -> Path | None:
        if not url.startswith("file://"):
            return None
        path = Path(url.removeprefix("file://").split("?")[0].split("#")[0]).resolve()
        inside = path.is_relative_to(self.root) and path.is_file()
        return path if inside and path.suffix in MEDIA_TYPES else None


def chart_images(document: PeriodicReport) -> dict[str, SafeString | None]:
    return {
        "tasks": charts.tasks_by_group(document.sections) if document.sections else None,
        "share": charts.share_of_grdp(document.share_chart) if document.share_chart else None,
    }


def context(document: PeriodicReport) -> dict[str, Any]:
    return {"document": document, "charts": chart_images(document)}


def html(document: PeriodicReport) -> str:
    """The whole document as the PDF is made from it."""
    return render_to_string("exports/periodic_pdf.html", context(document))


def pdf(document: PeriodicReport, fetcher: LocalFiles | None = None) -> bytes:
    source = HTML(
        string=html(document), base_url=STATIC.as_uri() + "/", url_fetcher=fetcher or LocalFiles()
    )
    return bytes(source.write_pdf())
