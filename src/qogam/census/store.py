"""Recompute the census over the registry and store it: the states table is replaced in one transaction."""

from __future__ import annotations

import datetime as dt
import gc
import json
import time
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from .definitions import Thresholds, load
from .load import load_records
from .models import CensusRun, OrganizationState
from .records import OrgRecord
from .tabulate import Outcome, census

BATCH = 5000
KEEP_RUNS = 20  # earlier runs are kept for comparison, then dropped


@dataclass
class Written:
    """What replacing the stored states did."""

    unchanged: int = 0
    deleted: int = 0
    inserted: int = 0
    rewritten: bool = False


@dataclass
class Recomputed:
    run: CensusRun
    outcome: Outcome
    timing: dict[str, float]
    written: Written | None = None


@contextmanager
def paused_gc():
    """Pause the cyclic garbage collector while building ~1.5 million small objects.

    Each generation-2 pass scans every live object; with the whole registry in memory
    those passes cost more than the census itself (measured: 4.0 s of CPU → 1.3 s for
    the states of 100,000 organisations). The objects hold no cycles.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def registry_data_version() -> str:
    from qogam.registry.search import engine

    return engine.data_version()


def compute(as_of: dt.date | None = None, thresholds: Thresholds | None = None, *,
            with_sensitivity: bool = True, trend_years: int = 10,
            with_facts: bool = True) -> tuple[list[OrgRecord], Outcome, float]:
    """Load the registry and compute the census without storing anything (what ``qogam census`` prints)."""
    as_of = as_of or timezone.localdate()
    with paused_gc():
        started = time.perf_counter()
        records = load_records()
        load_seconds = time.perf_counter() - started
        outcome = census(records, as_of, thresholds, with_sensitivity=with_sensitivity, trend_years=trend_years,
                         with_facts=with_facts)
    return records, outcome, load_seconds


_COLUMNS = ("organization", "state", "working", "recent_activity", "liquidation_candidate", "silent_years",
            "last_filing_year", "flags", "flag_codes", "region", "legal_form", "icnpo_group",
            "registration_year", "language")
_FLAGS = _COLUMNS.index("flags")  # position of the flags (JSON text) in a row
_JSON_COLUMNS = {"flags"}
# Above this share of changed rows, the table is emptied and written anew (cheaper than row by row).
REWRITE_SHARE = 0.5


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _rows(records: list[OrgRecord], outcome: Outcome) -> list[tuple]:
    """One row per state, in the columns of ``_COLUMNS``, the flags as JSON text."""
    by_key = {r.key: r for r in records}
    rows = []
    for state in outcome.states:
        record = by_key[state.key]
        flags = outcome.flags.get(state.key, [])
        rows.append((
            state.key, state.state, state.working, state.recent_activity, state.liquidation_candidate,
            state.silent_years, state.last_filing_year,
            _dumps([f.to_dict() for f in flags]) if flags else "[]",
            "," + ",".join(f.code for f in flags) + "," if flags else "",
            record.region, record.legal_form, record.icnpo_group,
            str(record.registered_on.year) if record.registered_on else "", record.language,
        ))
    return rows


def _stored(cursor, table: str, columns: str) -> dict[int, tuple]:
    """The stored rows by organisation (the flags as JSON text)."""
    flags_column = "flags::text" if connection.vendor == "postgresql" else "flags"
    cursor.execute(f"SELECT {columns.replace(connection.ops.quote_name('flags'), flags_column)} FROM {table}")
    stored = {}
    while chunk := cursor.fetchmany(BATCH * 4):
        for row in chunk:
            stored[row[0]] = row
    return stored


def _same(old: tuple, new: tuple) -> bool:
    """Whether a stored row equals a new one. Booleans come back as 0/1 from SQLite, equal to
    False/True in Python. The flags are compared as text (SQLite keeps the text written),
    and parsed only when the texts differ (PostgreSQL gives its own spacing back)."""
    if old == new:
        return True
    if old[:_FLAGS] != new[:_FLAGS] or old[_FLAGS + 1:] != new[_FLAGS + 1:]:
        return False
    stored = old[_FLAGS]
    return (json.loads(stored) if isinstance(stored, str) else stored) == json.loads(new[_FLAGS])


def _replace_states(rows: list[tuple]) -> Written:
    """Make the stored states equal to ``rows`` (inside the caller's transaction).

    Only rows that changed are deleted and inserted again: a recompute after a small
    import, or on the next day, changes few states, and writing all 100,000 rows (with
    their index) was the largest part of the recompute's writing. When most rows changed,
    the table is emptied and written anew. Plain DELETE and executemany (COPY on
    PostgreSQL): bulk_create would build 100,000 model instances and serialise their JSON
    fields one by one, which took most of the recompute time.
    """
    meta = OrganizationState._meta
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    key_column = quote(meta.get_field("organization").column)
    json_cast = "::jsonb" if connection.vendor == "postgresql" else ""
    columns = ", ".join(quote(meta.get_field(name).column) for name in _COLUMNS)
    values = ", ".join(f"%s{json_cast}" if name in _JSON_COLUMNS else "%s" for name in _COLUMNS)
    written = Written()
    with connection.cursor() as cursor:
        stored = _stored(cursor, table, columns)
        new_keys = {row[0] for row in rows}
        gone = [key for key in stored if key not in new_keys]
        changed = [row for row in rows if (old := stored.get(row[0])) is None or not _same(old, row)]
        written.unchanged = len(rows) - len(changed)
        if len(changed) + len(gone) > REWRITE_SHARE * max(len(rows), 1):
            cursor.execute(f"DELETE FROM {table}")
            written.rewritten, written.deleted, changed = True, len(stored), rows
            written.unchanged = 0
        else:
            doomed = gone + [row[0] for row in changed if row[0] in stored]
            if doomed:
                cursor.executemany(f"DELETE FROM {table} WHERE {key_column} = %s", [(key,) for key in doomed])
            written.deleted = len(doomed)
        written.inserted = len(changed)
        if connection.vendor == "postgresql":
            # COPY is an order of magnitude faster than INSERTs on PostgreSQL (measured:
            # 100,000 rows in ~1 s instead of ~10 s); the JSON text is cast by the server.
            if changed:
                with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in changed:
                        copy.write_row(row)
            return written
        sql = f"INSERT INTO {table} ({columns}) VALUES ({values})"
        batch = []
        for row in changed:
            batch.append(row)
            if len(batch) >= BATCH:
                cursor.executemany(sql, batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
    return written


def recompute(as_of: dt.date | None = None, thresholds: Thresholds | None = None, *,
              trend_years: int = 10) -> Recomputed:
    """Compute every state and replace the stored ones (and the dashboard's numbers) atomically."""
    as_of = as_of or timezone.localdate()
    thresholds = thresholds or load().thresholds
    started = time.perf_counter()
    version = registry_data_version()
    with paused_gc():  # the whole run: re-enabling in between would trigger a full collection
        records, outcome, load_seconds = compute(as_of, thresholds, trend_years=trend_years, with_facts=False)
        mark = time.perf_counter()
        rows = _rows(records, outcome)
        del records
        with transaction.atomic():
            written = _replace_states(rows)
            del rows
            write_seconds = time.perf_counter() - mark
            timing = {
                "load_seconds": round(load_seconds, 3),
                **outcome.result["timing"],
                "write_seconds": round(write_seconds, 3),
                "recompute_seconds": round(time.perf_counter() - started, 3),
            }
            # One INSERT with the final timing (the result is large: it was written twice before).
            run = CensusRun.objects.create(
                as_of=as_of, thresholds=thresholds.as_dict(), result={**outcome.result, "timing": timing},
                data_version=version, seconds=timing["recompute_seconds"],
            )
    old = list(CensusRun.objects.order_by("-computed_at", "-id").values_list("pk", flat=True)[KEEP_RUNS:])
    if old:
        CensusRun.objects.filter(pk__in=old).delete()
    return Recomputed(run=run, outcome=outcome, timing=timing, written=written)


def latest_run() -> CensusRun | None:
    return CensusRun.objects.order_by("-computed_at", "-id").first()
