"""`manage.py export_archive` and `manage.py import_archive`: a restore gives back the archive
exactly (ids, editors' changes, users, groups), refuses what it should, and a second export
rewrites only what changed."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.core.management.color import no_style
from django.db import connection
from rest_framework.authtoken.models import Token

from archive.models import Article, Directive, Organisation, Person
from archive.services import archive_format as fmt
from archive.services.importing import import_text
from archive.services.merging import merge_people

pytestmark = pytest.mark.django_db

# Invented officers and provinces; each article names two officers and a directive.
OFFICERS = ("Lạc Văn Thìn", "Khổng Minh Đạt", "Ông Thị Huệ", "Lạc Văn Thìn", "Tạ Quang Sáu")
PROVINCES = ("Ngọc Sơn", "Bàn Thạch", "Vĩnh Triều")


def invented_article(i: int) -> str:
    province = PROVINCES[i % 3]
    return (
        f"Công an tỉnh {province} sơ kết công tác quý {i % 4 + 1}\n\n"
        f"Sáng {i + 2}/3/2025, Công an tỉnh {province} tổ chức hội nghị sơ kết.\n\n"
        f"Đại tá {OFFICERS[i % 5]}, Giám đốc Công an tỉnh {province} chủ trì. Dự có Trung tá "
        f"{OFFICERS[(i + 2) % 5]}, Phó Giám đốc Công an tỉnh {province}.\n\n"
        f"Hội nghị quán triệt Chỉ thị số {30 + i}-CT/TW ngày 4/5/2024 của Ban Bí thư và "
        f"Nghị quyết số {12 + i}-NQ/TW.\n"
    )


@pytest.fixture
def archive_with_everything():
    """Imported articles plus what editors and administrators add by hand."""
    for i in range(4):
        import_text(data=invented_article(i), origin=f"so-ket-{i}.txt")
    person = Person.objects.order_by("pk").first()
    person.name = person.name + " (đã sửa)"
    person.notes = "Tên đã được biên tập viên kiểm tra."
    person.mark_edited("name")
    person.save()
    survivor, duplicate = Person.objects.order_by("pk")[1:3]
    merge_people(survivor=survivor, merged=[duplicate])
    parent, child = Organisation.objects.order_by("pk")[:2]
    child.parent = parent
    child.save()
    first, second = Directive.objects.order_by("pk")[:2]
    second.implements.add(first)
    call_command("loaddata", "editors", verbosity=0)
    editor = User.objects.create_user("bien_tap_vien", password="mat-khau-thu-nghiem")
    editor.groups.add(Group.objects.get())
    editor.user_permissions.add(Permission.objects.get(codename="view_directive"))
    token = Token.objects.create(user=editor)
    LogEntry.objects.create(
        user=editor,
        content_type=ContentType.objects.get_for_model(Person),
        object_id=str(person.pk),
        object_repr=person.name,
        action_flag=CHANGE,
        change_message="Sửa tên",
    )
    return token


def canonical_dump() -> list[dict]:
    out = io.StringIO()
    call_command(
        "dumpdata",
        "archive",
        "auth.user",
        "auth.group",
        "admin.logentry",
        natural_foreign=True,
        stdout=out,
    )
    return sorted(json.loads(out.getvalue()), key=lambda row: (row["model"], str(row["pk"])))


def empty_the_database() -> None:
    """What a freshly migrated database holds: no rows, sequences back at their start."""
    models = fmt.exported_models()
    Token.objects.all().delete()
    for model in reversed(models):
        model._base_manager.all().delete()
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


def export(directory: Path) -> str:
    out = io.StringIO()
    call_command("export_archive", str(directory), stdout=out)
    return out.getvalue()


def restore(directory: Path) -> str:
    out = io.StringIO()
    call_command("import_archive", str(directory), stdout=out)
    return out.getvalue()


def test_a_restore_gives_back_the_archive_with_its_ids(archive_with_everything, tmp_path):
    before = canonical_dump()
    assert Person.objects.filter(aliases__isnull=False).exists()  # the merge left an alias
    export(tmp_path)
    empty_the_database()
    assert canonical_dump() == []

    restore(tmp_path)

    assert canonical_dump() == before
    assert Person.objects.filter(edited_fields=["name"]).count() == 1
    editor = User.objects.get(username="bien_tap_vien")
    assert editor.check_password("mat-khau-thu-nghiem")
    assert editor.has_perm("archive.change_person")  # through the restored group


def test_the_original_texts_are_files_of_the_export(archive_with_everything, tmp_path):
    export(tmp_path)
    for article in Article.objects.all():
        path = tmp_path / fmt.text_path(pk=article.pk)
        assert path.read_text(encoding="utf-8") == article.raw_text


def test_new_rows_after_a_restore_get_new_ids(archive_with_everything, tmp_path):
    export(tmp_path)
    highest = max(Person.objects.values_list("pk", flat=True))
    empty_the_database()
    restore(tmp_path)

    person = Person.objects.create(name="Quách Văn Mới")

    assert person.pk > highest


def test_api_tokens_are_exported_as_hashes_and_not_restored(archive_with_everything, tmp_path):
    key = archive_with_everything.key
    export(tmp_path)
    contents = b"".join(
        gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes()
        for p in tmp_path.rglob("*")
        if p.is_file()
    )
    assert key.encode() not in contents
    assert fmt.token_hash(key).encode() in contents

    empty_the_database()
    output = restore(tmp_path)

    assert not Token.objects.exists()
    assert "1 API tokens were not restored" in output


def test_a_corrupted_table_file_is_refused_by_name_and_nothing_is_written(
    archive_with_everything, tmp_path
):
    export(tmp_path)
    empty_the_database()
    chunk = tmp_path / fmt.chunk_path(label="archive.person", chunk=0)
    data = bytearray(chunk.read_bytes())
    data[len(data) // 2] ^= 0xFF
    chunk.write_bytes(bytes(data))

    with pytest.raises(CommandError, match=r"tables/archive\.person/000000\.jsonl\.gz.*corrupt"):
        restore(tmp_path)
    assert canonical_dump() == []


def test_a_changed_article_text_is_refused_by_name(archive_with_everything, tmp_path):
    export(tmp_path)
    article = Article.objects.order_by("pk").last()
    empty_the_database()
    text = tmp_path / fmt.text_path(pk=article.pk)
    text.write_text(text.read_text() + "Một câu được thêm vào.\n")

    with pytest.raises(CommandError, match=rf"articles/000000/{article.pk}\.txt.*corrupt"):
        restore(tmp_path)
    assert not Article.objects.exists()


def test_a_database_with_data_is_refused(archive_with_everything, tmp_path):
    export(tmp_path)
    before = canonical_dump()

    with pytest.raises(CommandError, match=r"not empty.*archive\.article"):
        restore(tmp_path)
    assert canonical_dump() == before


def test_a_directory_without_an_export_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="no manifest"):
        restore(tmp_path)


def test_a_second_export_rewrites_only_what_changed(archive_with_everything, tmp_path):
    export(tmp_path)
    kept, deleted = Article.objects.order_by("pk")[:2]
    kept_text = tmp_path / fmt.text_path(pk=kept.pk)
    untouched_chunk = tmp_path / fmt.chunk_path(label="auth.group", chunk=0)
    stamps = {p: p.stat().st_mtime_ns for p in (kept_text, untouched_chunk)}
    deleted_text = tmp_path / fmt.text_path(pk=deleted.pk)
    Person.objects.filter(pk=Person.objects.order_by("pk").last().pk).update(notes="Mới sửa.")
    deleted.delete()

    output = export(tmp_path)

    assert "0 article texts written" in output
    assert not deleted_text.exists()
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps
    after = canonical_dump()
    empty_the_database()
    restore(tmp_path)
    assert canonical_dump() == after


def test_every_model_of_the_archive_and_every_column_is_exported(db, tmp_path):
    export(tmp_path)
    manifest = json.loads((tmp_path / fmt.MANIFEST).read_text())
    tables = {table["label"]: table["columns"] for table in manifest["tables"]}

    for model in apps.get_app_config("archive").get_models(include_auto_created=True):
        columns = {f.attname for f in model._meta.concrete_fields}
        if model is Article:
            columns = columns - {"raw_text"} | {"raw_text_sha256"}
        assert set(tables[model._meta.label_lower]) == columns, model._meta.label


def test_permissions_are_matched_by_name_when_their_ids_differ(archive_with_everything, tmp_path):
    export(tmp_path)
    empty_the_database()
    # Another database's migrations may have numbered the permissions differently.
    Permission.objects.filter(codename="view_directive").update(id=987654)

    restore(tmp_path)

    editor = User.objects.get(username="bien_tap_vien")
    assert editor.user_permissions.get().pk == 987654
    assert editor.has_perm("archive.view_directive")
