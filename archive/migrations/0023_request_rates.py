"""API throttling counts in one row per client (archive.services.rates).

They were kept in Django's database cache (migration 0006), six statements a
request; the cache table is dropped here, since nothing reads it any more.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0022_person_rank_former'),
    ]

    operations = [
        migrations.CreateModel(
            name='RequestRate',
            fields=[
                ('key', models.CharField(max_length=200, primary_key=True, serialize=False)),
                ('window_start', models.BigIntegerField()),
                ('hits', models.PositiveIntegerField()),
                ('previous', models.PositiveIntegerField(default=0)),
                ('expires', models.BigIntegerField(db_index=True)),
            ],
        ),
        migrations.RunSQL('DROP TABLE IF EXISTS archive_limits_cache', migrations.RunSQL.noop),
    ]
