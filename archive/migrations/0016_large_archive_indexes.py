"""Indexes and statistics for an archive of a million articles.

- (title, id): `ordering=title` pages by title with ties broken by id; the
  index on title alone made PostgreSQL sort all untitled articles by id.
- published_year: the admin's year filter walks it for its values.
- PostgreSQL: the statistics target of each `search_vector` column is raised
  to 1000, so ANALYZE keeps the frequencies of about 10,000 words instead of
  1,000. With the default, a word outside the list is guessed to match a
  constant share of the rows, and a search for a rare word walked the whole
  feed index. The ANALYZE here makes the setting count at once.
"""

from django.db import migrations, models

TABLES = ("archive_article", "archive_person", "archive_organisation", "archive_directive")


def raise_statistics(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"ALTER TABLE {table} ALTER COLUMN search_vector SET STATISTICS 1000")
        schema_editor.execute(f"ANALYZE {table}")


def default_statistics(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"ALTER TABLE {table} ALTER COLUMN search_vector SET STATISTICS -1")


class Migration(migrations.Migration):
    dependencies = [("archive", "0015_published_evidence")]

    operations = [
        migrations.RemoveIndex(model_name="article", name="archive_art_title_ef1b0f_idx"),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["title", "id"], name="article_title_id"),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["published_year"], name="article_published_year"),
        ),
        migrations.RunPython(raise_statistics, default_statistics),
    ]
