"""Fast multi-row INSERT and UPDATE for importers and the demo generator.

Django's bulk_create prepares every value through the whole field machinery and, on
SQLite, sends batches of about 40 rows; its bulk_update writes one CASE WHEN per field
and row. For 100,000 organisations that overhead was most of an import's time. Here
rows are plain dicts of column values (attribute names, ``organization_id``), each value
is adapted once by its column type, defaults are adapted once per call, and the rows go
to ``executemany`` (SQLite) or ``COPY`` (PostgreSQL). Only the field types the registry
uses are handled.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection, models
from django.utils import timezone

BATCH = 2000
_MISSING = object()


def _adapter(field: models.Field):
    """A function adapting a Python value for the database, or None when it goes as it is."""
    ops = connection.ops
    if isinstance(field, models.JSONField):
        return lambda value: ops.adapt_json_value(value, field.encoder)
    if isinstance(field, models.DateTimeField):
        return ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return None if connection.vendor == "postgresql" else ops.adapt_datefield_value
    if isinstance(field, models.DecimalField):
        return lambda value: ops.adapt_decimalfield_value(value, field.max_digits, field.decimal_places)
    if isinstance(field, models.ForeignKey | models.CharField | models.TextField | models.IntegerField
                  | models.BooleanField | models.FloatField | models.FileField):
        return None
    raise TypeError(f"bulk insert does not handle {type(field).__name__} ({field.name})")


def _columns(model: type[models.Model]) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if not f.primary_key]


def insert_rows(model: type[models.Model], rows: Iterable[dict]) -> int:
    """INSERT ``rows`` (dicts of attribute name → value, without primary keys); returns their number.

    A field missing from a row gets its default; ``auto_now``/``auto_now_add`` fields get
    the time of the call.
    """
    now = timezone.now()
    fields = _columns(model)
    plan = []  # (attname, adapter or None, adapted value when the row lacks the field)
    for field in fields:
        adapt = _adapter(field)
        if isinstance(field, models.DateTimeField) and (field.auto_now or field.auto_now_add):
            plan.append((None, None, adapt(now) if adapt else now))
            continue
        default = field.get_default()  # "" for text fields without a default, else None
        adapted_default = None if default is None else (adapt(default) if adapt else default)
        plan.append((field.attname, adapt, adapted_default))

    def values(row: dict) -> list:
        out = []
        for attname, adapt, default in plan:
            if attname is None:
                out.append(default)
                continue
            value = row.get(attname, _MISSING)
            if value is _MISSING:
                out.append(default)
            elif value is None or adapt is None:
                out.append(value)
            else:
                out.append(adapt(value))
        return out

    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(f.column) for f in fields)
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(values(row))
                    count += 1
            return count
        sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"
        batch = []
        for row in rows:
            batch.append(values(row))
            if len(batch) >= BATCH:
                cursor.executemany(sql, batch)
                count += len(batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
            count += len(batch)
    return count


def fast_insert(model: type[models.Model], objects: Sequence[models.Model]) -> int:
    """INSERT model instances (without primary keys) in batches; returns the number of rows."""
    return insert_rows(model, (obj.__dict__ for obj in objects))


def update_rows(model: type[models.Model], names: Sequence[str], rows: Iterable[tuple]) -> int:
    """UPDATE the fields ``names`` of many rows: each row is (primary key, value, value, …)."""
    fields = [model._meta.get_field(name) for name in names]
    adapters = [_adapter(field) for field in fields]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
    sql = f"UPDATE {quote(model._meta.db_table)} SET {assignments} WHERE {quote(model._meta.pk.column)} = %s"
    batch = [
        [None if value is None else (adapt(value) if adapt else value)
         for value, adapt in zip(row[1:], adapters, strict=True)] + [row[0]]
        for row in rows
    ]
    if batch:
        with connection.cursor() as cursor:
            cursor.executemany(sql, batch)
    return len(batch)


def ids_by_bin(bins: list[str]) -> dict[str, int]:
    from .models import Organization

    out: dict[str, int] = {}
    for start in range(0, len(bins), 900):
        out.update(Organization.objects.filter(bin__in=bins[start: start + 900]).values_list("bin", "id"))
    return out
