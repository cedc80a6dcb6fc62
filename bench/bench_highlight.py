"""Benchmark the article page's mention marking on very large articles, old and new side by side.

    python bench/bench_highlight.py [--sizes 1 5] [--rounds 1]

For each size (megabytes of text) it builds one synthetic article: paragraphs
of invented sentences, each name in them a person mention (about one mention
per 90 characters, e.g. 11,000 in 1 MB). It then draws the article's blocks to
HTML twice in the same process, alternating:

- "old": the marking as it was before it became linear (kept below,
  verbatim but for names): every block scanned every mention, and each piece
  was built with format_html and marked safe;
- "new": `archive.views.highlight.reading_blocks` (one pass, bisection per
  block) drawn by the template `archive/includes/marked_text.html`.

Both produce the same characters and the same marks (checked). The figure to
compare is the ratio old/new measured side by side, since the machine is
shared and noisy. Record the output, with the machine, in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import print_load_average, setup_django
from synthetic import PLACES, TOPICS, person_name


def build_article(megabytes: float, seed: int = 0):
    """(text, blocks, spans): paragraphs of ~600 characters, every name a mention."""
    from archive.views.highlight import Span

    rng = random.Random(seed)
    parts: list[str] = []
    blocks: list[dict] = []
    spans: list[Span] = []
    size = 0
    while size < megabytes * 1_000_000:
        start = size
        paragraph: list[str] = []
        for _ in range(6):
            name = person_name(rng)
            head = f"Đại tá {name}" if rng.random() < 0.5 else f"Ông {name}"
            sentence = (
                f"{head} cho biết lực lượng chức năng tỉnh {rng.choice(PLACES)} đã triển khai "
                f"nhiều biện pháp về {rng.choice(TOPICS)}."
            )
            offset = size + sum(len(p) + 1 for p in paragraph) + len(head) - len(name)
            spans.append(Span(offset, offset + len(name), "person", f"/people/{len(spans)}/", name))
            paragraph.append(sentence)
        text = " ".join(paragraph)
        parts.append(text)
        blocks.append({"kind": "paragraph", "start": start, "end": start + len(text)})
        size += len(text) + 2
    return "\n\n".join(parts), blocks, spans


# --- the marking before it became linear (for comparison only) ---------------


def old_mark_text(text, start, end, spans):
    from django.utils.html import escape, format_html
    from django.utils.safestring import mark_safe

    pieces = []
    cursor = start
    for span in spans:
        s, e = max(span.start, start), min(span.end, end)
        if e <= s or s < cursor:
            continue
        pieces.append(escape(text[cursor:s]))
        pieces.append(
            format_html(
                '<a class="mention mention-{}" href="{}" title="{}"><mark>{}</mark></a>',
                span.kind,
                span.url,
                span.label,
                text[s:e],
            )
        )
        cursor = e
    pieces.append(escape(text[cursor:end]))
    return mark_safe("".join(pieces))


def old_reading_blocks(text, blocks, spans):
    from archive.views.highlight import HIDDEN_KINDS, outermost

    spans = outermost(spans)
    result = []
    for block in blocks:
        kind, start, end = block["kind"], block["start"], block["end"]
        if kind in HIDDEN_KINDS:
            continue
        inside = [s for s in spans if s.start < end and s.end > start]
        result.append((kind, old_mark_text(text, start, end, inside)))
    return result


# -----------------------------------------------------------------------------


def draw_old(text, blocks, spans) -> str:
    from django.template import Template
    from django.template.context import Context

    page = Template("{% for kind, html in blocks %}<p>{{ html }}</p>{% endfor %}")
    return page.render(Context({"blocks": old_reading_blocks(text, blocks, spans)}))


def draw_new(text, blocks, spans) -> str:
    from django.template import Template
    from django.template.context import Context

    from archive.views.highlight import reading_blocks

    page = Template(
        "{% for block in blocks %}<p>"
        '{% include "archive/includes/marked_text.html" with pieces=block.pieces %}'
        "</p>{% endfor %}"
    )
    return page.render(Context({"blocks": reading_blocks(text, blocks, spans)}))


def timed(draw, *args) -> tuple[float, str]:
    started = time.perf_counter()
    html = draw(*args)
    return time.perf_counter() - started, html


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1.0, 5.0])
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    setup_django()
    print_load_average()
    print("| article | mentions | old | new | old / new |")
    print("|---|---|---|---|---|")
    for megabytes in args.sizes:
        text, blocks, spans = build_article(megabytes)
        olds, news = [], []
        for _ in range(args.rounds):
            old, old_html = timed(draw_old, text, blocks, spans)
            new, new_html = timed(draw_new, text, blocks, spans)
            assert old_html == new_html, "old and new marking differ"
            olds.append(old)
            news.append(new)
        ratio = statistics.median(o / n for o, n in zip(olds, news, strict=True))
        print(
            f"| {len(text) / 1e6:.1f} M characters ({len(text.encode()) / 1e6:.1f} MB UTF-8) | "
            f"{len(spans):,} | "
            f"{statistics.median(olds):.2f} s | {statistics.median(news):.2f} s | {ratio:.0f}x |"
        )


if __name__ == "__main__":
    main()
