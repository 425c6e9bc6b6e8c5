"""The rules shipped with the registry, as rows a coordinator can end and replace:
Decree 52/2018/NĐ-CP's thresholds for craft villages and Decision 148/QĐ-TTg's OCOP
scoring scheme. The 4★ band's bounds could not be checked against the text."""

THRESHOLDS = [
    # criterion, minimum, legal basis, valid from
    ("household_share", "20", "Nghị định 52/2018/NĐ-CP, Điều 5", "2018-04-12"),
    ("stable_years", "2", "Nghị định 52/2018/NĐ-CP, Điều 5", "2018-04-12"),
    ("tradition_years", "50", "Nghị định 52/2018/NĐ-CP, Điều 5", "2018-04-12"),
]

SCHEME = {
    "legal_basis": "Quyết định 148/QĐ-TTg (24/02/2023)",
    "max_a": "40",
    "max_b": "25",
    "max_c": "35",
    "validity_months": 36,
    "notice_months": 6,
    "valid_from": "2023-02-24",
}

BANDS = [
    # stars, from points, certified, deciding level, unconfirmed
    (1, "0", False, "city", False),
    (2, "30", False, "city", False),
    (3, "50", True, "city", False),
    (4, "70", True, "city", True),
    (5, "90", True, "national", False),
]
