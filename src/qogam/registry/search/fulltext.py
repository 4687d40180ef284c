"""Full-text matching, counting, ranking and facet counts per database engine.

SQLite: an FTS5 table. Every query here starts from the FTS5 match and joins the
organisations with CROSS JOIN (which fixes SQLite's join order): otherwise SQLite may
probe the FTS index once per organisation, which took seconds on broad words. The
other filters are checked on each matched row.
PostgreSQL: the tsvector of each organisation in a narrow table of its own with a GIN
index (migration 0004, kept in step by triggers); organisations match through
``id IN (SELECT organization_id …)`` and the ORM's own queries are used otherwise.
"""

from __future__ import annotations

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count, FloatField, QuerySet
from django.db.models.expressions import RawSQL

from ..textnorm import fts5_query, tsquery

FTS_TABLE = "registry_organization_fts"
PG_TABLE = "registry_organization_search"  # (organization_id, vector), migration 0004


def vendor() -> str:
    return connection.vendor


def _pg_ids(text: str, any_word: bool) -> RawSQL | None:
    expression = tsquery(text, any_word)
    if expression is None:
        return None
    return RawSQL(f"SELECT organization_id FROM {PG_TABLE} WHERE vector @@ to_tsquery('simple', %s)", [expression])


def match(queryset: QuerySet, text: str, any_word: bool = False) -> QuerySet:
    """``queryset`` narrowed to organisations whose names contain every word of ``text`` (or any)."""
    if vendor() == "postgresql":
        ids = _pg_ids(text, any_word)
        return queryset.none() if ids is None else queryset.filter(id__in=ids)
    expression = fts5_query(text, any_word)
    if expression is None:
        return queryset.none()
    ids = RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [expression])
    return queryset.filter(id__in=ids)


def _sqlite_from(base: QuerySet, text: str, any_word: bool) -> tuple[str, list] | None:
    """FROM … WHERE … of an FTS5 match joined to organisations and limited by ``base``'s filters.

    ``base`` filters only columns of the organisation table, so its compiled WHERE clause
    is spliced in as it is: SQLite then checks each matched row directly.
    """
    expression = fts5_query(text, any_word)
    if expression is None:
        return None
    sql = (f"FROM {FTS_TABLE} f CROSS JOIN registry_organization ON registry_organization.id = f.rowid "
           f"WHERE {FTS_TABLE} MATCH %s")
    params: list = [expression]
    if base.query.where:
        compiler = base.query.get_compiler(connection=connection)
        try:
            where_sql, where_params = compiler.compile(base.query.where)
        except EmptyResultSet:
            return None
        if where_sql:
            sql += f" AND ({where_sql})"
            params += list(where_params)
    return sql, params


def _fetch(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def matching_ids(text: str, any_word: bool = False) -> list[int]:
    """Ids of every organisation matching ``text``, from the full-text index alone (no other filter)."""
    if vendor() == "postgresql":
        expression = tsquery(text, any_word)
        sql = f"SELECT organization_id FROM {PG_TABLE} WHERE vector @@ to_tsquery('simple', %s)"
    else:
        expression = fts5_query(text, any_word)
        sql = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
    if expression is None:
        return []
    return [row[0] for row in _fetch(sql, [expression])]


def count(base: QuerySet, text: str, any_word: bool = False) -> int:
    if vendor() == "postgresql":
        if not base.query.where:  # the search table counts its own matches without the wide rows
            expression = tsquery(text, any_word)
            if expression is None:
                return 0
            return _fetch(f"SELECT count(*) FROM {PG_TABLE} WHERE vector @@ to_tsquery('simple', %s)",
                          [expression])[0][0]
        return match(base, text, any_word).count()
    parts = _sqlite_from(base, text, any_word)
    if parts is None:
        return 0
    if not base.query.where:  # FTS5 counts its own matches without touching the table
        return _fetch(f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", parts[1][:1])[0][0]
    return _fetch(f"SELECT count(*) {parts[0]}", parts[1])[0][0]


def ranked_ids(base: QuerySet, text: str, offset: int, limit: int | None, any_word: bool = False) -> list[int]:
    """Ids of ``base`` matching ``text``, best first (one page, or all when ``limit`` is None)."""
    if vendor() == "postgresql":
        expression = tsquery(text, any_word)
        if expression is None:
            return []
        rank = RawSQL(f"SELECT ts_rank(s.vector, to_tsquery('simple', %s)) FROM {PG_TABLE} s "
                      f"WHERE s.organization_id = registry_organization.id", [expression], output_field=FloatField())
        ordered = match(base, text, any_word).annotate(_rank=rank).order_by("-_rank", "sort_name", "id")
        ids = ordered.values_list("id", flat=True)
        return list(ids[offset: offset + limit] if limit is not None else ids[offset:])
    parts = _sqlite_from(base, text, any_word)
    if parts is None:
        return []
    if base.query.where:
        sql = f"SELECT f.rowid {parts[0]} ORDER BY f.rank, registry_organization.sort_name, f.rowid"
    else:  # rank inside the FTS index alone: no table rows to read for the organisations left out
        sql = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s ORDER BY rank, rowid"
    params = list(parts[1])
    if limit is not None:
        sql += " LIMIT %s OFFSET %s"
        params += [limit, offset]
    elif offset:
        sql += " LIMIT -1 OFFSET %s"
        params += [offset]
    return [row[0] for row in _fetch(sql, params)]


def pg_ranks(ids: list[int], text: str, any_word: bool = False) -> dict[int, float]:
    """PostgreSQL: ``ts_rank`` of the given organisations for ``text`` (the same rank ``ranked_ids`` sorts by)."""
    expression = tsquery(text, any_word)
    if expression is None or not ids:
        return {}
    return dict(_fetch(f"SELECT organization_id, ts_rank(vector, to_tsquery('simple', %s)) FROM {PG_TABLE} "
                       f"WHERE organization_id = ANY(%s)", [expression, list(ids)]))


def group_counts(base: QuerySet, text: str, column: str) -> list[tuple[object, int]]:
    """(value, count) of ``column`` over the organisations of ``base`` matching ``text``."""
    if vendor() == "postgresql":
        return list(match(base, text).order_by().values_list(column).annotate(n=Count("id")))
    parts = _sqlite_from(base, text, False)
    if parts is None:
        return []
    return _fetch(f'SELECT registry_organization."{column}", count(*) {parts[0]} '
                  f'GROUP BY registry_organization."{column}"', parts[1])


def group_counts_many(base: QuerySet, text: str, columns: list[str]) -> list[tuple]:
    """(value, value, …, count) grouped by all ``columns`` over the matches of ``text``."""
    if vendor() == "postgresql":
        return list(match(base, text).order_by().values_list(*columns).annotate(n=Count("id")))
    parts = _sqlite_from(base, text, False)
    if parts is None:
        return []
    selected = ", ".join(f'registry_organization."{column}"' for column in columns)
    return _fetch(f"SELECT {selected}, count(*) {parts[0]} GROUP BY {selected}", parts[1])
