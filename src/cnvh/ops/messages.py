"""Messages of the operations commands (backup, restore), in Vietnamese and English, in
the style of the engine's problems: what is wrong, then how to fix it."""

from typing import Any

from django.core.management.base import CommandError

# code -> (what, vi), (what, en), (fix, vi), (fix, en)
MESSAGES: dict[str, tuple[str, str, str, str]] = {
    "archive_unreadable": (
        "Không đọc được tệp sao lưu {file}: {detail}",
        "The backup {file} cannot be read: {detail}",
        "Tệp bị hỏng hoặc không phải bản sao lưu của cnvh; dùng một bản sao lưu khác.",
        "The file is damaged or not a cnvh backup; use another backup.",
    ),
    "archive_unsafe": (
        "Bản sao lưu có tệp không hợp lệ: {name}",
        "The backup holds a file that is not allowed: {name}",
        "Bản sao lưu đã bị sửa; không khôi phục từ tệp này.",
        "The backup has been altered; do not restore from it.",
    ),
    "archive_no_manifest": (
        "Bản sao lưu không có bảng kê (manifest.json) hợp lệ",
        "The backup has no valid list of contents (manifest.json)",
        "Tệp không phải bản sao lưu do cnvh backup tạo ra, hoặc bị hỏng.",
        "The file was not made by cnvh backup, or is damaged.",
    ),
    "archive_version": (
        "Bản sao lưu có định dạng {found}, phiên bản này đọc được {expected}",
        "The backup's format is {found}; this version reads {expected}",
        "Khôi phục bằng phiên bản cnvh đã tạo bản sao lưu.",
        "Restore with the cnvh version that made the backup.",
    ),
    "archive_tampered": (
        "Tệp {name} trong bản sao lưu không khớp mã kiểm tra ({detail})",
        "The file {name} in the backup does not match its checksum ({detail})",
        "Bản sao lưu bị hỏng hoặc đã bị sửa; không khôi phục từ tệp này.",
        "The backup is damaged or has been altered; do not restore from it.",
    ),
    "wrong_database": (
        "Bản sao lưu là của cơ sở dữ liệu {found}, nơi khôi phục là {target}",
        "The backup is of a {found} database; the target is {target}",
        "Đặt CNVH_DATABASE_URL trỏ tới cơ sở dữ liệu {found}.",
        "Point CNVH_DATABASE_URL at a {found} database.",
    ),
    "not_empty": (
        "Nơi khôi phục đã có dữ liệu: {detail}",
        "The target already holds data: {detail}",
        "Khôi phục vào cơ sở dữ liệu trống, hoặc thêm --force để thay thế toàn bộ.",
        "Restore into an empty database, or add --force to replace everything.",
    ),
    "tool_missing": (
        "Không tìm thấy chương trình {tool}",
        "The program {tool} was not found",
        "Cài gói postgresql-client (apt-get install postgresql-client).",
        "Install postgresql-client (apt-get install postgresql-client).",
    ),
    "tool_failed": (
        "{tool} thất bại: {detail}",
        "{tool} failed: {detail}",
        "Kiểm tra kết nối và quyền của người dùng cơ sở dữ liệu; cơ sở dữ liệu chưa bị thay đổi.",
        "Check the connection and the database user's rights; the database was not changed.",
    ),
    "rows_differ": (
        "Sau khi khôi phục, bảng {table} có {found} dòng thay vì {expected}",
        "After the restore, table {table} has {found} rows instead of {expected}",
        "Khôi phục lại với --force; nếu vẫn lỗi, dùng một bản sao lưu khác.",
        "Restore again with --force; if it fails again, use another backup.",
    ),
    "target_exists": (
        "Tệp {file} đã tồn tại",
        "The file {file} already exists",
        "Chọn tên khác, hoặc xóa tệp cũ trước.",
        "Choose another name, or delete the old file first.",
    ),
}


def message(code: str, **params: Any) -> str:
    what_vi, what_en, fix_vi, fix_en = MESSAGES[code]
    return (
        f"{what_vi.format(**params)}. Cách sửa: {fix_vi.format(**params)}\n"
        f"{what_en.format(**params)}. Fix: {fix_en.format(**params)}"
    )


class OpsError(CommandError):
    """A bilingual error that stops a command with exit status 1."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        super().__init__(message(code, **params))
