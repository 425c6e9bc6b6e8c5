"""The report's two charts as SVG: tasks by status in each content group, and the
share of GRDP against the trajectory to the plan's targets."""

import math
from collections.abc import Callable

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from cnvh.exports.periodic import svg
from cnvh.exports.periodic.document import Section, ShareChart
from cnvh.plan.models import Task
from cnvh.presentation.formatting import format_number

WIDTH = 620
STATUS_COLOURS: dict[str, str] = {
    Task.Status.NOT_STARTED: "#b8b8b8",
    Task.Status.IN_PROGRESS: "#e3a92b",
    Task.Status.COMPLETED: "#2e7d4f",
    Task.Status.SUSPENDED: "#b03a2e",
}
LABEL_WIDTH = 250
ROW = 22


def _shortened(text: str, limit: int = 44) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _legend(entries: list[tuple[str, str, str]], top: float) -> list[str]:
    """(colour, dash, label) side by side from the left."""
    parts, left = [], 0.0
    for colour, dash, label in entries:
        parts.append(
            svg.element(
                "line",
                x1=left,
                y1=top,
                x2=left + 22,
                y2=top,
                stroke=colour,
                stroke_width=6 if not dash else 2,
                stroke_dasharray=dash or None,
            )
        )
        parts.append(svg.element("text", label, x=left + 28, y=top + 4))
        left += 40 + len(label) * 5.6
    return parts


def tasks_by_group(sections: list[Section]) -> SafeString:
    """One bar per content group, the whole width its tasks, split by status."""
    bar_width = WIDTH - LABEL_WIDTH - 40
    parts = []
    for row, section in enumerate(sections):
        top = row * ROW + 4
        label = _shortened(f"{section.number}. {section.title}")
        parts.append(svg.element("text", label, x=0, y=top + 13))
        total = section.progress.tasks
        left = float(LABEL_WIDTH)
        for status, _label, count in section.progress.statuses:
            if not count:
                continue
            width = bar_width * count / total
            parts.append(
                svg.element(
                    "rect",
                    x=left,
                    y=top,
                    width=width,
                    height=ROW - 6,
                    fill=STATUS_COLOURS[status],
                )
            )
            if width > 18:
                parts.append(
                    svg.element(
                        "text",
                        str(count),
                        x=left + width / 2,
                        y=top + 12,
                        text_anchor="middle",
                        fill="#fff" if status != "not_started" else "#000",
                    )
                )
            left += width
        parts.append(svg.element("text", str(total), x=LABEL_WIDTH + bar_width + 6, y=top + 13))
    legend_top = len(sections) * ROW + 16
    parts += _legend(
        [(STATUS_COLOURS[value], "", str(label)) for value, label in Task.Status.choices],
        legend_top,
    )
    title = _("Tasks by status in each content group (the number of tasks at the right)")
    return svg.document(WIDTH, legend_top + 12, title, parts)


def _step(top: float) -> float:
    """A round tick step that gives four to eight ticks up to `top`."""
    raw = top / 6
    power = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    return next(n * power for n in (1, 2, 2.5, 5, 10) if n * power >= raw)


def share_of_grdp(chart: ShareChart) -> SafeString:
    height, left, bottom, top_margin = 240, 40, 200, 10
    plot_width = WIDTH - left - 10
    numbers = [v for v in chart.share + chart.trajectory if v is not None]
    numbers += [point.value for point in chart.targets]
    top = max(numbers, default=1.0) * 1.1 or 1.0
    step = _step(top)
    first, last = chart.years[0], chart.years[-1]

    def x(year: float) -> float:
        return left + plot_width * (year - first) / max(last - first, 1)

    def y(value: float) -> float:
        return bottom - (bottom - top_margin) * value / top

    parts = []
    tick = 0.0
    while tick <= top:
        parts.append(
            svg.element(
                "line",
                x1=left,
                y1=y(tick),
                x2=WIDTH - 10,
                y2=y(tick),
                stroke="#ddd",
                stroke_width=1,
            )
        )
        parts.append(
            svg.element(
                "text",
                format_number(tick, 1 if step < 1 else 0) + "%",
                x=left - 4,
                y=y(tick) + 4,
                text_anchor="end",
            )
        )
        tick += step
    for year in chart.years:
        parts.append(svg.element("text", str(year), x=x(year), y=bottom + 14, text_anchor="middle"))
    parts += _line(chart.years, chart.trajectory, x, y, "#555", "5 4")
    parts += _line(chart.years, chart.share, x, y, "#1f4e99", None)
    for point in chart.targets:
        parts.append(
            svg.element("circle", cx=x(point.year), cy=y(point.value), r=4, fill="#b03a2e")
        )
        parts.append(
            svg.element(
                "text",
                format_number(point.value, 1) + "%",
                x=x(point.year) - 6,
                y=y(point.value) - 7,
                text_anchor="end",
            )
        )
    parts += _legend(
        [
            ("#1f4e99", "", _("Estimated share of GRDP")),
            ("#555", "5 4", _("Target trajectory")),
            ("#b03a2e", "1 0", _("Plan target")),
        ],
        height - 8,
    )
    title = _("%(indicator)s (%%) by year, against the trajectory to the plan's targets") % {
        "indicator": chart.indicator
    }
    return svg.document(WIDTH, height, title, parts)


def _line(
    years: list[int],
    numbers: list[float | None],
    x: Callable[[float], float],
    y: Callable[[float], float],
    colour: str,
    dash: str | None,
) -> list[str]:
    """One polyline per run of years with a value."""
    runs: list[list[tuple[float, float]]] = [[]]
    for year, value in zip(years, numbers, strict=True):
        if value is None:
            runs.append([])
        else:
            runs[-1].append((x(year), y(value)))
    return [
        svg.polyline(run, fill="none", stroke=colour, stroke_width=2, stroke_dasharray=dash)
        for run in runs
        if len(run) > 1
    ] + [
        svg.element("circle", cx=px, cy=py, r=2.5, fill=colour)
        for run in runs
        for px, py in run
        if dash is None
    ]
