"""Full-text index over Organization.search_text, one per database engine.

SQLite: an FTS5 table with external content kept in step by triggers, so bulk
inserts and updates (importers, the demo generator) are indexed without Python.
PostgreSQL: a GIN index over to_tsvector('simple', search_text); the text already
holds lemmas, so the 'simple' configuration (no stemming) is what we want.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE registry_organization_fts USING fts5(
        search_text, content='registry_organization', content_rowid='id', tokenize='unicode61')""",
    """CREATE TRIGGER registry_organization_fts_ai AFTER INSERT ON registry_organization BEGIN
        INSERT INTO registry_organization_fts(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    """CREATE TRIGGER registry_organization_fts_ad AFTER DELETE ON registry_organization BEGIN
        INSERT INTO registry_organization_fts(registry_organization_fts, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
    END""",
    """CREATE TRIGGER registry_organization_fts_au AFTER UPDATE OF search_text ON registry_organization BEGIN
        INSERT INTO registry_organization_fts(registry_organization_fts, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
        INSERT INTO registry_organization_fts(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    "INSERT INTO registry_organization_fts(registry_organization_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS registry_organization_fts_au",
    "DROP TRIGGER IF EXISTS registry_organization_fts_ad",
    "DROP TRIGGER IF EXISTS registry_organization_fts_ai",
    "DROP TABLE IF EXISTS registry_organization_fts",
]
POSTGRES_FORWARD = [
    """CREATE INDEX IF NOT EXISTS registry_org_search_gin ON registry_organization
       USING GIN (to_tsvector('simple'::regconfig, search_text))""",
    """CREATE INDEX IF NOT EXISTS registry_org_sort_name_prefix ON registry_organization
       (sort_name varchar_pattern_ops)""",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS registry_org_search_gin",
    "DROP INDEX IF EXISTS registry_org_sort_name_prefix",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        statements = statements_by_vendor.get(schema_editor.connection.vendor, [])
        for sql in statements:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("registry", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
