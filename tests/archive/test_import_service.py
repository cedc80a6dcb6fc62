"""The import service: what an import stores, what a re-import leaves alone, what it refuses.

End-to-end tests go through the real extraction pipeline with invented
articles; the matching rules are tested on hand-built parses
(tests/archive/parsed_factory.py) so they do not depend on the extractor.
"""

from __future__ import annotations

import hashlib
import os
import tracemalloc
from pathlib import Path

import pytest
from django.db import IntegrityError

from archive.extraction.decoding import MAX_ARTICLE_BYTES
from archive.models import (
    Article,
    Directive,
    DirectiveMention,
    Organisation,
    OrganisationAlias,
    OrganisationMention,
    Person,
    PersonAlias,
    PersonMention,
    Position,
)
from archive.services import ArticleImportError, import_file, import_text, reextract_article
from tests.archive.parsed_factory import date, directive, organisation, parsed, person, post, store

pytestmark = pytest.mark.django_db

# Invented article: an invented province, invented officers, an invented plan.
ARTICLE = """Công an tỉnh Bình Khê triển khai nhiệm vụ năm 2025

Sáng 12/3/2025, tại thành phố Hòa\u00a0Lạc, Công an tỉnh Bình Khê tổ chức Hội nghị triển khai nhiệm vụ bảo đảm an ninh, trật tự năm 2025.

Đại tá Trịnh Văn Khải, Giám đốc Công an tỉnh Bình Khê chủ trì Hội nghị. Tham dự có Thượng tá Đỗ Minh Luân, Phó Giám đốc Công an tỉnh Bình Khê.

Hội nghị đã quán triệt Chỉ thị số 47-CT/TW ngày 5/6/2024 của Ban Bí thư về tăng cường công tác phòng cháy.

Phát biểu tại Hội nghị, Đại tá Trịnh Văn Khải yêu cầu các đơn vị thực hiện nghiêm Kế hoạch số 88/KH-CAT ngày 2/1/2025.

Minh Anh
"""  # noqa: E501

# The same article after the paper removed the deputy director's sentence.
ARTICLE_V2 = ARTICLE.replace(
    " Tham dự có Thượng tá Đỗ Minh Luân, Phó Giám đốc Công an tỉnh Bình Khê.", ""
)

MODELS = (
    Article,
    Person,
    PersonAlias,
    Organisation,
    OrganisationAlias,
    Directive,
    PersonMention,
    OrganisationMention,
    DirectiveMention,
    Position,
)


def snapshot() -> dict[str, list]:
    """Every stored row with its values, to see that nothing at all changed."""
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in MODELS}


# --- end to end, through the real extraction ---------------------------------


def test_an_import_keeps_the_file_verbatim_and_mentions_point_into_the_text():
    data = ARTICLE.encode("utf-8")
    outcome = import_text(data=data, origin="bai/binh-khe.txt")

    assert outcome.status == "created"
    article = Article.objects.get(origin="bai/binh-khe.txt")
    assert article.raw_text == ARTICLE  # the non-breaking space is still there
    assert "\u00a0" not in article.text
    assert article.sha256 == hashlib.sha256(data).hexdigest()
    assert article.title == "Công an tỉnh Bình Khê triển khai nhiệm vụ năm 2025"
    assert (article.published_on.isoformat(), article.published_precision) == (
        "2025-03-12",
        "full",
    )
    assert article.blocks and all(
        {"kind", "start", "end"} == set(block) for block in article.blocks
    )
    mentions = [
        *PersonMention.objects.filter(article=article),
        *OrganisationMention.objects.filter(article=article),
        *DirectiveMention.objects.filter(article=article),
    ]
    assert len(mentions) == outcome.mentions_written > 0
    for mention in mentions:
        assert article.text[mention.start : mention.end] == mention.surface
    assert Person.objects.get(name="Trịnh Văn Khải").rank == "Đại tá"
    assert Directive.objects.filter(symbol="47-CT/TW").exists()
    assert outcome.entities_created["people"] == Person.objects.count()


def test_a_second_import_of_the_same_bytes_writes_nothing():
    import_text(data=ARTICLE.encode(), origin="a.txt")
    before = snapshot()

    outcome = import_text(data=ARTICLE.encode(), origin="a.txt")

    assert outcome.status == "unchanged"
    assert outcome.mentions_written == 0
    assert snapshot() == before  # not even updated_at moved


def test_text_sent_by_the_api_and_the_same_file_are_one_article():
    import_text(data=ARTICLE, origin="api/42")

    assert import_text(data=ARTICLE.encode("utf-8"), origin="api/42").status == "unchanged"


def test_text_with_a_lone_surrogate_is_refused_by_name():
    with pytest.raises(ArticleImportError, match=r"^api/43: text has a character"):
        import_text(data="Công an tỉnh Bình Khê \udc80", origin="api/43")


def test_the_same_bytes_under_another_name_are_a_duplicate_not_an_error():
    import_text(data=ARTICLE.encode(), origin="first.txt")

    outcome = import_text(data=ARTICLE.encode(), origin="copy-of-first.txt")

    assert outcome.status == "unchanged"
    assert outcome.duplicate_of == "first.txt"
    assert list(Article.objects.values_list("origin", flat=True)) == ["first.txt"]


def test_a_changed_file_updates_its_article_drops_stale_mentions_and_keeps_entities():
    first = import_text(data=ARTICLE.encode(), origin="a.txt").article
    luan = Person.objects.get(name="Đỗ Minh Luân")
    assert PersonMention.objects.filter(article=first, person=luan).exists()

    outcome = import_text(data=ARTICLE_V2.encode(), origin="a.txt")

    assert outcome.status == "updated"
    assert outcome.article.pk == first.pk
    assert Article.objects.count() == 1
    assert not PersonMention.objects.filter(article=first, person=luan).exists()
    assert not Position.objects.filter(article=first, person=luan).exists()
    # No longer mentioned anywhere, yet kept: an editor may have annotated it.
    assert Person.objects.filter(pk=luan.pk).exists()
    khai = Person.objects.get(name="Trịnh Văn Khải")
    kept = PersonMention.objects.filter(article=first, person=khai)
    assert kept.exists()
    for mention in kept:
        assert outcome.article.text[mention.start : mention.end] == mention.surface


def test_a_dry_run_reports_the_counts_and_writes_nothing():
    outcome = import_text(data=ARTICLE.encode(), origin="a.txt", dry_run=True)

    assert outcome.status == "created"
    assert outcome.entities_created["people"] >= 2
    assert outcome.mentions_written > 0
    assert outcome.article is None
    assert all(rows == [] for rows in snapshot().values())


def test_reextraction_restores_what_the_stored_text_says_and_then_changes_nothing():
    article = import_text(data=ARTICLE.encode(), origin="a.txt").article
    expected = set(PersonMention.objects.filter(article=article).values_list("person", "start"))
    PersonMention.objects.filter(article=article).delete()  # as if an older extractor missed them

    outcome = reextract_article(article=article)

    assert outcome.status == "updated"
    assert set(PersonMention.objects.filter(article=article).values_list("person", "start")) == (
        expected
    )
    before = snapshot()
    assert reextract_article(article=article).status == "unchanged"
    assert snapshot() == before


# --- bad input ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t\n  ", "whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("Công an tỉnh Bình Khê".encode("cp1258", errors="replace") + b"\xf4\xe2", "UTF-8"),
    ],
    ids=["empty", "whitespace", "binary", "undecodable"],
)
def test_input_that_is_not_an_article_is_refused_by_name_with_a_reason(data, reason):
    with pytest.raises(ArticleImportError) as refusal:
        import_text(data=data, origin="inbox/bad.txt")

    assert str(refusal.value).startswith("inbox/bad.txt: ")
    assert reason in str(refusal.value)
    assert not Article.objects.exists()


def test_a_huge_file_is_refused_with_the_limit_without_being_read(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB long, no disk used

    tracemalloc.start()
    with pytest.raises(ArticleImportError) as refusal:
        import_file(path=huge)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    assert str(refusal.value) == (
        f"huge.txt: file is 50.0 MB; the limit is {MAX_ARTICLE_BYTES // 2**20} MB"
    )
    assert peak < 1024 * 1024  # the 50 MB never entered memory


def test_a_missing_file_a_directory_and_a_pipe_are_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder.txt").mkdir()
    os.mkfifo(tmp_path / "pipe.txt")

    reasons = {}
    for name in ("missing.txt", "folder.txt", "pipe.txt"):
        with pytest.raises(ArticleImportError) as refusal:
            import_file(path=Path(name))
        reasons[name] = str(refusal.value)

    assert reasons == {
        "missing.txt": "missing.txt: no such file",
        "folder.txt": "folder.txt: is a directory, not a file",
        "pipe.txt": "pipe.txt: not a regular file",
    }


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    locked = tmp_path / "locked.txt"
    locked.write_text(ARTICLE)
    locked.chmod(0)

    with pytest.raises(ArticleImportError, match=r"^locked.txt: cannot be read"):
        import_file(path=Path("locked.txt"))


def test_a_failure_halfway_leaves_no_trace_of_the_article():
    text = "Đại tá Trịnh Văn Khải, Giám đốc Công an tỉnh Bình Khê, phổ biến Kế hoạch số 88/KH-CAT."
    broken = parsed(
        text,
        person("Trịnh Văn Khải", rank="Đại tá"),
        organisation("Công an tỉnh Bình Khê"),
        # A year no database column accepts: the last insert of the article fails.
        directive("88/KH-CAT", kind="Kế hoạch", number="88", issued=date(-5, 1, 2)),
    )

    with pytest.raises(IntegrityError):
        store(broken)

    assert all(rows == [] for rows in snapshot().values())


# --- matching entities (hand-built parses) -----------------------------------


def test_an_abbreviation_alone_finds_the_organisation_it_abbreviates():
    academy = organisation("Học viện Kỹ thuật Biên phòng", abbreviations=("HVKTBP",))
    store(parsed("Học viện Kỹ thuật Biên phòng (HVKTBP) khai giảng.", academy), origin="a.txt")

    outcome = store(parsed("Sinh viên HVKTBP ra quân.", organisation("HVKTBP")), origin="b.txt")

    assert Organisation.objects.count() == 1
    mention = OrganisationMention.objects.get(article=outcome.article)
    assert mention.organisation.name == "Học viện Kỹ thuật Biên phòng"
    assert outcome.entities_created["organisations"] == 0


def test_tone_style_spellings_of_a_name_are_one_person():
    store(parsed("Ông Nguyễn Văn Thủy phát biểu.", person("Nguyễn Văn Thủy")), origin="a.txt")
    store(parsed("Ông Nguyễn Văn Thuỷ dự họp.", person("Nguyễn Văn Thuỷ")), origin="b.txt")

    assert list(Person.objects.values_list("name", flat=True)) == ["Nguyễn Văn Thủy"]
    assert PersonMention.objects.count() == 2


def test_a_spelling_seen_once_finds_the_person_later_but_a_single_word_never_does():
    khai = person("Trịnh Văn Khải", aliases=("Trịnh V. Khải", "Khải"))
    store(parsed("Trịnh Văn Khải, còn gọi Trịnh V. Khải.", khai), origin="a.txt")

    store(parsed("Ông Trịnh V. Khải đến dự.", person("Trịnh V. Khải")), origin="b.txt")
    store(parsed("Ông Khải là giáo viên.", person("Khải")), origin="c.txt")

    assert set(PersonAlias.objects.values_list("name", flat=True)) == {"Trịnh V. Khải"}
    assert sorted(Person.objects.values_list("name", flat=True)) == ["Khải", "Trịnh Văn Khải"]


def test_a_rank_fills_a_blank_once_and_never_flips_between_articles():
    store(parsed("Ông Lò Văn Sính.", person("Lò Văn Sính")), origin="a.txt")
    store(parsed("Đại uý Lò Văn Sính.", person("Lò Văn Sính", rank="Đại uý")), origin="b.txt")
    store(parsed("Thiếu tá Lò Văn Sính.", person("Lò Văn Sính", rank="Thiếu tá")), origin="c.txt")

    assert Person.objects.get().rank == "Đại úy"  # canonical spelling, first rank given


def test_positions_are_the_articles_own_and_editors_positions_are_never_touched():
    khai = person("Trịnh Văn Khải", positions=(post("Giám đốc Công an tỉnh Bình Khê", "Giám đốc"),))
    store(parsed("Trịnh Văn Khải, Giám đốc Công an tỉnh Bình Khê.", khai), origin="a.txt")
    record = Person.objects.get()
    Position.objects.create(person=record, title="Đại biểu Quốc hội khóa XV", article=None)

    promoted = person(
        "Trịnh Văn Khải",
        positions=(post("Phó Chủ tịch tỉnh Bình Khê", "Phó Chủ tịch"),),
    )
    store(parsed("Trịnh Văn Khải, Phó Chủ tịch tỉnh Bình Khê.", promoted), origin="a.txt")

    assert sorted(Position.objects.values_list("title", "article__origin")) == [
        ("Phó Chủ tịch tỉnh Bình Khê", "a.txt"),
        ("Đại biểu Quốc hội khóa XV", None),
    ]


def test_an_organisation_gets_its_parent_its_abbreviation_and_abbreviation_aliases():
    unit = organisation(
        "Phòng Cảnh sát cơ động Bình Khê",
        abbreviations=("PK02", "CSCĐ-BK"),
        parent_key="công an tỉnh bình khê",
    )
    text = "Phòng Cảnh sát cơ động Bình Khê (PK02, CSCĐ-BK) thuộc Công an tỉnh Bình Khê."
    store(parsed(text, unit, organisation("Công an tỉnh Bình Khê")))

    record = Organisation.objects.get(name="Phòng Cảnh sát cơ động Bình Khê")
    assert record.parent.name == "Công an tỉnh Bình Khê"
    assert record.abbreviation == "PK02"
    assert set(record.aliases.values_list("name", "is_abbreviation")) == {
        ("PK02", True),
        ("CSCĐ-BK", True),
    }


def test_a_parent_that_would_make_a_cycle_is_not_set():
    a, b = "Cục Hậu cần Bình Khê", "Tổng cục Hậu cần Bình Khê"
    store(parsed(f"{a} thuộc {b}.", organisation(a, parent_key="tổng cục hậu cần bình khê"),
                 organisation(b)), origin="one.txt")  # fmt: skip
    store(parsed(f"{b} thuộc {a}.", organisation(b, parent_key="cục hậu cần bình khê"),
                 organisation(a)), origin="two.txt")  # fmt: skip

    assert Organisation.objects.get(name=b).parent is None


# --- matching directives -------------------------------------------------------

SECRETARIAT = organisation("Ban Bí thư")


def cited(key: str, *, year: int = 2024, **fields):
    return directive(
        kind="Chỉ thị",
        number="47",
        key=key,
        surface="Chỉ thị số 47",
        issued=date(year, 6, 5),
        issuer_key="ban bí thư",
        **fields,
    )


def test_a_citation_without_symbol_finds_the_directive_with_its_symbol():
    known = directive(
        "47-CT/TW", kind="Chỉ thị", kind_code="CT", number="47",
        issued=date(2024, 6, 5), issuer_key="ban bí thư",
    )  # fmt: skip
    store(parsed("Chỉ thị 47-CT/TW của Ban Bí thư.", known, SECRETARIAT), origin="a.txt")

    outcome = store(
        parsed("Chỉ thị số 47 ngày 5/6/2024 của Ban Bí thư.", cited("ct 47 2024"), SECRETARIAT),
        origin="b.txt",
    )

    assert list(Directive.objects.values_list("symbol", flat=True)) == ["47-CT/TW"]
    assert DirectiveMention.objects.get(article=outcome.article).directive.symbol == "47-CT/TW"


def test_a_citation_that_contradicts_the_known_directive_stays_apart():
    known = directive("47-CT/TW", kind="Chỉ thị", number="47", issued=date(2024, 6, 5))
    store(parsed("Chỉ thị 47-CT/TW.", known), origin="a.txt")

    store(parsed("Chỉ thị số 47 năm 2019.", cited("ct 47 2019", year=2019)), origin="b.txt")

    assert sorted(Directive.objects.values_list("key", "symbol")) == [
        ("47-CT/TW", "47-CT/TW"),
        ("ct 47 2019", None),
    ]


def test_a_symbol_found_later_completes_the_record_of_the_citation():
    store(parsed("Chỉ thị số 47 của Ban Bí thư.", cited("ct 47 2024"), SECRETARIAT), origin="a.txt")

    later = directive(
        "47-CT/TW", kind="Chỉ thị", kind_code="CT", number="47",
        issued=date(2024, 6, 5), issuer_key="ban bí thư",
    )  # fmt: skip
    store(parsed("Chỉ thị 47-CT/TW của Ban Bí thư.", later, SECRETARIAT), origin="b.txt")

    record = Directive.objects.get()
    assert (record.symbol, record.issued_on.isoformat(), record.issuer.name) == (
        "47-CT/TW",
        "2024-06-05",
        "Ban Bí thư",
    )
    assert DirectiveMention.objects.filter(directive=record).count() == 2


def test_a_plan_is_linked_to_the_directive_it_implements():
    directive_ = directive("47-CT/TW", kind="Chỉ thị", number="47")
    plan = directive("88/KH-CAT", kind="Kế hoạch", number="88", implements=("47-CT/TW",))
    store(parsed("Kế hoạch 88/KH-CAT thực hiện Chỉ thị 47-CT/TW.", directive_, plan))

    implemented = Directive.objects.get(symbol="88/KH-CAT").implements.all()
    assert [d.symbol for d in implemented] == ["47-CT/TW"]


def test_a_bare_citation_finds_its_symbol_whichever_article_came_first():
    # As when the full citation comes first: the only Chỉ thị 47 with a symbol.
    bare = directive(kind="Chỉ thị", number="47", key="ct 47")  # no date, no issuer
    store(parsed("Chỉ thị số 47 tiếp tục được thực hiện.", bare), origin="a.txt")

    store(
        parsed("Chỉ thị 47-CT/TW.", directive("47-CT/TW", kind="Chỉ thị", number="47")),
        origin="b.txt",
    )

    assert list(Directive.objects.values_list("key", "symbol")) == [("47-CT/TW", "47-CT/TW")]
    record = Directive.objects.get()
    assert sorted(DirectiveMention.objects.filter(directive=record).values_list(
        "article__origin", flat=True
    )) == ["a.txt", "b.txt"]  # fmt: skip


def test_a_bare_citation_is_not_given_a_symbol_of_another_kind_or_number():
    bare = directive(kind="Chỉ thị", number="47", key="ct 47")
    store(parsed("Chỉ thị số 47 tiếp tục được thực hiện.", bare), origin="a.txt")

    store(
        parsed("Kết luận 47-KL/TW.", directive("47-KL/TW", kind="Kết luận", number="47")),
        origin="b.txt",
    )

    assert sorted(Directive.objects.values_list("key", "symbol")) == [
        ("47-KL/TW", "47-KL/TW"),
        ("ct 47", None),
    ]


def test_a_joint_circular_is_stored_with_every_issuer_in_the_documents_order():
    from archive.models import DirectiveIssuer

    text = (
        "Hướng dẫn phối hợp điều tra\n\n"
        "Ngày 3/4/2025, Công an tỉnh Bình Khê triển khai Thông tư liên tịch số "
        "05/2012/TTLT/BCA-BQP-VKSNDTC về phối hợp điều tra.\n\nMinh Anh\n"
    )
    article = import_text(data=text.encode(), origin="ttlt.txt").article
    circular = Directive.objects.get(symbol="05/2012/TTLT-BCA-BQP-VKSNDTC")

    names = list(
        DirectiveIssuer.objects.filter(directive=circular)
        .order_by("order")
        .values_list("organisation__name", flat=True)
    )
    assert names == ["Bộ Công an", "Bộ Quốc phòng", "Viện kiểm sát nhân dân tối cao"]
    assert circular.issuer.name == "Bộ Công an"
    assert set(Directive.objects.issued_by(circular.issuers.get(name="Bộ Quốc phòng").pk)) == {
        circular
    }

    reextract_article(article=article)

    assert DirectiveIssuer.objects.filter(directive=circular).count() == 3


def _officer_article(*, year: int, rank: str) -> bytes:
    return (
        f"Công an tỉnh Bình Khê tổng kết năm {year}\n\n"
        f"Sáng 12/3/{year}, tại thành phố Hòa Lạc, Công an tỉnh Bình Khê tổ chức Hội nghị. "
        f"{rank} Trịnh Văn Khải, Giám đốc Công an tỉnh Bình Khê chủ trì Hội nghị. "
        "Dự có ông Đỗ Minh Luân, nguyên Phó Giám đốc Công an tỉnh Bình Khê.\n\nMinh Anh\n"
    ).encode()


@pytest.mark.parametrize("newest_first", [False, True], ids=["in-date-order", "newest-first"])
def test_each_article_keeps_the_rank_it_states_and_the_person_shows_the_latest(newest_first):
    from archive.models import Person, PersonRank

    imports = [(2020, "Trung tướng"), (2025, "Đại tướng")]
    for year, rank in reversed(imports) if newest_first else imports:
        import_text(data=_officer_article(year=year, rank=rank), origin=f"{year}.txt")

    chief = Person.objects.get(name="Trịnh Văn Khải")
    assert chief.rank == "Đại tướng"
    assert sorted(
        PersonRank.objects.filter(person=chief).values_list("article__published_year", "rank")
    ) == [(2020, "Trung tướng"), (2025, "Đại tướng")]


def test_an_editors_rank_is_kept_when_a_newer_article_states_another():
    from archive.models import Person
    from archive.services.editing import record_edit

    import_text(data=_officer_article(year=2020, rank="Trung tướng"), origin="2020.txt")
    chief = Person.objects.get(name="Trịnh Văn Khải")
    chief.rank = "Thượng tướng"
    record_edit(instance=chief, fields=["rank"])

    import_text(data=_officer_article(year=2025, rank="Đại tướng"), origin="2025.txt")

    chief.refresh_from_db()
    assert chief.rank == "Thượng tướng"


def test_a_former_post_is_marked_former():
    import_text(data=_officer_article(year=2025, rank="Đại tá"), origin="a.txt")

    former = Position.objects.get(person__name="Đỗ Minh Luân")
    current = Position.objects.get(person__name="Trịnh Văn Khải")
    assert (former.title, former.former) == ("nguyên Phó Giám đốc Công an tỉnh Bình Khê", True)
    assert current.former is False


def test_laws_cited_by_name_are_stored_as_directives_of_their_kind_without_a_symbol():
    text = (
        "Tuyên án vụ lừa đảo\n\nNgày 2/3/2025, Tòa án nhân dân tỉnh Hòa Mộc tuyên án"
        " theo Bộ luật Hình sự. Luật Công an nhân dân 2018 quy định nhiệm vụ của lực lượng.\n"
    )
    import_text(data=text, origin="luat-a.txt")
    import_text(data=text.replace("Ngày 2/3", "Ngày 9/3"), origin="luat-b.txt")

    stored = sorted(Directive.objects.values_list("kind", "summary", "symbol", "issued_year"))
    assert stored == [("Bộ luật", "Hình sự", None, None), ("Luật", "Công an nhân dân", None, 2018)]
    assert DirectiveMention.objects.count() == 4
