"""A small SVG builder: elements as text, every attribute and text escaped.

The charts of the periodic report are drawn on the server, so the same picture is
in the page and in the PDF, with no script. Only this module marks text as safe,
after escaping all of it.
"""

from html import escape

from django.utils.safestring import SafeString, mark_safe

FONT = "Tinos, 'Tinos Vietnamese', 'Tinos Latin Ext', 'Times New Roman', serif"


def _attributes(attributes: dict[str, object]) -> str:
    parts = []
    for name, value in attributes.items():
        if value is None:
            continue
        text = f"{value:.2f}" if isinstance(value, float) else str(value)
        parts.append(f'{name.rstrip("_").replace("_", "-")}="{escape(text, quote=True)}"')
    return " ".join(parts)


def element(tag: str, text: str | None = None, /, **attributes: object) -> str:
    """`<tag attributes>text</tag>`, or `<tag attributes/>` without text."""
    opening = f"{tag} {_attributes(attributes)}".strip()
    if text is None:
        return f"<{opening}/>"
    return f"<{opening}>{escape(text, quote=False)}</{tag}>"


def group(children: list[str], **attributes: object) -> str:
    return f"<g {_attributes(attributes)}>" + "".join(children) + "</g>"


def document(width: int, height: int, title: str, children: list[str]) -> SafeString:
    """The whole picture; `title` is what a screen reader says of it."""
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" '
        f'font-family="{escape(FONT, quote=True)}" font-size="11">'
    )
    # Every part of the text was escaped above, in element(), group() or here.
    return mark_safe(head + element("title", title) + "".join(children) + "</svg>")


def polyline(points: list[tuple[float, float]], **attributes: object) -> str:
    return element("polyline", points=" ".join(f"{x:.2f},{y:.2f}" for x, y in points), **attributes)
