"""The census numbers: counts by state and breakdowns, sensitivity, trends (no Django).

``census(records, as_of)`` is the one function behind both ``qogam census`` and the
dashboard: it returns a plain dict (JSON-ready) that the CLI prints and the web app
stores and renders, so the two can never disagree.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from . import fast
from .definitions import LIQUIDATED, STATE_CODES, Definitions, Thresholds, load
from .flags import Flag, compute_flags
from .records import OrgRecord
from .states import OrgState, Prepared, classify, prepare

DIMENSIONS = ("region", "legal_form", "icnpo_group", "registration_year", "language")
UNKNOWN = ""  # the key of "not known" in every breakdown
log = logging.getLogger(__name__)


def _key(record: OrgRecord, dimension: str) -> str:
    if dimension == "registration_year":
        return str(record.registered_on.year) if record.registered_on else UNKNOWN
    return getattr(record, dimension) or UNKNOWN


def _empty_row() -> dict[str, int]:
    return {"total": 0, "working": 0, **dict.fromkeys(STATE_CODES, 0)}


def count(records: Sequence[OrgRecord], states: Sequence[OrgState]) -> dict:
    """Totals by state and the breakdowns, for states computed from ``records`` (same keys)."""
    by_key = {r.key: r for r in records}
    counted = [(by_key[s.key], s.state, s.working) for s in states]
    totals = _empty_row()
    breakdowns: dict[str, dict[str, dict[str, int]]] = {}
    for dimension in DIMENSIONS:
        keys = [_key(record, dimension) for record, _state, _working in counted]
        rows: dict[str, dict[str, int]] = defaultdict(_empty_row)
        for (key, state), n in Counter(zip(keys, (c[1] for c in counted), strict=True)).items():
            rows[key][state] += n
            rows[key]["total"] += n
        for key, n in Counter(k for k, c in zip(keys, counted, strict=True) if c[2]).items():
            rows[key]["working"] += n
        breakdowns[dimension] = dict(sorted(rows.items()))
    for state, n in Counter(c[1] for c in counted).items():
        totals[state] += n
    totals["total"] = len(counted)
    totals["working"] = sum(1 for c in counted if c[2])
    return {"totals": totals, "breakdowns": breakdowns}


def prepare_all(records: Iterable[OrgRecord], as_of: dt.date, definitions: Definitions) -> tuple[list[Prepared], int]:
    prepared, excluded = [], 0
    for record in records:
        p = prepare(record, as_of, definitions)
        if p.excluded:
            excluded += 1
        else:
            prepared.append(p)
    return prepared, excluded


class _Counter:
    """State counts under any thresholds on one as-of date: numpy when possible, else one by one."""

    def __init__(self, records: Sequence[OrgRecord], prepared: Sequence[Prepared], as_of: dt.date,
                 thresholds: Thresholds, definitions: Definitions, flat: fast.Flat | None = None):
        self.prepared, self.definitions = prepared, definitions
        self.snapshot = None
        base = fast.base_year_for(definitions, thresholds)
        if as_of.year - base < 60:
            flat = flat or fast.flatten(records, definitions)
            self.snapshot = fast.snapshot(flat, as_of, base)

    def __call__(self, thresholds: Thresholds) -> Counter:
        if self.snapshot is not None:
            try:
                return fast.counts(self.snapshot, thresholds, self.definitions)
            except ValueError:  # a threshold outside what the bitmasks cover
                pass
        return _state_counts(self.prepared, thresholds, self.definitions)


def sensitivity(count_under, thresholds: Thresholds, definitions: Definitions) -> list[dict]:
    """How the number of working NGOs (and each state) moves when one threshold moves.

    One row per (threshold, value); every other threshold stays at ``thresholds``.
    """
    base = count_under(thresholds)
    rows = []
    for name, values in definitions.sensitivity.items():
        current = getattr(thresholds, name)
        for value in sorted({*values, current}):
            counts = base if value == current else count_under(thresholds.replace(**{name: value}))
            rows.append({
                "threshold": name,
                "value": value,
                "is_current": value == current,
                "working": counts["working"],
                "working_change": counts["working"] - base["working"],
                "states": {code: counts[code] for code in STATE_CODES},
            })
    return rows


def _state_counts(prepared: Sequence[Prepared], thresholds: Thresholds, definitions: Definitions) -> Counter:
    counts: Counter = Counter()
    for p in prepared:
        state = classify(p, thresholds, definitions, with_facts=False)
        counts[state.state] += 1
        if state.working:
            counts["working"] += 1
    counts["total"] = len(prepared)
    return counts


def trends(records: Sequence[OrgRecord], as_of: dt.date, thresholds: Thresholds, definitions: Definitions,
           years: int = 10, flat: fast.Flat | None = None) -> list[dict]:
    """Per year: registrations, liquidations and the working share at the end of the year."""
    last = as_of.year
    first = last - years + 1
    registrations: Counter = Counter()
    liquidations: Counter = Counter()
    for record in records:
        if record.registered_on and record.registered_on <= as_of:
            registrations[record.registered_on.year] += 1
        if record.register_status == "liquidated" and record.register_status_since \
                and record.register_status_since <= as_of:
            liquidations[record.register_status_since.year] += 1
    flat = flat or fast.flatten(records, definitions)
    rows = []
    for year in range(first, last + 1):
        day = min(dt.date(year, 12, 31), as_of)
        counter = _Counter(records, [], day, thresholds, definitions, flat)
        if counter.snapshot is None:
            counter.prepared, _excluded = prepare_all(records, day, definitions)
        counts = counter(thresholds)
        registered = counts["total"] - counts[LIQUIDATED]
        rows.append({
            "year": year,
            "as_of": day.isoformat(),
            "registrations": registrations.get(year, 0),
            "liquidations": liquidations.get(year, 0),
            "registered": registered,
            "working": counts["working"],
            "working_share": round(counts["working"] / registered, 4) if registered else None,
        })
    return rows


@dataclass
class Outcome:
    """A census run: the JSON-ready numbers and the per-organisation states and flags behind them."""

    result: dict
    states: list[OrgState]
    flags: dict[int, list[Flag]]


def census(records: Sequence[OrgRecord], as_of: dt.date, thresholds: Thresholds | None = None,
           definitions: Definitions | None = None, *, with_sensitivity: bool = True,
           trend_years: int = 0, with_facts: bool = True) -> Outcome:
    """The census on ``as_of``: numbers, states and flags of every organisation counted.

    ``with_facts=False`` leaves the states' facts out (what ``recompute`` stores needs
    none: pages recompute the facts of the organisations they show).
    """
    definitions = definitions or load()
    thresholds = thresholds or definitions.thresholds
    timing: dict[str, float] = {}
    started = time.perf_counter()
    prepared, excluded = prepare_all(records, as_of, definitions)
    states = [classify(p, thresholds, definitions, with_facts=with_facts) for p in prepared]
    timing["states_seconds"] = round(time.perf_counter() - started, 3)
    mark = time.perf_counter()
    flags = compute_flags(prepared)
    timing["flags_seconds"] = round(time.perf_counter() - mark, 3)
    mark = time.perf_counter()
    result = {
        "as_of": as_of.isoformat(),
        "thresholds": thresholds.as_dict(),
        "excluded_registered_after_as_of": excluded,
        **count(records, states),
        "liquidation_candidates": sum(1 for s in states if s.liquidation_candidate),
        "flags": dict(sorted(Counter(f.code for items in flags.values() for f in items).items())),
        "anomalies": dict(sorted(Counter(a.code for p in prepared for a in (*p.anomalies, *p.notes)).items())),
        "sensitivity": [],
        "trends": [],
    }
    timing["count_seconds"] = round(time.perf_counter() - mark, 3)
    mark = time.perf_counter()
    if with_sensitivity or trend_years:
        flat = fast.flatten(records, definitions)
        if with_sensitivity:
            count_under = _Counter(records, prepared, as_of, thresholds, definitions, flat)
            if count_under(thresholds) != _reference_totals(result["totals"]):
                log.warning("census: numpy counts differ from the reference; sensitivity computed one by one")
                count_under.snapshot = None
            result["sensitivity"] = sensitivity(count_under, thresholds, definitions)
        if trend_years:
            result["trends"] = trends(records, as_of, thresholds, definitions, trend_years, flat)
    timing["sensitivity_trends_seconds"] = round(time.perf_counter() - mark, 3)
    timing["total_seconds"] = round(time.perf_counter() - started, 3)
    result["timing"] = timing
    return Outcome(result=result, states=states, flags=flags)


def _reference_totals(totals: dict) -> Counter:
    return Counter({k: v for k, v in totals.items()})
