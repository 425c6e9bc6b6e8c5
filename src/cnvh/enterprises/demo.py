"""Synthetic demo data of the register and its support, made through the register's and
the workflow's own functions (receive, review, decide, disburse, report), as people
would. Every name and code here is invented: the tax codes are valid only by their
check digit."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from stdnum.vn.mst import calc_check_digit

from cnvh.enterprises import workflow
from cnvh.enterprises.entries import save_enterprise
from cnvh.enterprises.models import Certification, Enterprise, IPFiling, Programme, ProgrammeBudget
from cnvh.plan.models import Agency

# name, legal form, main code, other codes, ward
FIRMS = [
    ("Công ty TNHH Gốm Bát Tràng Xanh (minh họa)", "enterprise", "2393", ["4773"], "00004"),
    ("Công ty CP Sơn mài Hạ Thái (minh họa)", "enterprise", "3290", ["9000"], "00008"),
    ("Công ty TNHH Thiết kế Phố Cổ (minh họa)", "enterprise", "7410", [], "00025"),
    ("Hợp tác xã Mây tre Phú Vinh (minh họa)", "cooperative", "1629", [], "00004"),
    ("Công ty CP Trò chơi Rồng Vàng (minh họa)", "enterprise", "5820", ["6201"], "00008"),
    ("Công ty TNHH Biểu diễn Thăng Long (minh họa)", "enterprise", "9000", [], "00025"),
    ("Công ty TNHH Lụa Vạn Phúc (minh họa)", "enterprise", "1399", ["4771"], "00004"),
    ("Công ty CP Quảng cáo Hồ Gươm (minh họa)", "enterprise", "7310", [], "00008"),
]
# code, name, kind, owner, legal basis
PROGRAMMES = [
    (
        "cds-2026",
        "Hỗ trợ chuyển đổi số doanh nghiệp văn hóa",
        "digital",
        "so-vhtt",
        "Kế hoạch 217/KH-UBND",
    ),
    (
        "shtt-2026",
        "Hỗ trợ đăng ký nhãn hiệu sản phẩm chủ lực",
        "ip",
        "so-vhtt",
        "Kế hoạch 217/KH-UBND",
    ),
    (
        "iso-2026",
        "Hỗ trợ áp dụng hệ thống quản lý ISO",
        "standards",
        "so-vhtt",
        "Kế hoạch 217/KH-UBND",
    ),
]


@dataclass(frozen=True)
class LoadedSupport:
    enterprises: int
    cases: int


def tax_code(number: int) -> str:
    first_nine = f"0108{number:05d}"
    digit = calc_check_digit(first_nine)
    return first_nine + digit if len(digit) == 1 else tax_code(number + 500)


def load_demo_support(today: date) -> LoadedSupport | None:
    """None when the demo programmes are there already (loading twice changes nothing)."""
    if Programme.objects.filter(code=PROGRAMMES[0][0]).exists():
        return None
    users = get_user_model().objects.in_bulk(
        ["dieuphoi", "canbo", "lanhdao"], field_name="username"
    )
    if len(users) < 3:
        return None
    firms = [
        save_enterprise(
            Enterprise(
                tax_code=tax_code(n * 37 + 11),
                name_vi=name,
                legal_form=form,
                main_vsic=main,
                other_vsic=others,
                ward_code=ward,
                size="small",
                founded_on=date(2008 + n, 3, 1),
            )
        )
        for n, (name, form, main, others, ward) in enumerate(FIRMS)
    ]
    programmes = []
    for code, name, kind, owner, basis in PROGRAMMES:
        programme = Programme.objects.create(
            code=code,
            name_vi=name,
            kind=kind,
            owner=Agency.objects.get(code=owner),
            legal_basis=basis,
        )
        ProgrammeBudget.objects.create(
            programme=programme, year=today.year, amount=Decimal(5_000_000_000)
        )
        programmes.append(programme)
    cases = _cases(today, firms, programmes, users)
    _outcomes(today, firms)
    return LoadedSupport(len(firms), cases)


def _cases(today: date, firms: list[Enterprise], programmes: list[Programme], users: dict) -> int:
    officer, leader = users["canbo"], users["lanhdao"]
    start = today - timedelta(days=300)
    made = 0
    for n, firm in enumerate(firms):
        programme = programmes[n % len(programmes)]
        case = workflow.receive(
            programme,
            firm,
            start + timedelta(days=7 * n),
            Decimal(400_000_000 + 50_000_000 * n),
            officer,
        )
        made += 1
        if n == 7:
            continue  # still waiting for its assessment
        workflow.review(case, 60 + 4 * n, "Hồ sơ đầy đủ (minh họa).", officer)
        decided = start + timedelta(days=7 * n + 30)
        if n == 6:
            workflow.refuse(
                case, decided, f"{n + 1}/QĐ-SVHTT", "Không thuộc đối tượng hỗ trợ.", leader
            )
            continue
        if n == 5:
            continue  # under assessment
        granted = Decimal(300_000_000 + 50_000_000 * n)
        workflow.approve(
            case, decided, f"{n + 1}/QĐ-SVHTT", granted, decided + timedelta(days=180), leader
        )
        workflow.disburse(case, decided + timedelta(days=20), granted / 2, "Đợt 1", officer)
        if n % 2 == 0:
            workflow.disburse(case, decided + timedelta(days=90), granted / 2, "Đợt 2", officer)
            workflow.receive_report(
                case, decided + timedelta(days=170), "Đã hoàn thành (minh họa).", officer
            )
    return made


def _outcomes(today: date, firms: list[Enterprise]) -> None:
    IPFiling.objects.create(
        enterprise=firms[0],
        kind="trademark",
        title="Gốm Xanh",
        application_number="4-2025-90001",
        filed_on=today - timedelta(days=400),
        stage="granted",
        formality_accepted_on=today - timedelta(days=370),
        published_on=today - timedelta(days=320),
        decided_on=today - timedelta(days=30),
        certificate_number="4-0099001-000",
    )
    # Published over nine months ago and not yet decided: overdue.
    IPFiling.objects.create(
        enterprise=firms[1],
        kind="trademark",
        title="Sơn mài Hạ Thái",
        application_number="4-2025-90002",
        filed_on=today - timedelta(days=420),
        stage="published",
        formality_accepted_on=today - timedelta(days=390),
        published_on=today - timedelta(days=330),
    )
    Certification.objects.create(
        enterprise=firms[3],
        kind="management",
        standard="TCVN ISO 9001:2015",
        number="QMS-0001",
        issuer="Tổ chức chứng nhận (minh họa)",
        issued_on=today - timedelta(days=200),
        valid_until=today + timedelta(days=900),
    )
