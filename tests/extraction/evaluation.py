"""Scoring extraction output against the hand-made expected-entity files.

What belongs here: reading `*.expected.json` files, comparing one
`ParsedArticle` with its expectation, and summing the comparisons into
precision / recall / F1 per entity kind. Nothing here extracts anything, and
nothing imports Django: the benchmark script and the tests use it alike.

Matching rules:

- people and organisations match by `normalize.matching_key` of their names
  (aliases and abbreviations are not consulted: the extracted name itself must
  be right). Each distinct key counts once per article.
- an organisation marked `inferred` (a directive's issuer known only from its
  symbol's code, never named in the text) is not an organisation the article
  mentions and is not scored.
- an extracted organisation whose key equals an `optional_organisations` entry
  (and is not expected) is neither a true nor a false positive.
- an extracted name listed in `not_entities` is a false positive like any other
  unexpected name; it is also reported separately, since those are the errors
  the corpus was written to provoke.
- directives match by canonical symbol when the expected symbol is non-empty
  (compared after NFC and Ð→Đ, case-sensitively: "15-NQ/tw" is not canonical);
  an expected symbol-less citation matches any extracted directive left over
  with the same number and a compatible kind word; a law cited by name alone
  (no symbol, no number: "Bộ luật Hình sự") by its kind word and its "title"
  ("Hình sự"), which the extractor keeps as the directive's summary.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archive.extraction.normalize import matching_key, normalize_text
from archive.extraction.types import DirectiveEntity, ParsedArticle

KINDS: tuple[str, ...] = ("people", "organisations", "directives")
STRUCTURE_FIELDS: tuple[str, ...] = (
    "title",
    "author",
    "source_name",
    "source_url",
    "dateline",
    "captions",
)

# Kind words for the type codes of directive symbols, used when an extracted
# directive gives a code but no kind word.
_KIND_BY_CODE: dict[str, str] = {
    "NQ": "Nghị quyết",
    "KL": "Kết luận",
    "CT": "Chỉ thị",
    "QĐ": "Quyết định",
    "QĐi": "Quy định",
    "QyĐ": "Quy định",
    "NĐ": "Nghị định",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "NQLT": "Nghị quyết liên tịch",
    "HD": "Hướng dẫn",
    "CTr": "Chương trình",
    "KH": "Kế hoạch",
    "TB": "Thông báo",
    "BC": "Báo cáo",
    "QC": "Quy chế",
    "ĐA": "Đề án",
    "CĐ": "Công điện",
    "TTr": "Tờ trình",
}

_LIST_FIELDS = ("captions", "people", "organisations", "directives")
_OPTIONAL_LIST_FIELDS = ("optional_organisations", "not_entities")
_TEXT_FIELDS = ("title", "author", "source_name", "source_url")


@dataclass(frozen=True)
class Score:
    """True positives, false positives and false negatives, with derived rates.

    A rate whose denominator is zero is 1.0 when nothing was missed or invented
    (nothing expected, nothing found) and 0.0 otherwise.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        found = self.tp + self.fp
        if found == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / found

    @property
    def recall(self) -> float:
        expected = self.tp + self.fn
        if expected == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / expected

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True)
class KindResult:
    """The comparison of one entity kind in one article, with the names involved."""

    score: Score
    matched: tuple[str, ...] = ()
    missed: tuple[str, ...] = ()  # expected, not extracted
    spurious: tuple[str, ...] = ()  # extracted, not expected (the false positives)
    ignored: tuple[str, ...] = ()  # extracted, optional: not counted
    not_entity_hits: tuple[str, ...] = ()  # the spurious names listed in not_entities


@dataclass(frozen=True)
class ArticleResult:
    name: str
    kinds: Mapping[str, KindResult]
    structure: Mapping[str, bool]


@dataclass(frozen=True)
class CorpusItem:
    """One article of the evaluation corpus: its text file and its expectation."""

    name: str
    text_path: Path
    expected_path: Path


# --------------------------------------------------------------------------- loading


def load_expected(path: str | Path) -> dict[str, Any]:
    """Read and check one `*.expected.json` file; missing optional lists become []."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: the top level must be an object")
    for key in _TEXT_FIELDS:
        data.setdefault(key, "")
        if not isinstance(data[key], str):
            raise ValueError(f"{path}: {key!r} must be a string")
    for key in (*_LIST_FIELDS, *_OPTIONAL_LIST_FIELDS):
        data.setdefault(key, [])
        if not isinstance(data[key], list):
            raise ValueError(f"{path}: {key!r} must be a list")
    data.setdefault("dateline", None)
    if data["dateline"] is not None and not isinstance(data["dateline"], dict):
        raise ValueError(f"{path}: 'dateline' must be an object or null")
    for person in data["people"]:
        if not isinstance(person, dict) or not isinstance(person.get("name"), str):
            raise ValueError(f"{path}: every person needs a 'name'")
        person.setdefault("rank", "")
        person.setdefault("academic_titles", [])
        person.setdefault("positions", [])
    for org in data["organisations"]:
        if not isinstance(org, dict) or not isinstance(org.get("name"), str):
            raise ValueError(f"{path}: every organisation needs a 'name'")
        org.setdefault("abbreviations", [])
    for directive in data["directives"]:
        if not isinstance(directive, dict):
            raise ValueError(f"{path}: every directive must be an object")
        for key in ("symbol", "kind", "number", "issuer"):
            directive.setdefault(key, "")
            if not isinstance(directive[key], str):
                raise ValueError(f"{path}: directive {key!r} must be a string")
        directive.setdefault("issued", None)
        if not directive["symbol"] and not directive["number"] and not directive.get("title"):
            raise ValueError(f"{path}: a directive needs a symbol, a number or a law's title")
    return data


def iter_corpus(root: str | Path, *, held_out: bool = False) -> Iterator[CorpusItem]:
    """The evaluation corpus under a repository root, in a stable order.

    The hand-made articles sit next to their expectations in
    tests/extraction/articles/; the seeds' expectations are in
    tests/extraction/seeds_expected/ and their texts in seeds/. With
    `held_out`, only tests/extraction/heldout/: articles written apart from
    the extractor and never used to tune it, so their score is an honest
    estimate on unseen text.
    """
    root = Path(root)
    suffix = ".expected.json"
    if held_out:
        for expected in sorted((root / "tests" / "extraction" / "heldout").glob("*" + suffix)):
            stem = expected.name[: -len(suffix)]
            yield CorpusItem(stem, expected.with_name(stem + ".txt"), expected)
        return
    for expected in sorted((root / "tests" / "extraction" / "articles").glob("*" + suffix)):
        stem = expected.name[: -len(suffix)]
        yield CorpusItem(stem, expected.with_name(stem + ".txt"), expected)
    for expected in sorted((root / "tests" / "extraction" / "seeds_expected").glob("*" + suffix)):
        stem = expected.name[: -len(suffix)]
        yield CorpusItem("seed " + stem, root / "seeds" / (stem + ".txt"), expected)


# --------------------------------------------------------------------------- comparing


def _keyed(names: Iterable[str]) -> dict[str, str]:
    """Map matching key -> first name seen with that key (blank names dropped)."""
    result: dict[str, str] = {}
    for name in names:
        key = matching_key(name)
        if key:
            result.setdefault(key, name)
    return result


def _compare_names(
    extracted: Iterable[str],
    expected: Iterable[str],
    optional: Iterable[str] = (),
    not_entities: Iterable[str] = (),
) -> KindResult:
    found = _keyed(extracted)
    wanted = _keyed(expected)
    optional_keys = set(_keyed(optional)) - set(wanted)
    not_entity_keys = set(_keyed(not_entities))
    matched = [wanted[k] for k in wanted if k in found]
    missed = [wanted[k] for k in wanted if k not in found]
    ignored = [found[k] for k in found if k not in wanted and k in optional_keys]
    spurious = [found[k] for k in found if k not in wanted and k not in optional_keys]
    hits = [found[k] for k in found if k not in wanted and k in not_entity_keys]
    return KindResult(
        score=Score(tp=len(matched), fp=len(spurious), fn=len(missed)),
        matched=tuple(matched),
        missed=tuple(missed),
        spurious=tuple(spurious),
        ignored=tuple(ignored),
        not_entity_hits=tuple(hits),
    )


def _law_title(directive: DirectiveEntity) -> str:
    """A law cited by name alone ("Bộ luật Hình sự") is told apart by its name (kept as
    its summary), since it has no number."""
    return "" if directive.number or directive.symbol else matching_key(directive.summary)


def _symbol_key(symbol: str) -> str:
    return normalize_text(symbol).strip()


def _number_key(number: str) -> str:
    return normalize_text(number).strip().lstrip("0") or "0"


def _kind_key(kind: str, kind_code: str = "") -> str:
    if not kind and kind_code:
        kind = _KIND_BY_CODE.get(normalize_text(kind_code).strip(), "")
    return matching_key(kind)


def _kinds_compatible(a: str, b: str) -> bool:
    """Same kind word, or one a longer form of the other ("Chương trình hành động")."""
    if not a or not b:
        return False
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


def _directive_label(kind: str, number: str, symbol: str) -> str:
    return symbol or f"{kind} {number}".strip()


def _compare_directives(
    extracted: Sequence[DirectiveEntity], expected: Sequence[Mapping[str, Any]]
) -> KindResult:
    # One entry per distinct extracted directive: by symbol, else by kind and number.
    found: dict[str, DirectiveEntity] = {}
    for directive in extracted:
        if directive.symbol:
            key = "s:" + _symbol_key(directive.symbol)
        else:
            kind = _kind_key(directive.kind, directive.kind_code)
            key = f"c:{kind}|{_number_key(directive.number)}|{_law_title(directive)}"
        found.setdefault(key, directive)

    matched: list[str] = []
    missed: list[str] = []
    remaining = dict(found)
    symbol_less: list[Mapping[str, Any]] = []
    for item in expected:
        symbol = str(item.get("symbol") or "")
        if not symbol:
            symbol_less.append(item)
            continue
        if remaining.pop("s:" + _symbol_key(symbol), None) is not None:
            matched.append(symbol)
        else:
            missed.append(symbol)
    for item in symbol_less:
        kind, number = str(item.get("kind") or ""), str(item.get("number") or "")
        title = str(item.get("title") or "")
        want_kind, want_number = _kind_key(kind), _number_key(number)
        label = _directive_label(kind, number or title, "")
        hit = next(
            (
                key
                for key, d in remaining.items()
                if _number_key(d.number) == want_number
                and _kinds_compatible(_kind_key(d.kind, d.kind_code), want_kind)
                and _law_title(d) == (matching_key(title) if not d.number else "")
            ),
            None,
        )
        if hit is None:
            missed.append(label)
        else:
            del remaining[hit]
            matched.append(label)
    spurious = [
        _directive_label(d.kind, d.number or d.summary, d.symbol) for d in remaining.values()
    ]
    return KindResult(
        score=Score(tp=len(matched), fp=len(spurious), fn=len(missed)),
        matched=tuple(matched),
        missed=tuple(missed),
        spurious=tuple(spurious),
    )


def _same_text(a: str, b: str) -> bool:
    return matching_key(a) == matching_key(b)


def _dateline_agrees(article: ParsedArticle, expected: Mapping[str, Any] | None) -> bool:
    dateline = article.dateline
    if expected is None:
        return dateline is None or dateline.date is None
    if dateline is None or dateline.date is None:
        return False
    date = dateline.date
    # A year taken from other evidence is allowed where the text gives none.
    year = None if date.year_inferred else date.year
    if (date.day, date.month, year) != (
        expected.get("day"),
        expected.get("month"),
        expected.get("year"),
    ):
        return False
    # "Trung tâm Hội nghị Quốc gia, Hà Nội": the venue, the city or both will do.
    want_place = matching_key(str(expected.get("place") or ""))
    got_place = matching_key(dateline.place)
    if not want_place or not got_place:
        return want_place == got_place
    return want_place in got_place or got_place in want_place


def structure_agreement(article: ParsedArticle, expected: Mapping[str, Any]) -> dict[str, bool]:
    """Whether each structural field (title, byline, source, dateline, captions) is right."""
    want_captions = {matching_key(c) for c in expected.get("captions", [])}
    got_captions = [matching_key(c) for c in article.captions]
    return {
        "title": _same_text(article.title, str(expected.get("title", ""))),
        "author": _same_text(article.author, str(expected.get("author", ""))),
        "source_name": _same_text(article.source_name, str(expected.get("source_name", ""))),
        "source_url": article.source_url.strip() == str(expected.get("source_url", "")).strip(),
        "dateline": _dateline_agrees(article, expected.get("dateline")),
        # Each caption once: a repeat is an error, not a harmless duplicate.
        "captions": set(got_captions) == want_captions and len(got_captions) == len(want_captions),
    }


def compare(article: ParsedArticle, expected: Mapping[str, Any], name: str = "") -> ArticleResult:
    """Compare one extracted article with its expectation."""
    not_entities = [str(n) for n in expected.get("not_entities", [])]
    kinds = {
        "people": _compare_names(
            (p.name for p in article.people),
            (str(p["name"]) for p in expected.get("people", [])),
            not_entities=not_entities,
        ),
        # An issuer inferred from a symbol's code is not named in the text.
        "organisations": _compare_names(
            (o.name for o in article.organisations if not o.inferred),
            (str(o["name"]) for o in expected.get("organisations", [])),
            optional=(str(o) for o in expected.get("optional_organisations", [])),
            not_entities=not_entities,
        ),
        "directives": _compare_directives(article.directives, expected.get("directives", [])),
    }
    return ArticleResult(name=name, kinds=kinds, structure=structure_agreement(article, expected))


def score(pairs: Iterable[tuple[ParsedArticle, Mapping[str, Any]]]) -> dict[str, Score]:
    """Sum the per-article comparisons into one Score per kind."""
    totals = {kind: Score() for kind in KINDS}
    for article, expected in pairs:
        result = compare(article, expected)
        for kind in KINDS:
            totals[kind] = totals[kind] + result.kinds[kind].score
    return totals


def total(results: Iterable[ArticleResult]) -> dict[str, Score]:
    """The same sums as `score`, from comparisons already made."""
    totals = {kind: Score() for kind in KINDS}
    for result in results:
        for kind in KINDS:
            totals[kind] = totals[kind] + result.kinds[kind].score
    return totals
