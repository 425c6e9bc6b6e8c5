"""`cnvh backup` and `cnvh restore`: a round trip gives back every row of every table
and every uploaded file; damaged, altered and crafted archives change nothing."""

import io
import tarfile
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import Site
from .processes import cnvh
from .tables import every_row

UPLOADS = {
    "evidence/2025/báo cáo quý 3.pdf": b"%PDF-1.4 " + bytes(range(256)) * 40,
    "evidence/2025/ảnh.png": b"\x89PNG\r\n\x1a\n" + b"\x00\xff" * 500,
    "notes.txt": "Sở Văn hóa và Thể thao\n".encode(),
}


def media_files(root: Path) -> dict[str, bytes]:
    if not root.is_dir():
        return {}
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("demo")
    cnvh("demo-data", "--output", str(directory), "--units", "1500", env={})
    return directory


@pytest.fixture(scope="module")
def filled(make_site: Callable[..., Site], demo_dir: Path) -> Site:
    """An installation in use: estimates, the plan, people, uploaded files."""
    site = make_site("city")
    cnvh("load-demo", str(demo_dir), env=site.env)
    env = site.env | {"DJANGO_SUPERUSER_PASSWORD": "a long passphrase, 2025"}
    cnvh("createsuperuser", "--noinput", "--username", "admin", "--email", "a@so.vn", env=env)
    for name, data in UPLOADS.items():
        path = site.media / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return site


@pytest.fixture(scope="module")
def archive(filled: Site, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("backups") / "cnvh.tar.gz"
    done = cnvh("backup", str(path), env=filled.env)
    assert "uploaded files" in done.stdout
    assert path.stat().st_mode & 0o077 == 0  # password hashes: for its owner only
    return path


def test_restore_into_an_empty_database_gives_back_every_row_and_file(
    filled: Site, archive: Path, make_site: Callable[..., Site]
) -> None:
    before = every_row(filled.url)
    assert sum(len(rows) for rows in before.values()) > 1000
    assert len([name for name, rows in before.items() if rows]) > 10

    fresh = make_site("restored", migrate=False)
    cnvh("restore", str(archive), env=fresh.env)

    assert every_row(fresh.url) == before
    assert media_files(fresh.media) == UPLOADS
    # The restored installation works: it answers the deployment checks and migrates.
    cnvh("migrate", "--check", env=fresh.env)


def test_restore_refuses_a_database_holding_data_unless_forced(
    filled: Site, archive: Path, make_site: Callable[..., Site]
) -> None:
    other = make_site("other")
    env = other.env | {"DJANGO_SUPERUSER_PASSWORD": "another long passphrase"}
    cnvh("createsuperuser", "--noinput", "--username", "other", "--email", "o@so.vn", env=env)
    (other.media / "kept.txt").parent.mkdir(parents=True, exist_ok=True)
    (other.media / "kept.txt").write_text("kept")
    before = every_row(other.url)

    refused = cnvh("restore", str(archive), env=other.env, check=False)
    assert refused.returncode == 1
    assert "đã có dữ liệu" in refused.stderr
    assert "already holds data" in refused.stderr
    assert "auth_user" in refused.stderr
    assert every_row(other.url) == before
    assert media_files(other.media) == {"kept.txt": b"kept"}

    cnvh("restore", "--force", str(archive), env=other.env)
    assert every_row(other.url) == every_row(filled.url)
    assert media_files(other.media) == UPLOADS


def rewrite(archive: Path, target: Path, change: Callable[[str, bytes], bytes | None]) -> Path:
    """A copy of the archive with members changed, added (None) or left out."""
    with tarfile.open(archive, "r:gz") as source, tarfile.open(target, "w:gz") as copy:
        for member in source.getmembers():
            data = source.extractfile(member).read() if member.isfile() else b""  # type: ignore[union-attr]
            changed = change(member.name, data)
            if changed is None:
                continue
            member.size = len(changed)
            copy.addfile(member, io.BytesIO(changed))
    return target


def flip_a_byte(name: str, data: bytes) -> bytes:
    if name == "media/notes.txt":
        return data.replace("Sở".encode(), "Bộ".encode())
    return data


def test_an_altered_archive_is_refused_and_changes_nothing(
    archive: Path, make_site: Callable[..., Site], tmp_path: Path
) -> None:
    target = make_site("target", migrate=False)
    altered = rewrite(archive, tmp_path / "altered.tar.gz", flip_a_byte)
    refused = cnvh("restore", str(altered), env=target.env, check=False)
    assert refused.returncode == 1
    assert "media/notes.txt" in refused.stderr
    assert "không khớp mã kiểm tra" in refused.stderr
    assert "does not match its checksum" in refused.stderr
    assert not any(every_row(target.url).values())
    assert media_files(target.media) == {}


def test_a_file_missing_from_the_archive_is_refused(
    archive: Path, make_site: Callable[..., Site], tmp_path: Path
) -> None:
    target = make_site("target", migrate=False)
    drop = rewrite(
        archive,
        tmp_path / "short.tar.gz",
        lambda name, data: None if name == "media/notes.txt" else data,
    )
    refused = cnvh("restore", str(drop), env=target.env, check=False)
    assert refused.returncode == 1
    assert "media/notes.txt" in refused.stderr
    assert media_files(target.media) == {}


def test_a_truncated_archive_is_refused(
    archive: Path, make_site: Callable[..., Site], tmp_path: Path
) -> None:
    target = make_site("target", migrate=False)
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    refused = cnvh("restore", str(truncated), env=target.env, check=False)
    assert refused.returncode == 1
    assert "Không đọc được tệp sao lưu" in refused.stderr
    assert "cannot be read" in refused.stderr


def test_a_member_outside_the_archive_folders_is_refused(
    archive: Path, make_site: Callable[..., Site], tmp_path: Path
) -> None:
    target = make_site("target", migrate=False)
    crafted = tmp_path / "crafted.tar.gz"
    with tarfile.open(archive, "r:gz") as source, tarfile.open(crafted, "w:gz") as copy:
        for member in source.getmembers():
            copy.addfile(member, source.extractfile(member))
        evil = tarfile.TarInfo("media/../../evil.sh")
        evil.size = 4
        copy.addfile(evil, io.BytesIO(b"boom"))
    refused = cnvh("restore", str(crafted), env=target.env, check=False)
    assert refused.returncode == 1
    assert "media/../../evil.sh" in refused.stderr
    assert not (target.var_dir.parent / "evil.sh").exists()
    assert not (target.var_dir / "evil.sh").exists()


def test_backup_never_overwrites_a_file(filled: Site, archive: Path) -> None:
    refused = cnvh("backup", str(archive), env=filled.env, check=False)
    assert refused.returncode == 1
    assert "already exists" in refused.stderr
