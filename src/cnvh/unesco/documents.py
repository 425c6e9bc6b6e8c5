"""The report's draft as files: DOCX (python-docx) and PDF (WeasyPrint), in the
draft's language. Both have the sections in order, each item with its source number,
and the sources appendix with the records' addresses. The PDF reads no resource:
every address WeasyPrint would fetch is refused."""

from io import BytesIO
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from cnvh.unesco.builder import Draft

FORMATS = ("docx", "pdf")
MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def docx(draft: Draft) -> bytes:
    with translation.override(draft.language):
        document: Any = Document()
        document.core_properties.title = draft.title
        document.add_heading(draft.title, level=0)
        document.add_paragraph(_("Hanoi — UNESCO Creative City of Design (2019)"))
        for section in draft.sections:
            document.add_heading(f"{section.number}. {section.title}", level=1)
            for paragraph in section.text.split("\n\n") if section.text else []:
                document.add_paragraph(paragraph.strip())
            if section.items:
                document.add_paragraph(_("From the records:")).runs[0].bold = True
            for item in section.items:
                document.add_paragraph(f"{item.text} [{item.source}]", style="List Bullet")
        document.add_heading(_("Sources"), level=1)
        for source in draft.sources:
            document.add_paragraph(f"[{source.number}] {source.label}: {source.url}")
        out = BytesIO()
        document.save(out)
        return out.getvalue()


class NoResources(URLFetcher):
    """The PDF is made from its own HTML alone: nothing is fetched."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=set(), fail_on_errors=False)

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        raise ValueError(url)


def html(draft: Draft) -> str:
    with translation.override(draft.language):
        return render_to_string("unesco/report_document.html", {"draft": draft})


def pdf(draft: Draft) -> bytes:
    return bytes(HTML(string=html(draft), url_fetcher=NoResources()).write_pdf())


def render(draft: Draft, file_format: str) -> bytes:
    return docx(draft) if file_format == "docx" else pdf(draft)


def filename(draft: Draft, file_format: str) -> str:
    report = draft.report
    return (
        f"unesco-monitoring-{report.first_year}-{report.last_year}-{draft.language}.{file_format}"
    )
