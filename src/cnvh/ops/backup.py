"""One archive holds a whole cnvh: the database and the uploaded files (MEDIA_ROOT),
with a manifest of every file's SHA-256 and every table's row count.

A restore checks the whole archive before it changes anything, refuses to overwrite a
database that holds data unless forced, and checks the row counts afterwards.
"""

import hashlib
import io
import json
import shutil
import tarfile
import tempfile
import zlib
from collections.abc import Mapping
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path, PurePosixPath
from typing import IO, Any

from . import databases
from .messages import OpsError

FORMAT = "cnvh-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA = "media"
CHUNK = 1 << 20


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def create(archive: Path, database: Mapping[str, Any], media_root: Path) -> dict[str, Any]:
    """Writes the archive (mode 600: it holds password hashes); returns its manifest."""
    if archive.exists():
        raise OpsError("target_exists", file=str(archive))
    archive.parent.mkdir(parents=True, exist_ok=True)
    partial = archive.with_name(archive.name + ".partial")
    try:
        manifest = _write(partial, database, media_root)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    # Only a complete archive ever has the name asked for.
    partial.replace(archive)
    return manifest


def _write(partial: Path, database: Mapping[str, Any], media_root: Path) -> dict[str, Any]:
    # The dump is written beside the archive: /tmp may be a small memory file system.
    with tempfile.TemporaryDirectory(prefix=".cnvh-backup-", dir=partial.parent) as workdir:
        dumped = Path(workdir) / "database"
        counts = databases.dump(database, dumped)
        files = {databases.dump_name(database): dumped}
        files |= {
            f"{MEDIA}/{path.relative_to(media_root).as_posix()}": path
            for path in _media_files(media_root)
        }
        listed: dict[str, dict[str, Any]] = {}
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "cnvh": version("cnvh"),
            "database": {"vendor": databases.vendor(database), "tables": counts},
            "files": listed,
        }
        partial.touch(mode=0o600)
        with tarfile.open(partial, "w:gz") as tar:
            for name, path in files.items():
                listed[name] = _add(tar, name, path)
            # Last, so that it lists the checksums of the bytes actually written.
            _add_bytes(tar, MANIFEST, json.dumps(manifest, indent=2).encode())
    return manifest


def _media_files(media_root: Path) -> list[Path]:
    if not media_root.is_dir():
        return []
    return sorted(p for p in media_root.rglob("*") if p.is_file() and not p.is_symlink())


class _Hashing(io.RawIOBase):
    """Reads a file once, for the archive and the checksum together."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle
        self.digest = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.digest.update(data)
        return data


def _add(tar: tarfile.TarFile, name: str, path: Path) -> dict[str, Any]:
    info = tar.gettarinfo(str(path), arcname=name)
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    with path.open("rb") as handle:
        reader = _Hashing(handle)
        tar.addfile(info, reader)
    return {"sha256": reader.digest.hexdigest(), "bytes": info.size}


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o600
    info.mtime = int(datetime.now(UTC).timestamp())
    tar.addfile(info, io.BytesIO(data))


def restore(
    archive: Path, database: Mapping[str, Any], media_root: Path, force: bool = False
) -> dict[str, Any]:
    """Restores the archive; returns its manifest. Raises OpsError and changes nothing
    when the archive is damaged or altered, or the target holds data and not `force`."""
    media_root.parent.mkdir(parents=True, exist_ok=True)
    # Extracted beside MEDIA_ROOT, so the new media folder moves into place by a rename.
    with tempfile.TemporaryDirectory(prefix=".cnvh-restore-", dir=media_root.parent) as work:
        workdir = Path(work)
        extracted = workdir / "archive"
        _extract(archive, extracted)
        manifest = _checked_manifest(extracted)
        found, target = manifest["database"]["vendor"], databases.vendor(database)
        if found != target:
            raise OpsError("wrong_database", found=found, target=target)
        if not force:
            _refuse_if_holding_data(database, media_root)
        databases.restore(database, extracted / databases.dump_name(database), workdir)
        _check_counts(database, manifest["database"]["tables"])
        _replace_media(extracted / MEDIA, media_root, workdir)
    return manifest


def _extract(archive: Path, target: Path) -> None:
    try:
        with tarfile.open(archive, "r:gz") as tar:
            for member in tar.getmembers():
                if not _allowed(member):
                    raise OpsError("archive_unsafe", name=member.name)
            # The "data" filter refuses absolute paths, "..", links out of the folder
            # and device files: a crafted archive cannot write outside `target`.
            tar.extractall(target, filter="data")
    except tarfile.FilterError as error:
        raise OpsError("archive_unsafe", name=str(error)) from None
    except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
        raise OpsError("archive_unreadable", file=archive.name, detail=str(error)) from None


def _allowed(member: tarfile.TarInfo) -> bool:
    path = PurePosixPath(member.name)
    if path.is_absolute() or ".." in path.parts or not (member.isfile() or member.isdir()):
        return False
    return member.name == MANIFEST or path.parts[0] in {"database", MEDIA}


def _checked_manifest(extracted: Path) -> dict[str, Any]:
    try:
        manifest: dict[str, Any] = json.loads((extracted / MANIFEST).read_text("utf-8"))
        files: dict[str, dict[str, Any]] = manifest["files"]
        manifest["database"]["tables"].items()
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise OpsError("archive_no_manifest") from None
    if (manifest.get("format"), manifest.get("version")) != (FORMAT, FORMAT_VERSION):
        found = f"{manifest.get('format')} {manifest.get('version')}"
        raise OpsError("archive_version", found=found, expected=f"{FORMAT} {FORMAT_VERSION}")
    present = {p.relative_to(extracted).as_posix() for p in extracted.rglob("*") if p.is_file()}
    present.discard(MANIFEST)
    for name in sorted(present | set(files)):
        _check_file(extracted, name, files.get(name))
    return manifest


def _check_file(extracted: Path, name: str, listed: dict[str, Any] | None) -> None:
    path = extracted / name
    if listed is None:
        raise OpsError("archive_tampered", name=name, detail="not in the manifest")
    if not path.is_file():
        raise OpsError("archive_tampered", name=name, detail="missing")
    if path.stat().st_size != listed.get("bytes") or sha256(path) != listed.get("sha256"):
        raise OpsError("archive_tampered", name=name, detail="sha256")


def _refuse_if_holding_data(database: Mapping[str, Any], media_root: Path) -> None:
    holding = databases.holding_data(databases.row_counts(database))
    details = [f"{table} ({count})" for table, count in sorted(holding.items())][:5]
    if _media_files(media_root):
        details.append(str(media_root))
    if details:
        raise OpsError("not_empty", detail=", ".join(details))


def _check_counts(database: Mapping[str, Any], expected: Mapping[str, int]) -> None:
    found = databases.row_counts(database)
    for table in sorted(set(found) | set(expected)):
        if found.get(table) != expected.get(table):
            raise OpsError(
                "rows_differ", table=table, found=found.get(table), expected=expected.get(table)
            )


def _replace_media(restored: Path, media_root: Path, workdir: Path) -> None:
    if not restored.is_dir():
        restored.mkdir(parents=True)
    if media_root.exists():
        media_root.rename(workdir / "old-media")  # removed with the work folder
    restored.rename(media_root)
    shutil.rmtree(workdir / "old-media", ignore_errors=True)
