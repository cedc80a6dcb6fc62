"""Per-entity counts kept by archive.services.counts: mentions per entity and month,
posts per person; an index of the posts an editor added by hand, and one to find
a post's other articles.

A person's posts are listed latest first, undated last: PostgreSQL needs
NULLS LAST in the index for that order, which SQLite cannot write in an index
(its DESC puts NULL last already), hence SQL per database instead of a model
Index. The counts of an existing archive are filled by `manage.py
recount_entities` (not here, so the migration stays quick on a large archive).
"""

import django.db.models.deletion
from django.db import migrations, models


def _latest_posts_index(apps, schema_editor):
    nulls = " NULLS LAST" if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(
        "CREATE INDEX post_count_latest ON archive_postcount "
        f"(person_id, last_seen DESC{nulls}, title)"
    )


def _drop_latest_posts_index(apps, schema_editor):
    schema_editor.execute("DROP INDEX post_count_latest")


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0017_alias_search_documents'),
    ]

    operations = [
        migrations.CreateModel(
            name='EntityCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('person', 'Person'), ('organisation', 'Organisation'), ('directive', 'Directive')], max_length=12)),
                ('entity_id', models.PositiveBigIntegerField()),
                ('month', models.PositiveIntegerField()),
                ('mentions', models.PositiveIntegerField(default=0)),
                ('inferred', models.PositiveIntegerField(default=0)),
                ('articles', models.PositiveIntegerField(default=0)),
            ],
        ),
        migrations.CreateModel(
            name='PostCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=500)),
                ('first_seen', models.DateField(null=True)),
                ('last_seen', models.DateField(null=True)),
                ('articles', models.PositiveIntegerField(default=0)),
            ],
        ),
        migrations.AddIndex(
            model_name='position',
            index=models.Index(fields=['person', 'title'], name='position_person_title'),
        ),
        migrations.AddIndex(
            model_name='position',
            index=models.Index(condition=models.Q(('article__isnull', True)), fields=['person'], name='position_by_editor'),
        ),
        migrations.AddConstraint(
            model_name='entitycount',
            constraint=models.UniqueConstraint(fields=('kind', 'entity_id', 'month'), name='entity_count_unique'),
        ),
        migrations.AddField(
            model_name='postcount',
            name='organisation',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='archive.organisation'),
        ),
        migrations.AddField(
            model_name='postcount',
            name='person',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='post_counts', to='archive.person'),
        ),
        migrations.RunPython(_latest_posts_index, _drop_latest_posts_index),
        migrations.AddConstraint(
            model_name='postcount',
            constraint=models.UniqueConstraint(condition=models.Q(('organisation__isnull', False)), fields=('person', 'title', 'organisation'), name='post_count_unique'),
        ),
        migrations.AddConstraint(
            model_name='postcount',
            constraint=models.UniqueConstraint(condition=models.Q(('organisation__isnull', True)), fields=('person', 'title'), name='post_count_unique_without_organisation'),
        ),
    ]
