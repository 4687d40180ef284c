"""Fast multi-row INSERT for importers and the demo generator.

Django's bulk_create prepares every value through the whole field machinery and, on
SQLite, sends batches of about 40 rows; for 100,000 organisations that overhead was
most of an import's time. Here each value is adapted once by its column type and the
rows go to ``executemany``. Only the field types the registry uses are handled.
"""

from __future__ import annotations

from django.db import connection, models
from django.utils import timezone

BATCH = 2000


def _adapter(field: models.Field):
    ops = connection.ops
    if isinstance(field, models.JSONField):
        return lambda value: ops.adapt_json_value(value, field.encoder)
    if isinstance(field, models.DateTimeField):
        return ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return ops.adapt_datefield_value
    if isinstance(field, models.DecimalField):
        return lambda value: ops.adapt_decimalfield_value(value, field.max_digits, field.decimal_places)
    if isinstance(field, models.ForeignKey):
        return lambda value: value
    if isinstance(field, models.CharField | models.TextField | models.IntegerField | models.BooleanField
                  | models.FloatField | models.FileField):
        return lambda value: value
    raise TypeError(f"fast_insert does not handle {type(field).__name__} ({field.name})")


def fast_insert(model: type[models.Model], objects: list[models.Model]) -> int:
    """INSERT ``objects`` (without primary keys) in batches; returns the number of rows."""
    if not objects:
        return 0
    now = timezone.now()
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    for obj in objects:
        for field in fields:
            if isinstance(field, models.DateTimeField) and (field.auto_now or field.auto_now_add):
                setattr(obj, field.attname, now)
    adapters = [(field.attname, _adapter(field)) for field in fields]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"
    with connection.cursor() as cursor:
        for start in range(0, len(objects), BATCH):
            rows = [
                [None if (value := getattr(obj, attname)) is None else adapt(value) for attname, adapt in adapters]
                for obj in objects[start: start + BATCH]
            ]
            cursor.executemany(sql, rows)
    return len(objects)


def ids_by_bin(bins: list[str]) -> dict[str, int]:
    from .models import Organization

    out: dict[str, int] = {}
    for start in range(0, len(bins), 900):
        out.update(Organization.objects.filter(bin__in=bins[start: start + 900]).values_list("bin", "id"))
    return out

