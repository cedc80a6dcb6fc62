"""The server-drawn SVG pictures: numbers and labels in, escaped markup out (no database)."""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET

from archive.charts import ChainNode, bar_chart, bars_by_month, chain_diagram

SVG = "{http://www.w3.org/2000/svg}"


def test_months_without_mentions_are_zero_bars_between_the_first_and_last():
    bars = bars_by_month([(datetime.date(2024, 11, 1), 2), (datetime.date(2025, 2, 1), 5)])
    assert [(b.period, b.value) for b in bars] == [
        ("Tháng 11/2024", 2),
        ("Tháng 12/2024", 0),
        ("Tháng 1/2025", 0),
        ("Tháng 2/2025", 5),
    ]


def test_a_long_span_is_counted_by_year():
    bars = bars_by_month(
        [
            (datetime.date(2019, 3, 1), 1),
            (datetime.date(2024, 7, 1), 4),
            (datetime.date(2024, 9, 1), 1),
        ]
    )
    assert [(b.label, b.value) for b in bars] == [
        ("2019", 1),
        ("2020", 0),
        ("2021", 0),
        ("2022", 0),
        ("2023", 0),
        ("2024", 5),
    ]


def test_bar_chart_is_valid_svg_with_one_bar_per_period_and_escaped_text():
    bars = bars_by_month([(datetime.date(2024, 1, 1), 3), (datetime.date(2024, 3, 1), 6)])
    svg = str(bar_chart(bars, title="Nhắc đến <Bộ & Sở>", unit="lần"))
    root = ET.fromstring(svg)
    rects = root.findall(f"{SVG}rect")
    assert len(rects) == 3
    heights = [float(r.get("height")) for r in rects]
    assert heights[1] == 0 and heights[2] == 2 * heights[0]
    assert root.find(f"{SVG}title").text == "Nhắc đến <Bộ & Sở>"
    assert root.get("role") == "img"


def test_no_bars_draw_nothing():
    assert str(bar_chart([], title="x", unit="lần")) == ""


def node(key: int, symbol: str, *, current: bool = False) -> ChainNode:
    return ChainNode(
        key=key,
        lines=(symbol, "Nghị quyết"),
        title=f"Nghị quyết {symbol}",
        url=f"/directives/{key}/",
        current=current,
    )


def test_chain_diagram_links_other_directives_and_draws_arrows_between_drawn_boxes():
    rows = [
        [node(1, "12-NQ/TU")],
        [node(2, "45-KH/SVH", current=True)],
        [node(3, "7-KH/X"), node(4, "8-KH/Y"), node(5, "9-KH/Z")],
    ]
    links = [(2, 1), (3, 2), (4, 2), (5, 2), (6, 2)]  # 6 is not drawn
    svg = str(chain_diagram(rows, links, title="Chuỗi thực hiện"))
    root = ET.fromstring(svg)
    assert len(root.findall(f".//{SVG}line")) == 4
    hrefs = sorted(a.get("href") for a in root.iter(f"{SVG}a"))
    assert hrefs == ["/directives/1/", "/directives/3/", "/directives/4/", "/directives/5/"]
    # Three implementers wrap onto two lines of boxes: five boxes on four lines.
    ys = {float(r.get("y")) for r in root.iter(f"{SVG}rect")}
    assert len(ys) == 4


def test_chain_text_is_escaped_and_long_lines_shortened():
    rows = [[ChainNode(key=1, lines=("<b>" + "x" * 60,), title="a & b", url="/d/1/?a=1&b=2")]]
    svg = str(chain_diagram(rows, [], title="t"))
    assert "<b>" not in svg and "&lt;b&gt;" in svg
    assert 'href="/d/1/?a=1&amp;b=2"' in svg
    assert re.search(r"x+…", svg)
    ET.fromstring(svg)
