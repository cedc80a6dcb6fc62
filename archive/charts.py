"""Small pictures drawn by the server as inline SVG: no script, no external file.

What belongs here: turning plain numbers and labels into the geometry of a
picture; its template (templates/archive/charts/) draws the SVG and escapes
every piece of text. No database access. Sizes are in SVG user units; the viewBox lets the
browser scale a picture to the width of the page.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from itertools import count

from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

# Past this many months a chart counts by year, or its bars get too thin to read.
MAX_MONTH_BARS = 36
# Labels under the bars: more would overlap on a phone.
MAX_LABELS = 6
_ids = count(1)


@dataclass(frozen=True)
class Bar:
    label: str  # under the bar ("5/2024", "2024"); "" for no label
    period: str  # the whole period, "Month 5/2024" or "Year 2024" (translated)
    value: int
    span: str = "month"  # what one bar counts: "month" or "year" (translated)

    @property
    def title(self) -> str:
        """What the bar means, shown on hover and read by screen readers."""
        return f"{self.period}: {self.value}"


def bars_by_month(counts: list[tuple[datetime.date, int]]) -> list[Bar]:
    """One bar per month from the first to the last month with a count, gaps as zeros."""
    if not counts:
        return []
    by_month = {(day.year, day.month): n for day, n in counts}
    first, last = min(by_month), max(by_month)
    months = []
    year, month = first
    while (year, month) <= last:
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    if len(months) > MAX_MONTH_BARS:
        by_year: dict[int, int] = {}
        for (y, _month), n in by_month.items():
            by_year[y] = by_year.get(y, 0) + n
        return [
            Bar(
                label=str(y),
                period=_("Year %(year)s") % {"year": y},
                value=by_year.get(y, 0),
                span=_("year"),
            )
            for y in range(first[0], last[0] + 1)
        ]
    step = max(1, -(-len(months) // MAX_LABELS))
    return [
        Bar(
            label=f"{m}/{y}" if i % step == 0 else "",
            period=_("Month %(month)s/%(year)s") % {"month": m, "year": y},
            value=by_month.get((y, m), 0),
            span=_("month"),
        )
        for i, (y, m) in enumerate(months)
    ]


@dataclass(frozen=True)
class BarShape:
    """Where a bar is drawn; coordinates as written into the SVG (one decimal)."""

    bar: Bar
    x: str
    y: str
    width: str
    height: str
    label_x: str


def bar_chart(bars: list[Bar], *, title: str, unit: str) -> SafeString:
    """A bar chart with a labelled maximum; empty when there is nothing to draw."""
    if not bars:
        return SafeString("")
    width, height = 480, 180
    left, right, top, bottom = 36, 8, 16, 34
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max(bar.value for bar in bars) or 1
    slot = plot_w / len(bars)
    bar_w = min(36.0, max(2.0, slot * 0.7))
    shapes = []
    for i, bar in enumerate(bars):
        x = left + i * slot + (slot - bar_w) / 2
        h = plot_h * bar.value / peak
        shapes.append(
            BarShape(
                bar=bar,
                x=f"{x:.1f}",
                y=f"{top + plot_h - h:.1f}",
                width=f"{bar_w:.1f}",
                height=f"{h:.1f}",
                label_x=f"{x + bar_w / 2:.1f}",
            )
        )
    return render_to_string(
        "archive/charts/bar_chart.svg",
        {
            "uid": f"chart-{next(_ids)}",
            "title": title,
            "unit": unit,
            "total": sum(bar.value for bar in bars),
            "peak": peak,
            "width": width,
            "height": height,
            "left": left,
            "right": width - right,
            "top": top,
            "base": top + plot_h,
            "tick_x": left - 6,
            "peak_y": top + 4,
            "zero_y": top + plot_h + 4,
            "label_y": height - bottom + 18,
            "shapes": shapes,
        },
    )


@dataclass(frozen=True)
class ChainNode:
    key: int
    lines: tuple[str, ...]  # up to three short lines: symbol, kind, date
    title: str  # the full description, for hover and screen readers
    url: str
    current: bool = False


# Two boxes a row keep the picture narrow enough to stay legible on a phone.
BOX_W, BOX_H, GAP_X, GAP_Y, PER_ROW, MARGIN = 184, 66, 16, 40, 2, 10
MAX_LINE = 23


def chain_diagram(
    rows: list[list[ChainNode]], links: list[tuple[int, int]], *, title: str
) -> SafeString:
    """Directives in rows from top to bottom; an arrow from each implementer to what it implements.

    `rows` are drawn in order (the caller puts what is implemented above what
    implements it); a row longer than PER_ROW wraps onto several lines.
    `links` are (implementer key, implemented key) pairs; links to a node not
    drawn are left out.
    """
    lines_of_boxes: list[list[ChainNode]] = []
    for row in rows:
        for start in range(0, len(row), PER_ROW):
            lines_of_boxes.append(row[start : start + PER_ROW])
    if not lines_of_boxes:
        return SafeString("")
    width = PER_ROW * BOX_W + (PER_ROW - 1) * GAP_X + 2 * MARGIN
    height = len(lines_of_boxes) * (BOX_H + GAP_Y) - GAP_Y + 2 * MARGIN
    where: dict[int, tuple[float, float]] = {}
    nodes: dict[int, ChainNode] = {}
    for line_no, line in enumerate(lines_of_boxes):
        used = len(line) * BOX_W + (len(line) - 1) * GAP_X
        x0 = (width - used) / 2
        y = MARGIN + line_no * (BOX_H + GAP_Y)
        for i, node in enumerate(line):
            where[node.key] = (x0 + i * (BOX_W + GAP_X), y)
            nodes[node.key] = node
    links_drawn = []
    for implementer, implemented in links:
        if implementer not in where or implemented not in where:
            continue
        (x1, y1), (x2, y2) = where[implementer], where[implemented]
        if y1 > y2:  # the usual case: the implementer is drawn below
            start, end = (x1 + BOX_W / 2, y1), (x2 + BOX_W / 2, y2 + BOX_H)
        else:
            start, end = (x1 + BOX_W / 2, y1 + BOX_H), (x2 + BOX_W / 2, y2)
        links_drawn.append(tuple(f"{v:.1f}" for v in (*start, *end)))
    boxes = [
        ChainBox(
            node=node,
            x=f"{x:.1f}",
            y=f"{y:.1f}",
            text_x=f"{x + BOX_W / 2:.1f}",
            lines=[
                (f"{y + 21 + 18 * i:.1f}", _shorten(line)) for i, line in enumerate(node.lines[:3])
            ],
        )
        for node, (x, y) in ((nodes[key], place) for key, place in where.items())
    ]
    return render_to_string(
        "archive/charts/chain_diagram.svg",
        {
            "uid": f"chain-{next(_ids)}",
            "title": title,
            "width": width,
            "height": height,
            "box_w": BOX_W,
            "box_h": BOX_H,
            "links": links_drawn,
            "boxes": boxes,
        },
    )


@dataclass(frozen=True)
class ChainBox:
    """A directive's box as drawn: its corner and its text lines as (y, text)."""

    node: ChainNode
    x: str
    y: str
    text_x: str
    lines: list[tuple[str, str]]


def _shorten(text: str) -> str:
    return text if len(text) <= MAX_LINE else text[: MAX_LINE - 1].rstrip() + "…"
