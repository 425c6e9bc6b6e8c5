"""Checksums of input files, and a record of the files already checked.

An estimate states the checksum of every file it read, and checks that each unit
appears once a year in the unit-level data. Both read every byte of the file, and
on a file of ten million rows they cost as much as the estimate itself. A file that
an earlier estimate (or the import that wrote it) checked need not be read again,
as long as it is the same file. It is taken to be the same when all of these are
as recorded:

- its absolute path, device and inode: a file saved under the same name by a program
  that writes a new file and renames it, or restored from a backup, is another inode;
- its size and modification time (nanoseconds): what every program changes when it
  writes;
- its status-change time (ctime, nanoseconds): the kernel sets it at every write and
  at every change of the modification time, and no program can set it back, so a
  file rewritten and given its old modification time again (`touch -d`, `os.utime`)
  is caught here;
- a sample of its content: the first and last 64 KiB (a Parquet file's footer, with
  every row group's offsets and each column's statistics, is at its end) and 16
  blocks of 4 KiB spread evenly between. It catches a change where the times cannot
  be trusted: a file system that keeps no ctime or a coarse one, a clock set back.

What no record short of reading the whole file could notice is an edit of the same
size, between the sampled blocks, on a file system that does not update the ctime
or with the clock set back. Whoever can do that can also edit the record; the
record is a saving of time, not a seal. Any difference at all, or a record written
by another version of cnvh (whose checks may differ), and the file is checked in
full again and the record rewritten.
"""

import contextlib
import hashlib
import json
import os
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import blake3

from .. import __version__

EDGE_BYTES = 64 * 1024
SPREAD_BLOCKS = 16
SPREAD_BYTES = 4 * 1024

_HASHING = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cnvh-checksum")


# BLAKE3: a cryptographic hash of 256 bits like SHA-256, but three to four times
# faster in one thread on the same processor (0.05 s against 0.19 s for 276 MiB, with
# SHA-256 in hardware), and the checksum of a first estimate competes with the
# estimate itself for the cores. A checksum is written with its algorithm in front
# ("blake3:<hex>"), so that one computed by an earlier version ("sha256:<hex>") is
# never taken for it. Files people upload keep SHA-256, which any computer can check.
CHECKSUM_ALGORITHM = "blake3"


READ_BYTES = 1 << 20


def file_checksum(path: Path) -> str:
    digest = blake3.blake3()
    buffer = bytearray(READ_BYTES)
    view = memoryview(buffer)
    with path.open("rb", buffering=0) as handle:
        while size := handle.readinto(buffer):
            digest.update(view[:size])
    return f"{CHECKSUM_ALGORITHM}:{digest.hexdigest()}"


def stated_checksum(item: dict[str, object]) -> str | None:
    """The checksum an estimate's provenance gives an input, its algorithm in front;
    estimates made before BLAKE3 stated a bare SHA-256 under "sha256"."""
    if item.get("checksum"):
        return str(item["checksum"])
    return f"sha256:{item['sha256']}" if item.get("sha256") else None


def start_checksum(path: Path) -> "Future[str]":
    """The checksum is read while DuckDB works: both release the interpreter lock, and
    hashing a large file alone would add a sixth to the time of an estimate."""
    return _HASHING.submit(file_checksum, path)


def known_checksum(checksum: str) -> "Future[str]":
    done: Future[str] = Future()
    done.set_result(checksum)
    return done


@dataclass(frozen=True)
class Fingerprint:
    """What says, without reading it all, that a file is the one checked before."""

    path: str
    device: int
    inode: int
    size: int
    mtime_ns: int
    ctime_ns: int
    sample: str


def fingerprint(path: Path) -> Fingerprint:
    absolute = path.resolve()
    with absolute.open("rb") as handle:
        status = os.fstat(handle.fileno())
        sample = hashlib.sha256()
        for offset, length in _sampled_blocks(status.st_size):
            handle.seek(offset)
            sample.update(handle.read(length))
    return Fingerprint(
        path=str(absolute),
        device=status.st_dev,
        inode=status.st_ino,
        size=status.st_size,
        mtime_ns=status.st_mtime_ns,
        ctime_ns=status.st_ctime_ns,
        sample=sample.hexdigest(),
    )


def _sampled_blocks(size: int) -> list[tuple[int, int]]:
    if size <= 2 * EDGE_BYTES + SPREAD_BLOCKS * SPREAD_BYTES:
        return [(0, size)]
    step = (size - 2 * EDGE_BYTES) // (SPREAD_BLOCKS + 1)
    spread = [(EDGE_BYTES + step * n, SPREAD_BYTES) for n in range(1, SPREAD_BLOCKS + 1)]
    return [(0, EDGE_BYTES), *spread, (size - EDGE_BYTES, EDGE_BYTES)]


@dataclass(frozen=True)
class Checked:
    """What was found of a file's content when it was checked."""

    checksum: str  # "blake3:<hex>"
    units_once_a_year: bool  # the unit-level check passed (units files only)
    by: str  # "estimate", or "import": the import that wrote the file and checked it
    at: str  # when, ISO 8601 UTC
    cnvh_version: str = __version__

    def describe(self) -> dict[str, object]:
        return {"checked_by": self.by, "checked_at": self.at}


class CheckedFiles:
    """The record: one small JSON file per input file, in `directory`. Writes are
    atomic (a new file renamed over the old), so two estimates at once leave one
    record or the other, never half of one."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _entry(self, print_: Fingerprint) -> Path:
        name = hashlib.sha256(print_.path.encode()).hexdigest()[:40]
        return self.directory / f"{name}.json"

    def find(self, print_: Fingerprint) -> Checked | None:
        """What the record holds of this very file, if anything."""
        try:
            stored = json.loads(self._entry(print_).read_text(encoding="utf-8"))
            found = Checked(**stored["checked"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        same = stored.get("file") == asdict(print_) and found.cnvh_version == __version__
        return found if same else None

    def remember(self, print_: Fingerprint, checked: Checked) -> bool:
        """Whether it was recorded. A folder that cannot be written (a read-only home, a
        full disk) costs the next estimate a full check, never this one its result."""
        entry = self._entry(print_)
        text = json.dumps({"file": asdict(print_), "checked": asdict(checked)}, indent=1)
        partial = entry.with_name(f".{entry.name}.{os.getpid()}")
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            partial.write_text(text, encoding="utf-8")
            partial.replace(entry)
        except OSError:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
            return False
        return True

    def imported(self, path: Path, *, units_once_a_year: bool) -> str:
        """Hashes `path`, a file an import has just written from rows it checked, and
        records it; returns its checksum. Nothing is recorded if the file changed while
        it was read."""
        before = fingerprint(path)
        checksum = file_checksum(path)
        if unchanged(before):
            self.remember(before, Checked(checksum, units_once_a_year, "import", now()))
        return checksum


def look_up(record: "CheckedFiles | None", path: Path) -> tuple[Fingerprint | None, Checked | None]:
    """The file as it is now, and what `record` holds of it; nothing without a record."""
    if record is None or not path.is_file():
        return None, None
    try:
        print_ = fingerprint(path)
    except OSError:
        return None, None
    return print_, record.find(print_)


def unchanged(print_: Fingerprint) -> bool:
    """Whether the file is still as it was when `print_` was taken."""
    try:
        return fingerprint(Path(print_.path)) == print_
    except OSError:
        return False


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
