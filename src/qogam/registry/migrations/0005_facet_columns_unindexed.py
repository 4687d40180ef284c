"""Drop the single-column indexes of the six facet columns (and a duplicate on PostgreSQL).

Searches now filter and count these columns in memory (``search.columns``); the indexes
only cost every import INSERT time (measured on SQLite: 70,000 organisations inserted in
3.0 s with them, 2.4 s without). The composite (region, legal_form) index stays for the
queries that still filter in the database (exports, reconciliation, the staff side).

The indexes are dropped by name: an AlterField on SQLite would rebuild the table, and a
rebuilt table loses the full-text triggers of migration 0002.
"""

from django.db import migrations, models

# Index name (Django's) → column.
INDEXES = {
    "registry_organization_legal_form_99a9b023": "legal_form",
    "registry_organization_territorial_status_4f1fcf7f": "territorial_status",
    "registry_organization_region_2da0894b": "region",
    "registry_organization_registration_year_8cf54b10": "registration_year",
    "registry_organization_icnpo_group_3496a8e1": "icnpo_group",
    "registry_organization_register_status_2f64fdfa": "register_status",
}
# PostgreSQL also keeps a varchar_pattern_ops ("_like") copy of each text column's index, and
# registry_org_sort_name_prefix (migration 0002) duplicates Django's own sort_name "_like" index.
POSTGRES_ONLY = [f"{name}_like" for name, column in INDEXES.items() if column != "registration_year"] + [
    "registry_org_sort_name_prefix"]


def forward(apps, schema_editor):
    names = list(INDEXES) + (POSTGRES_ONLY if schema_editor.connection.vendor == "postgresql" else [])
    for name in names:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


def backward(apps, schema_editor):
    for name, column in INDEXES.items():
        schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{name}" ON "registry_organization" ("{column}")')


class Migration(migrations.Migration):

    dependencies = [
        ("registry", "0004_postgres_search_table"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="organization",
                    name="icnpo_group",
                    field=models.CharField(blank=True, max_length=3, verbose_name="ICNPO group"),
                ),
                migrations.AlterField(
                    model_name="organization",
                    name="legal_form",
                    field=models.CharField(choices=[("noncommercial_joint_stock_company", "Некоммерческое акционерное общество"), ("public_association", "Общественное объединение"), ("public_fund", "Общественный фонд"), ("corporate_fund", "Корпоративный фонд"), ("private_fund", "Частный фонд"), ("association_of_legal_entities", "Объединение юридических лиц в форме ассоциации (союза)"), ("private_institution", "Частное учреждение"), ("consumer_cooperative", "Потребительский кооператив"), ("religious_association", "Религиозное объединение"), ("political_party", "Политическая партия"), ("trade_union", "Профессиональный союз"), ("state_institution", "Государственное учреждение"), ("other", "Иная форма")], max_length=40, verbose_name="legal form"),
                ),
                migrations.AlterField(
                    model_name="organization",
                    name="region",
                    field=models.CharField(blank=True, editable=False, max_length=9, verbose_name="region (KATO)"),
                ),
                migrations.AlterField(
                    model_name="organization",
                    name="register_status",
                    field=models.CharField(choices=[("registered", "registered"), ("in_liquidation", "in liquidation"), ("liquidated", "liquidated")], default="registered", max_length=20, verbose_name="register status"),
                ),
                migrations.AlterField(
                    model_name="organization",
                    name="registration_year",
                    field=models.SmallIntegerField(blank=True, editable=False, null=True),
                ),
                migrations.AlterField(
                    model_name="organization",
                    name="territorial_status",
                    field=models.CharField(blank=True, choices=[("republican", "republican"), ("regional", "regional"), ("local", "local")], max_length=12, verbose_name="territorial status"),
                ),
            ],
            database_operations=[migrations.RunPython(forward, backward)],
        ),
    ]
