"""Per-entity counts stay equal to a from-scratch recount after every write path.

Each test writes through a service (import, re-import, re-extraction, merges,
an editor's date change, deletions, an editor's post), then checks a number a
reader sees (the API's article_count, the month chart, the post summary) and
that the stored counts are exactly what `recount_entities` rebuilds.
"""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from archive.models import Article, EntityCount, Organisation, Person, Position, PostCount
from archive.selectors.counts import mentions_per_month, person_post_summary
from archive.services import merge_organisations, merge_people, reextract_article
from archive.services.editing import delete_record, save_edit, save_position
from tests.archive.parsed_factory import date, directive, organisation, parsed, person, post, store

pytestmark = pytest.mark.django_db

BODY = "Đại tá Lê Văn Bình, Giám đốc Công an tỉnh Hòa Bình, ký Quyết định 12/QĐ-UBND."


def stored_counts() -> tuple[set, set]:
    entity = set(
        EntityCount.objects.values_list(
            "kind", "entity_id", "month", "mentions", "inferred", "articles"
        )
    )
    posts = set(
        PostCount.objects.values_list(
            "person_id", "title", "organisation_id", "first_seen", "last_seen", "articles"
        )
    )
    return entity, posts


def assert_counts_exact() -> None:
    """The counts the writes left equal what a recount from scratch gives."""
    kept = stored_counts()
    call_command("recount_entities", stdout=StringIO())
    assert kept == stored_counts()


MARCH = date(2024, 3, 5)


def officer_article(text: str, *, origin: str, published=MARCH, org="Công an tỉnh"):
    return store(
        parsed(
            text,
            person("Lê Văn Bình", positions=(post("Giám đốc", "Giám đốc", org),)),
            organisation(org),
            directive("12/QĐ-UBND", kind="Quyết định", number="12"),
            published=published,
        ),
        origin=origin,
    )


def bình() -> Person:
    return Person.objects.get(name="Lê Văn Bình")


def article_count(client, pk: int) -> int:
    return client.get(f"/api/people/{pk}/").json()["article_count"]


def chart(pk: int) -> dict[datetime.date | None, int]:
    months, (undated, _) = mentions_per_month(EntityCount.Kind.PERSON, pk)
    return {**{m.month: m.count for m in months}, None: undated}


def test_an_import_counts_each_article_in_its_month_and_the_undated_apart(client):
    officer_article("Lê Văn Bình, Công an tỉnh, Quyết định 12/QĐ-UBND.", origin="a.txt")
    officer_article(
        "Lê Văn Bình và Lê Văn Bình, Công an tỉnh.", origin="b.txt", published=date(2024, 3, 20)
    )
    officer_article("Lê Văn Bình, Công an tỉnh.", origin="c.txt", published=None)

    assert article_count(client, bình().pk) == 3
    assert chart(bình().pk) == {datetime.date(2024, 3, 1): 3, None: 1}
    assert_counts_exact()


def test_a_changed_file_moves_its_mentions_to_the_new_month(client):
    officer_article("Lê Văn Bình, Công an tỉnh.", origin="a.txt")
    officer_article(
        "Lê Văn Bình, Công an tỉnh, nay là Lê Văn Bình.", origin="a.txt", published=date(2023, 1, 2)
    )

    assert chart(bình().pk) == {datetime.date(2023, 1, 1): 2, None: 0}
    assert article_count(client, bình().pk) == 1
    assert_counts_exact()


def test_reextraction_keeps_the_counts():
    outcome = officer_article(BODY, origin="a.txt")
    reextract_article(article=outcome.article)
    assert_counts_exact()


def test_merging_people_adds_the_duplicate_counts_to_the_survivor(client):
    officer_article("Lê Văn Bình, Công an tỉnh.", origin="a.txt")
    store(
        parsed(
            "Lê Văn Bính, Công an tỉnh.",
            person("Lê Văn Bính", positions=(post("Giám đốc", "Giám đốc", "Công an tỉnh"),)),
            organisation("Công an tỉnh"),
            published=date(2024, 5, 1),
        ),
        origin="b.txt",
    )

    merge_people(survivor=bình(), merged=[Person.objects.get(name="Lê Văn Bính")])

    assert article_count(client, bình().pk) == 2
    [summary] = person_post_summary(bình(), shown=10)[0]
    assert (summary["first_seen"], summary["last_seen"], summary["articles"]) == (
        datetime.date(2024, 3, 5),
        datetime.date(2024, 5, 1),
        2,
    )
    assert_counts_exact()


def test_merging_organisations_moves_their_mentions_and_posts():
    officer_article("Lê Văn Bình, Công an tỉnh.", origin="a.txt")
    officer_article("Lê Văn Bình, Công an Tỉnh A.", origin="b.txt", org="Công an Tỉnh A")
    survivor = Organisation.objects.get(name="Công an tỉnh")

    merge_organisations(survivor=survivor, merged=Organisation.objects.exclude(pk=survivor.pk))

    assert EntityCount.objects.get(kind="organisation", entity_id=survivor.pk).articles == 2
    assert_counts_exact()


def test_an_editors_date_moves_the_article_to_its_month():
    article = officer_article("Lê Văn Bình, Công an tỉnh.", origin="a.txt").article
    article.published_on = datetime.date(2020, 7, 9)
    save_edit(instance=article, fields=["published_on"])

    assert chart(bình().pk) == {datetime.date(2020, 7, 1): 1, None: 0}
    [summary] = person_post_summary(bình(), shown=10)[0]
    assert summary["first_seen"] == summary["last_seen"] == datetime.date(2020, 7, 9)
    assert_counts_exact()


def test_deleting_an_article_through_the_api_takes_it_out_of_the_counts(editor_client):
    officer_article("Lê Văn Bình, Công an tỉnh.", origin="a.txt")
    gone = officer_article(
        "Năm mới, Lê Văn Bình, Công an tỉnh.", origin="b.txt", published=date(2025, 1, 1)
    )

    response = editor_client.delete(f"/api/articles/{gone.article.pk}/")

    assert response.status_code == 204
    assert article_count(editor_client, bình().pk) == 1
    [summary] = person_post_summary(bình(), shown=10)[0]
    assert summary["last_seen"] == datetime.date(2024, 3, 5)
    assert_counts_exact()


def test_deleting_an_organisation_keeps_the_posts_without_it():
    officer_article("Lê Văn Bình, Công an tỉnh.", origin="a.txt")
    delete_record(instance=Organisation.objects.get())

    [summary] = person_post_summary(bình(), shown=10)[0]
    assert (summary["organisation_id"], summary["articles"]) == (None, 1)
    assert_counts_exact()


def test_deleting_a_person_leaves_no_counts_of_them():
    officer_article("Lê Văn Bình, Công an tỉnh.", origin="a.txt")
    gone = bình().pk
    delete_record(instance=bình())

    assert not EntityCount.objects.filter(kind="person", entity_id=gone).exists()
    assert_counts_exact()


def test_an_editors_post_is_summarised_with_the_stated_ones():
    outcome = officer_article("Lê Văn Bình, Công an tỉnh.", origin="a.txt")
    save_position(position=Position(person=bình(), title="Bí thư", article=None))
    stated = Position.objects.get(title="Giám đốc")
    stated.title = "Phó Giám đốc"
    save_position(position=stated)

    rows, total = person_post_summary(bình(), shown=10)
    assert total == 2
    assert {(row["title"], row["articles"]) for row in rows} == {
        ("Phó Giám đốc", 1),
        ("Bí thư", 0),
    }
    assert outcome.article.positions.count() == 1
    assert_counts_exact()


def test_the_recount_command_rebuilds_lost_counts():
    officer_article("Lê Văn Bình, Công an tỉnh.", origin="a.txt")
    kept = stored_counts()
    EntityCount.objects.all().delete()
    PostCount.objects.all().delete()
    out = StringIO()

    call_command("recount_entities", stdout=out)

    assert stored_counts() == kept
    assert "Recounted 2 entity-month rows and 1 post rows" in out.getvalue()
    assert Article.objects.count() == 1


def test_the_batched_import_command_counts_every_article(client, tmp_path):
    # import_seeds writes new articles in batches (archive.services.batch_writing).
    for n in range(12):
        (tmp_path / f"{n:02}.txt").write_text(
            f"Hội nghị lần {n}\n\nNgày {n + 1}/3/2024, Đại tá Trịnh Văn Khoa, Giám đốc "
            f"Công an tỉnh Lam Giang, chủ trì hội nghị lần {n}.\n",
            encoding="utf-8",
        )
    call_command("import_seeds", str(tmp_path), "--jobs", "1", stdout=StringIO())
    khoa = Person.objects.get(name="Trịnh Văn Khoa")
    assert article_count(client, khoa.pk) == 12
    assert chart(khoa.pk) == {datetime.date(2024, 3, 1): 12, None: 0}
    assert_counts_exact()
