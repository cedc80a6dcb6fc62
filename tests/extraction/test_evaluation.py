"""Tests of the scoring in tests.extraction.evaluation and of the corpus it scores."""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from archive.extraction.normalize import matching_key, normalize_text
from archive.extraction.types import (
    Dateline,
    DirectiveEntity,
    OrganisationEntity,
    ParsedArticle,
    PartialDate,
    PersonEntity,
)
from tests.extraction.evaluation import (
    KINDS,
    Score,
    compare,
    iter_corpus,
    load_expected,
    score,
    structure_agreement,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
CORPUS = list(iter_corpus(REPO_ROOT))


def _person(name: str) -> PersonEntity:
    return PersonEntity(key=matching_key(name), name=name)


def _org(name: str) -> OrganisationEntity:
    return OrganisationEntity(key=matching_key(name), name=name)


def _directive(
    symbol: str = "", kind: str = "", number: str = "", title: str = ""
) -> DirectiveEntity:
    return DirectiveEntity(
        key=symbol or f"{kind}|{number}|{title}",
        kind=kind,
        number=number,
        symbol=symbol,
        summary=title,  # a law cited by name keeps its name as its summary
    )


EXPECTED: dict[str, Any] = {
    "title": "Công an Quảng Ninh sơ kết phong trào",
    "author": "Kim Hoà",
    "source_name": "",
    "source_url": "",
    "dateline": {"day": 29, "month": 5, "year": None, "place": "Hạ Long"},
    "captions": ["Toàn cảnh Hội nghị."],
    "people": [
        {"name": "Lò Văn Hòa", "rank": "Thiếu tướng", "academic_titles": [], "positions": []},
        {"name": "Đinh Quang Khải", "rank": "", "academic_titles": [], "positions": []},
        {"name": "Triệu Văn Sình", "rank": "", "academic_titles": [], "positions": []},
    ],
    "organisations": [
        {"name": "Công an tỉnh Quảng Ninh", "abbreviations": []},
        {"name": "Ủy ban nhân dân tỉnh Quảng Ninh", "abbreviations": ["UBND"]},
        {"name": "Ban Bí thư", "abbreviations": []},
    ],
    "optional_organisations": ["Đảng", "Công an Quảng Ninh"],
    "directives": [
        {"symbol": "09-CT/TW", "kind": "Chỉ thị", "number": "09", "issued": None, "issuer": ""},
        {
            "symbol": "30/2020/NĐ-CP",
            "kind": "Nghị định",
            "number": "30",
            "issued": None,
            "issuer": "",
        },
        {"symbol": "", "kind": "Nghị quyết", "number": "12", "issued": "2022-03-16", "issuer": ""},
        {"symbol": "15-NQ/TW", "kind": "Nghị quyết", "number": "15", "issued": None, "issuer": ""},
    ],
    "not_entities": ["Quảng Ninh", "Kim Hoà", "Nhà nước"],
}


def _extracted() -> ParsedArticle:
    return ParsedArticle(
        text="",
        title="Công an Quảng Ninh sơ kết phong trào",
        author="Kim Hòa",  # the other tone style: still the same byline
        dateline=Dateline(date=PartialDate(month=5, day=29), place="Hạ Long"),
        captions=("Toàn cảnh Hội nghị.",),
        people=(
            _person("Lò Văn Hoà"),  # new tone style: matches "Lò Văn Hòa"
            _person(unicodedata.normalize("NFD", "Đinh Quang Khải")),  # decomposed: matches
            _person("Kim Hoà"),  # the byline: a not-entity, a false positive
            _person("Khải"),  # a fragment: a false positive
        ),
        organisations=(
            _org("Công an tỉnh Quảng Ninh"),
            _org("UBND"),  # an abbreviation is not the name: false positive
            _org("Công an Quảng Ninh"),  # optional: not counted
            _org("Quảng Ninh"),  # a place: not-entity, false positive
            _org("Ban Bí thư"),
            _org("Ban Bí Thư"),  # same key as the one above: counted once
        ),
        directives=(
            _directive("09-CT/TW", "Chỉ thị", "09"),
            _directive("30/2020/N\u00d0-CP", "Nghị định", "30"),  # eth for Đ: still matches
            _directive("12-NQ/TW", "Nghị quyết", "12"),  # resolves the symbol-less citation
            _directive("15-NQ/tw", "Nghị quyết", "15"),  # not canonical: fp, and 15-NQ/TW missed
            _directive("", "Chỉ thị", "9"),  # a short reference left unmerged: fp
        ),
    )


# --------------------------------------------------------------------------- Score


def test_score_rates() -> None:
    s = Score(tp=6, fp=2, fn=4)
    assert s.precision == pytest.approx(0.75)
    assert s.recall == pytest.approx(0.6)
    assert s.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Score(1, 2, 3) + Score(10, 20, 30) == Score(11, 22, 33)


def test_score_rates_with_empty_denominators() -> None:
    assert (Score().precision, Score().recall, Score().f1) == (1.0, 1.0, 1.0)
    nothing_found = Score(tp=0, fp=0, fn=3)
    assert (nothing_found.precision, nothing_found.recall, nothing_found.f1) == (0.0, 0.0, 0.0)
    nothing_expected = Score(tp=0, fp=2, fn=0)
    assert (nothing_expected.precision, nothing_expected.recall) == (0.0, 0.0)


# --------------------------------------------------------------------------- compare


def test_people_match_by_matching_key_and_count_not_entities() -> None:
    result = compare(_extracted(), EXPECTED).kinds["people"]
    assert result.score == Score(tp=2, fp=2, fn=1)
    assert result.missed == ("Triệu Văn Sình",)
    assert set(result.spurious) == {"Kim Hoà", "Khải"}
    assert result.not_entity_hits == ("Kim Hoà",)


def test_organisations_compare_names_only_and_skip_optional() -> None:
    result = compare(_extracted(), EXPECTED).kinds["organisations"]
    assert result.score == Score(tp=2, fp=2, fn=1)
    assert result.missed == ("Ủy ban nhân dân tỉnh Quảng Ninh",)
    assert set(result.spurious) == {"UBND", "Quảng Ninh"}
    assert result.ignored == ("Công an Quảng Ninh",)
    assert result.not_entity_hits == ("Quảng Ninh",)


def test_directives_by_symbol_then_by_kind_and_number() -> None:
    result = compare(_extracted(), EXPECTED).kinds["directives"]
    assert set(result.matched) == {"09-CT/TW", "30/2020/NĐ-CP", "Nghị quyết 12"}
    assert result.missed == ("15-NQ/TW",)
    assert set(result.spurious) == {"15-NQ/tw", "Chỉ thị 9"}
    assert result.score == Score(tp=3, fp=2, fn=1)


def test_symbol_less_citation_needs_a_compatible_kind() -> None:
    expected = {
        "directives": [
            {"symbol": "", "kind": "Chương trình hành động", "number": "50"},
            {"symbol": "", "kind": "Nghị quyết", "number": "12"},
        ]
    }
    article = ParsedArticle(
        text="",
        directives=(
            DirectiveEntity(key="c", kind="", kind_code="CTr", number="50"),  # kind from the code
            _directive("12-KL/TW", "Kết luận", "12"),  # same number, other kind
        ),
    )
    result = compare(article, expected).kinds["directives"]
    assert result.matched == ("Chương trình hành động 50",)
    assert result.missed == ("Nghị quyết 12",)
    assert result.spurious == ("12-KL/TW",)


def test_score_sums_articles_per_kind() -> None:
    totals = score([(_extracted(), EXPECTED), (_extracted(), EXPECTED)])
    assert set(totals) == set(KINDS)
    assert totals["people"] == Score(tp=4, fp=4, fn=2)
    assert totals["organisations"] == Score(tp=4, fp=4, fn=2)
    assert totals["directives"] == Score(tp=6, fp=4, fn=2)
    assert totals["people"].precision == pytest.approx(0.5)


def test_structure_agreement() -> None:
    agreement = structure_agreement(_extracted(), EXPECTED)
    assert agreement == {
        "title": True,
        "author": True,
        "source_name": True,
        "source_url": True,
        "dateline": True,
        "captions": True,
    }
    repeated = ParsedArticle(text="", captions=("Toàn cảnh Hội nghị.", "Toàn cảnh Hội nghị."))
    assert not structure_agreement(repeated, EXPECTED)["captions"]
    inferred = ParsedArticle(
        text="",
        dateline=Dateline(
            date=PartialDate(year=2025, month=5, day=29, year_inferred=True),
            place="tại Hạ Long",
        ),
    )
    assert structure_agreement(inferred, EXPECTED)["dateline"]
    wrong_day = ParsedArticle(text="", dateline=Dateline(date=PartialDate(month=5, day=28)))
    assert not structure_agreement(wrong_day, EXPECTED)["dateline"]


# --------------------------------------------------------------------------- load_expected


def test_load_expected_fills_defaults(tmp_path: Path) -> None:
    path = tmp_path / "x.expected.json"
    path.write_text(json.dumps({"people": [{"name": "Lê Văn A"}]}), encoding="utf-8")
    data = load_expected(path)
    assert data["title"] == "" and data["dateline"] is None
    assert data["optional_organisations"] == [] and data["not_entities"] == []
    assert data["people"][0]["positions"] == []


@pytest.mark.parametrize(
    "payload",
    [
        [],
        {"people": [{"rank": "Đại tá"}]},
        {"organisations": "Bộ Công an"},
        {"directives": [{"kind": "Nghị quyết"}]},
        {"title": 3},
    ],
)
def test_load_expected_rejects_malformed_files(tmp_path: Path, payload: Any) -> None:
    path = tmp_path / "bad.expected.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    with pytest.raises(ValueError):
        load_expected(path)


# --------------------------------------------------------------------------- the corpus


def test_corpus_size_and_noise() -> None:
    articles = [item for item in CORPUS if not item.name.startswith("seed ")]
    seeds = [item for item in CORPUS if item.name.startswith("seed ")]
    assert len(articles) >= 14 and len(seeds) == 2
    texts = [item.text_path.read_text(encoding="utf-8") for item in articles]
    assert any(unicodedata.normalize("NFC", t) != t for t in texts), "no decomposed file"
    assert any("\u00d0" in t and "\u00a0" in t for t in texts), "no Ð + NBSP file"
    assert any("uỷ" in t.lower() and "ủy" not in t.lower() for t in texts), "no new-style file"
    assert any("uỷ" in t.lower() and "ủy" in t.lower() for t in texts), "no mixed-style file"
    expectations = [load_expected(item.expected_path) for item in articles]
    assert sum(not e["title"] for e in expectations) >= 2
    assert sum(not e["author"] for e in expectations) >= 2
    assert sum(bool(e["source_url"]) for e in expectations) >= 2


# Posts the article states in two pieces ("Ủy ban Kiểm tra Đảng ủy Cục gồm 5 đồng chí, do
# đồng chí Mạc Thị Hà làm Chủ nhiệm"): expected whole, never written whole.
_SPLIT_POSTS = frozenset({"Chủ nhiệm Ủy ban Kiểm tra Đảng ủy Cục"})


_ABBREVIATION_INSIDE = re.compile(r" \([A-ZĐ][A-ZĐ0-9]+\)(?= [a-zđA-ZĐ])")


@pytest.mark.parametrize("item", CORPUS, ids=[item.name for item in CORPUS])
def test_expected_names_occur_in_their_article(item: Any) -> None:
    text = normalize_text(item.text_path.read_text(encoding="utf-8"))
    # "Tòa án nhân dân (TAND) tỉnh X" names "Tòa án nhân dân tỉnh X": the name
    # is written whole once its abbreviation is left out.
    text_key = matching_key(text) + "\n" + matching_key(_ABBREVIATION_INSIDE.sub("", text))
    expected = load_expected(item.expected_path)
    names = [p["name"] for p in expected["people"]]
    names += [
        p for person in expected["people"] for p in person["positions"] if p not in _SPLIT_POSTS
    ]
    names += [o["name"] for o in expected["organisations"]]
    names += expected["optional_organisations"] + expected["captions"]
    names += [expected[key] for key in ("title", "author", "source_url") if expected[key]]
    names += [d["symbol"].split("/")[0].split("-")[0] for d in expected["directives"]]
    if not item.name.startswith("seed "):
        names += expected["not_entities"]
    absent = [name for name in names if matching_key(name) not in text_key]
    assert absent == []
    entity_keys = {matching_key(e["name"]) for e in expected["people"] + expected["organisations"]}
    assert [n for n in expected["not_entities"] if matching_key(n) in entity_keys] == []


# --------------------------------------------------------------------------- the benchmark


def _bench_module() -> ModuleType:
    path = REPO_ROOT / "bench" / "extraction_quality.py"
    spec = importlib.util.spec_from_file_location("extraction_quality", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _oracle(expectations: dict[str, dict[str, Any]]) -> Any:
    """An extractor that returns exactly what the expected file says."""

    def extract(raw_text: str) -> ParsedArticle:
        e = expectations[normalize_text(raw_text)]
        d = e["dateline"]
        return ParsedArticle(
            text=raw_text,
            title=e["title"],
            author=e["author"],
            source_name=e["source_name"],
            source_url=e["source_url"],
            dateline=None
            if d is None
            else Dateline(PartialDate(d["year"], d["month"], d["day"]), d["place"]),
            captions=tuple(e["captions"]),
            people=tuple(_person(p["name"]) for p in e["people"]),
            organisations=tuple(_org(o["name"]) for o in e["organisations"]),
            directives=tuple(
                _directive(x["symbol"], x["kind"], x["number"], x.get("title", ""))
                for x in e["directives"]
            ),
        )

    return extract


def test_benchmark_gives_a_perfect_oracle_full_marks() -> None:
    bench = _bench_module()
    expectations = {
        normalize_text(item.text_path.read_text(encoding="utf-8")): load_expected(
            item.expected_path
        )
        for item in CORPUS
    }
    results = bench.run(REPO_ROOT, _oracle(expectations), strict=True)
    assert len(results) == len(CORPUS)
    totals = bench.total(results)
    assert set(totals) == {"people", "organisations", "directives"}
    for kind, s in totals.items():
        assert (s.fp, s.fn, s.f1) == (0, 0, 1.0), kind
    assert all(all(r.structure.values()) for r in results)


def test_benchmark_scores_an_empty_extractor_zero_recall() -> None:
    bench = _bench_module()
    results = bench.run(REPO_ROOT, lambda raw: ParsedArticle(text=raw), strict=True)
    totals = bench.total(results)
    assert totals["people"].tp == 0 and totals["people"].fn > 50
    assert totals["organisations"].recall == 0.0
    assert totals["directives"].fn >= 30
