"""The database cache table behind the "limits" cache (API throttling counts).

`createcachetable` makes whatever table CACHES names and skips one that
exists or a cache that is not in the database (Redis), so running it from a
migration keeps `migrate` the only set-up step, tests included.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("archive", "0005_vietnamese_field_labels")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
