"""The database cache's table, which holds the throttle counters when REDIS_URL is unset.

Created whatever the cache settings are at migrate time, so a machine that
later drops REDIS_URL still finds it (and so does the test database).
"""

from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import migrations


TABLE = "crmvision_cache"  # settings.CACHE_TABLE


def create_table(apps, schema_editor):
    # createcachetable's own helper: it skips a table that already exists.
    command = CreateCacheTable()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, TABLE, False)


def drop_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0002_case_insensitive_names"),
    ]

    operations = [
        migrations.RunPython(create_table, drop_table),
    ]
