"""Read the registry into census records in bulk.

Three plain SELECTs over the organisation, filing and signal tables through the
database cursor (no model instances, no per-row field converters): at 100,000
organisations the ORM's JSON and decimal converters alone cost several seconds.
Works on SQLite (dates and JSON come back as text) and PostgreSQL (as objects).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

from django.db import connection

from qogam.registry.models import Filing, Organization, Signal
from qogam.registry.reference import legal_forms

from .records import FilingRecord, OrgRecord, SignalRecord, language_key

STATE_SOURCES = ("state_grant", "state_social_order")  # income_sources codes of state money
DETAIL_KEYS = ("to", "customer", "icnpo", "sphere", "year")  # what the census reads from a signal's detail
CHUNK = 20_000


class _Dates(dict):
    """Dates as read: SQLite gives 'YYYY-MM-DD' text (parsed once per distinct value), PostgreSQL dates."""

    def __missing__(self, value):
        parsed = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
        self[value] = parsed
        return parsed


def _json(value, empty):
    if value is None:
        return empty
    if isinstance(value, str):
        if value in ("{}", "[]", "", "null"):
            return empty
        try:
            return json.loads(value)
        except ValueError:
            return empty
    return value


def _float(value) -> float | None:
    return None if value is None else float(value)


def _state_income(raw) -> float | None:
    if raw is None or raw.__class__ in (int, float):
        return raw  # already summed by the database (SQLite)
    if isinstance(raw, str) and "state_" not in raw:
        return None
    sources = _json(raw, {})
    if not isinstance(sources, dict):
        return None
    total, found = 0.0, False
    for code in STATE_SOURCES:
        value = sources.get(code)
        if value in (None, ""):
            continue
        try:
            total += float(value)
            found = True
        except (TypeError, ValueError):
            continue
    return total if found else None


def _detail_value(column: str, key: str, vendor: str) -> str:
    if vendor == "sqlite":
        return f"json_extract({column}, '$.{key}')"
    return f"{column}->>'{key}'"


def _column(model, name: str) -> str:
    """A column as selected, in the form that is cheapest to read in Python.

    SQLite: dates as plain text (Django's date converter is slow); PostgreSQL: JSON as
    text (parsed only when the census needs it) and decimals as floats. On both, the
    state money in ``income_sources`` is summed by the database's JSON functions, and
    only the keys of a signal's ``detail`` that the census reads are taken out of it
    (parsing 100,000 JSON texts in Python cost a second).
    """
    field = model._meta.get_field(name)
    column = connection.ops.quote_name(field.column)
    kind = field.get_internal_type()
    vendor = connection.vendor
    if name == "detail" and vendor in ("sqlite", "postgresql"):
        return ", ".join(_detail_value(column, key, vendor) for key in DETAIL_KEYS)
    if name == "income_sources" and vendor in ("sqlite", "postgresql"):
        if vendor == "sqlite":
            parts = [f"json_extract({column}, '$.{code}')" for code in STATE_SOURCES]
        else:
            parts = [f"CASE WHEN jsonb_typeof({column}->'{code}') = 'number' "
                     f"THEN ({column}->>'{code}')::float8 END" for code in STATE_SOURCES]
        # Most filings have no state money: on SQLite a plain text search spares their JSON parsing.
        skip = f"WHEN instr({column}, '\"state_') = 0 THEN NULL " if vendor == "sqlite" else ""
        return (f"CASE {skip}WHEN {' IS NULL AND '.join(parts)} IS NULL THEN NULL "
                f"ELSE {' + '.join(f'COALESCE({p}, 0)' for p in parts)} END")
    if vendor == "sqlite" and kind == "DateField":
        return f"CAST({column} AS TEXT)"
    if vendor == "postgresql" and kind == "JSONField":
        return f"{column}::text"
    if vendor == "postgresql" and kind == "DecimalField":
        return f"{column}::float8"
    return column


def _select(model, fields: list[str], ids: list[int] | None, key: str) -> Iterator[list[tuple]]:
    """The rows of ``fields``, in chunks (the callers loop over each chunk themselves: fewer calls a row)."""
    meta = model._meta
    quote = connection.ops.quote_name
    columns = ", ".join(_column(model, f) for f in fields)
    sql = f"SELECT {columns} FROM {quote(meta.db_table)}"
    params: list = []
    if ids is not None:
        sql += f" WHERE {quote(meta.get_field(key).column)} IN ({', '.join(['%s'] * len(ids))})"
        params = list(ids)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(CHUNK):
            yield rows


def load_records(organization_ids: list[int] | None = None) -> list[OrgRecord]:
    """Every organisation (or the given ones) with its filings and signals, as plain records."""
    if organization_ids is not None and not organization_ids:
        return []
    forms = legal_forms()
    dates = _Dates({None: None})
    languages_cache: dict = {}
    records: dict[int, OrgRecord] = {}
    org_fields = ["id", "bin", "registered_on", "register_status", "register_status_since", "legal_form", "region",
                  "icnpo_group", "languages", "head_name"]
    for (key, bin_value, registered_on, status, status_since, form, region, icnpo, languages,
         head) in _rows(_select(Organization, org_fields, organization_ids, "id")):
        cache_key = languages if isinstance(languages, str) or languages is None else json.dumps(languages)
        language = languages_cache.get(cache_key)
        if language is None:
            parsed = _json(languages, [])
            language = languages_cache[cache_key] = language_key(parsed if isinstance(parsed, list) else [])
        spec = forms.get(form)
        records[key] = OrgRecord(
            key=key, registered_on=dates[registered_on], register_status=status or "registered",
            register_status_since=dates[status_since],
            files_required=spec.files_to_ngo_database if spec else True,
            region=region or "", legal_form=form or "", icnpo_group=icnpo or "", language=language,
            bin=bin_value, head_name=head or "",
        )
    # Numbers come back as int/float from SQLite and (cast above) PostgreSQL; others give Decimal.
    raw_numbers = connection.vendor in ("sqlite", "postgresql")
    number = (lambda value: value) if raw_numbers else _float
    filing_fields = ["organization", "year", "submitted_on", "income", "expenses", "beneficiaries",
                     "income_sources", "founders"]
    get = records.get
    # An organisation lists the same founders year after year: each distinct text is parsed once.
    founder_lists: dict = {None: (), "[]": ()}
    plain = (int, float, type(None))  # state money already summed by the database
    for chunk in _select(Filing, filing_fields, organization_ids, "organization"):
        for (key, year, submitted, income, expenses, beneficiaries, sources, founders) in chunk:
            record = get(key)
            if record is None:
                continue
            names = founder_lists.get(founders) if founders.__class__ is str else None
            if names is None:
                names = _founders(founders)
                if founders.__class__ is str:
                    founder_lists[founders] = names
            if not raw_numbers:
                income, expenses = number(income), number(expenses)
            record.filings.append(FilingRecord(
                year, dates[submitted], income, expenses, beneficiaries,
                sources if sources.__class__ in plain else _state_income(sources), names,
            ))
    extracted = connection.vendor in ("sqlite", "postgresql")
    signal_fields = ["organization", "kind", "date", "amount", "detail"]
    for key, kind, day, amount, *detail in _rows(_select(Signal, signal_fields, organization_ids, "organization")):
        record = get(key)
        if record is None:
            continue
        record.signals.append(SignalRecord(
            kind, dates[day], _detail(detail) if extracted else _parsed_detail(detail[0]), number(amount),
        ))
    return list(records.values())


def _rows(chunks: Iterator[list[tuple]]) -> Iterator[tuple]:
    for chunk in chunks:
        yield from chunk


def _founders(value) -> tuple[str, ...]:
    parsed = _json(value, [])
    return tuple(str(f) for f in parsed) if isinstance(parsed, list) else ()


def _detail(values: list) -> dict | None:
    """The detail keys the census reads, from the values the database took out of the JSON."""
    detail = None
    for name, value in zip(DETAIL_KEYS, values, strict=True):
        if value is not None:
            if detail is None:
                detail = {}
            detail[name] = value
    return detail


def _parsed_detail(value) -> dict | None:
    if isinstance(value, str):
        value = _json(value, None) if any(f'"{k}"' in value for k in DETAIL_KEYS) else None
    return value if isinstance(value, dict) else None
