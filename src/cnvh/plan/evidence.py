"""Evidence files attached to progress reports.

Only a few document and image types are accepted, and a file must start the way
its type does (a renamed program is refused). The file is stored under a name
we make from the report and its SHA-256; the uploader's name is kept only to
show and to offer on download, never to build a path.
"""

import hashlib
import unicodedata
from pathlib import PurePath
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from cnvh.plan.models import Evidence, ProgressReport

MAX_BYTES = 10 * 1024 * 1024
ZIP = b"PK\x03\x04"
# Extension → (content type, the bytes such a file starts with).
TYPES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (ZIP,),
    ),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (ZIP,)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
}


def extension_of(name: str) -> str:
    return PurePath(name.replace("\\", "/")).suffix.lower()


def display_name(name: str) -> str:
    """The uploaded name without folders or control characters, for showing only."""
    base = PurePath(name.replace("\\", "/")).name
    cleaned = "".join(char for char in base if unicodedata.category(char)[0] != "C")
    return unicodedata.normalize("NFC", cleaned).strip()[:255] or "evidence"


def check_upload(upload: UploadedFile) -> None:
    extension = extension_of(upload.name or "")
    if extension not in TYPES:
        raise ValidationError(
            _("This type of file is not accepted. Attach a PDF, DOCX, XLSX, JPG or PNG file."),
            code="type",
        )
    if upload.size is None or upload.size > MAX_BYTES:
        raise ValidationError(_("The file is larger than 10 MB."), code="size")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not head.startswith(TYPES[extension][1]):
        raise ValidationError(
            _("The file's content does not match its type (%(extension)s)."),
            code="content",
            params={"extension": extension},
        )


def sha256_of(upload: UploadedFile) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def attach(report: ProgressReport, upload: UploadedFile, user: Any) -> Evidence:
    """Store a checked upload as evidence of the report."""
    extension = extension_of(upload.name or "")
    evidence = Evidence(
        report=report,
        original_name=display_name(upload.name or ""),
        extension=".jpg" if extension == ".jpeg" else extension,
        size=upload.size or 0,
        sha256=sha256_of(upload),
        uploaded_by=user,
    )
    # The name passed here is ignored by the model's upload_to; it is ours anyway.
    evidence.file.save(f"evidence{evidence.extension}", upload, save=True)
    return evidence


def content_type(evidence: Evidence) -> str:
    return TYPES.get(evidence.extension, ("application/octet-stream", ()))[0]
