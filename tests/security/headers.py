"""What every response must carry: the security headers, and for a page a CSP without
inline script, where the only <script> blocks with content are data (JSON)."""

import re
from typing import Any

HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
POLICY = {
    "script-src": {"'self'"},
    "default-src": {"'self'"},
    "object-src": {"'none'"},
    "frame-ancestors": {"'none'"},
    "base-uri": {"'self'"},
    "form-action": {"'self'"},
}
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S)
# Data blocks are never run: chart data, and an event's schema.org JSON-LD (written with
# <, > and & escaped, cnvh.events.feeds.json_ld_script).
DATA_BLOCK = re.compile(r'type="application/(ld\+)?json"')


def directives(policy: str) -> dict[str, set[str]]:
    found = {}
    for part in policy.split(";"):
        name, *values = part.split()
        found[name] = set(values)
    return found


def is_page(response: Any) -> bool:
    return "html" in response.get("Content-Type", "")


def header_problems(response: Any) -> list[str]:
    problems = [
        f"{header}: {response.get(header)!r}"
        for header, value in HEADERS.items()
        if response.get(header) != value
    ]
    if is_page(response):
        policy = directives(response.get("Content-Security-Policy", ""))
        problems += [
            f"CSP {name}: {policy.get(name)}"
            for name, values in POLICY.items()
            if policy.get(name) != values
        ]
    return problems


def inline_scripts(response: Any) -> list[str]:
    """The <script> elements of a page that would run code written in the page."""
    if response.status_code != 200 or not is_page(response):
        return []
    return [
        attributes
        for attributes, content in SCRIPT.findall(response.content.decode())
        if not DATA_BLOCK.search(attributes) and ("src=" not in attributes or content.strip())
    ]
