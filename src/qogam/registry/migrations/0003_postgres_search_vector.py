"""PostgreSQL: keep the tsvector in a stored generated column.

Matching, counting and ranking then read it instead of recomputing
``to_tsvector(search_text)`` for every candidate row (broad words matched tens of
thousands of rows). Django does not know the column: the database fills it.
SQLite is untouched (its FTS5 table already stores the index).
"""

from django.db import migrations

FORWARD = [
    "DROP INDEX IF EXISTS registry_org_search_gin",
    """ALTER TABLE registry_organization ADD COLUMN IF NOT EXISTS search_vector tsvector
       GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, coalesce(search_text, ''))) STORED""",
    "CREATE INDEX IF NOT EXISTS registry_org_search_vector ON registry_organization USING GIN (search_vector)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS registry_org_search_vector",
    "ALTER TABLE registry_organization DROP COLUMN IF EXISTS search_vector",
    """CREATE INDEX IF NOT EXISTS registry_org_search_gin ON registry_organization
       USING GIN (to_tsvector('simple'::regconfig, search_text))""",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("registry", "0002_search_index")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
