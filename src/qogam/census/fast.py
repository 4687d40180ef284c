"""Counting states for many thresholds and dates at once, with numpy (no Django).

``states.classify`` is the reference: it explains each organisation's state with facts.
The sensitivity table and the trends need the *counts* under many thresholds and as-of
dates — 100,000 organisations × dozens of variants is too slow one by one in Python.
This module applies exactly the same rules to whole columns at once. Organisations
whose records need the reference's special handling (two filings for one year, two
register events on one day) are decided by the reference itself, so the results are equal
by construction for them; ``tests/census/test_fast.py`` checks equality on random
registries for everyone else.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .definitions import (
    ACTIVE,
    DORMANT,
    IN_LIQUIDATION,
    LIQUIDATED,
    NEW,
    NON_COMPLIANT,
    PRESUMED_DEAD,
    STATE_CODES,
    UNCLEAR,
    Definitions,
    Thresholds,
)
from .records import OrgRecord
from .states import INACTIVE_MARK, STATUS_SIGNAL, classify, last_due_year, months_before, prepare

NONE = -1  # "no date" as an ordinal: earlier than every real date
_STATUS = {"registered": 0, "in_liquidation": 1, "liquidated": 2}
_TARGET = {**_STATUS, INACTIVE_MARK: 3}
_MAX_YEARS = 62  # reporting years tracked in one int64 bitmask


@dataclass
class Flat:
    """A registry as columns: one row per organisation, per filing, per sign of life."""

    records: Sequence[OrgRecord]
    reg_ord: np.ndarray
    reg_year: np.ndarray  # 0 when unknown
    status: np.ndarray
    status_since: np.ndarray
    files_required: np.ndarray
    special: np.ndarray  # decided by the reference implementation
    f_org: np.ndarray
    f_year: np.ndarray
    f_sub: np.ndarray
    f_active: np.ndarray
    f_income: np.ndarray
    f_expenses: np.ndarray
    life_org: np.ndarray
    life_ord: np.ndarray
    money_org: np.ndarray
    money_ord: np.ndarray
    status_org: np.ndarray  # register status events: organisation, date, target (see _TARGET)
    status_ord: np.ndarray
    status_target: np.ndarray


def _ordinal(day: dt.date | None) -> int:
    return day.toordinal() if day is not None else NONE


def flatten(records: Sequence[OrgRecord], definitions: Definitions) -> Flat:
    """The registry as columns (built column by column: much faster than row-by-row appends)."""
    n = len(records)
    ints = np.int64

    def column(values, count: int, dtype=ints) -> np.ndarray:
        return np.fromiter(values, dtype=dtype, count=count)

    reg_ord = column((_ordinal(r.registered_on) for r in records), n)
    reg_year = column((r.registered_on.year if r.registered_on else 0 for r in records), n)
    status = column((_STATUS.get(r.register_status, 0) for r in records), n, np.int8)
    status_since = column((_ordinal(r.register_status_since) for r in records), n)
    files_required = column((r.files_required for r in records), n, bool)

    filings = [(i, f) for i, r in enumerate(records) for f in r.filings]
    m = len(filings)
    f_org = column((i for i, _f in filings), m)
    f_year = column((f.year for _i, f in filings), m)
    f_sub = column((_ordinal(f.submitted_on) for _i, f in filings), m)
    f_active = column((f.has_activity for _i, f in filings), m, bool)
    f_income = column((f.income or 0.0 for _i, f in filings), m, float)
    f_expenses = column((f.expenses or 0.0 for _i, f in filings), m, float)
    special = np.zeros(n, dtype=bool)
    if m:  # two filings for one year: the reference picks the later one
        pairs = f_org * 10_000 + f_year
        unique, counts = np.unique(pairs, return_counts=True)
        special[unique[counts > 1] // 10_000] = True

    life_kinds, money_kinds = definitions.life_signals, definitions.money_signals
    dated = [(i, s) for i, r in enumerate(records) for s in r.signals if s.date is not None]
    life = [(i, s.date.toordinal()) for i, s in dated if s.kind in life_kinds]
    money = [(i, s.date.toordinal()) for i, s in dated if s.kind in money_kinds]
    events = []
    for i, s in dated:
        if s.kind == STATUS_SIGNAL:
            target = _TARGET.get((s.detail or {}).get("to"))
            if target is not None:
                events.append((i, s.date.toordinal(), target))
    if events:  # two register events on one day: the reference keeps their order
        days = np.array([(i * 1_000_000 + day) for i, day, _t in events], dtype=ints)
        unique, counts = np.unique(days, return_counts=True)
        special[unique[counts > 1] // 1_000_000] = True

    def pairs_of(items: list, position: int) -> np.ndarray:
        return column((item[position] for item in items), len(items))

    return Flat(
        records=records, reg_ord=reg_ord, reg_year=reg_year, status=status, status_since=status_since,
        files_required=files_required, special=special,
        f_org=f_org, f_year=f_year, f_sub=f_sub, f_active=f_active, f_income=f_income, f_expenses=f_expenses,
        life_org=pairs_of(life, 0), life_ord=pairs_of(life, 1),
        money_org=pairs_of(money, 0), money_ord=pairs_of(money, 1),
        status_org=pairs_of(events, 0), status_ord=pairs_of(events, 1), status_target=pairs_of(events, 2),
    )


def _latest(org: np.ndarray, ordinal: np.ndarray, limit: int, n: int) -> np.ndarray:
    """Per organisation, the latest ordinal not after ``limit`` (NONE when there is none)."""
    out = np.full(n, NONE, dtype=np.int64)
    keep = ordinal <= limit
    np.maximum.at(out, org[keep], ordinal[keep])
    return out


@dataclass
class Snapshot:
    """Per-organisation columns on one as-of date (independent of most thresholds)."""

    as_of: dt.date
    base_year: int
    counted: np.ndarray  # not registered after as-of
    status: np.ndarray
    inactive: np.ndarray  # the latest register event on as-of marks the entity inactive
    filed: np.ndarray  # bitmask of reporting years filed (bit = year - base_year)
    zero: np.ndarray  # bitmask of years filed with no activity
    last_activity_year: np.ndarray  # 0 when none
    last_life: np.ndarray
    last_money: np.ndarray
    valid: np.ndarray  # which filing rows count on as-of
    flat: Flat


def _status_on(flat: Flat, day: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Register status and the inactive mark on ``day`` (as ``states.prepare`` reads them)."""
    known = flat.status_ord <= day
    latest_any = np.full(n, NONE, dtype=np.int64)  # date * 8 + target of the latest event
    np.maximum.at(latest_any, flat.status_org[known], flat.status_ord[known] * 8 + flat.status_target[known])
    inactive = (latest_any != NONE) & (latest_any % 8 == 3)
    register_rows = known & (flat.status_target < 3)
    latest_register = np.full(n, NONE, dtype=np.int64)
    np.maximum.at(latest_register, flat.status_org[register_rows],
                  flat.status_ord[register_rows] * 8 + flat.status_target[register_rows])
    status = flat.status.astype(np.int64)
    # A register status dated after as-of was not yet known then: take the latest event before.
    unknown_yet = (status != 0) & (flat.status_since != NONE) & (flat.status_since > day)
    rebuilt = np.where(latest_register != NONE, latest_register % 8, 0)
    status = np.where(unknown_yet, rebuilt, status)
    return status, inactive


def snapshot(flat: Flat, as_of: dt.date, base_year: int) -> Snapshot:
    n = len(flat.records)
    day = as_of.toordinal()
    counted = ~((flat.reg_ord != NONE) & (flat.reg_ord > day))
    status, inactive = _status_on(flat, day, n)

    year, sub, org = flat.f_year, flat.f_sub, flat.f_org
    sub_year = np.where(sub != NONE, _years_of(sub), 0)
    valid = ~((sub != NONE) & (sub > day))
    valid &= ~((year >= as_of.year) | ((sub != NONE) & (sub_year <= year)))
    valid &= ~((flat.reg_year[org] != 0) & (year < flat.reg_year[org]))
    in_mask = valid & (year >= base_year) & (year < base_year + _MAX_YEARS)
    bits = np.left_shift(np.int64(1), np.where(in_mask, year - base_year, 0))
    filed = np.zeros(n, dtype=np.int64)
    np.bitwise_or.at(filed, org[in_mask], bits[in_mask])
    zero = np.zeros(n, dtype=np.int64)
    zero_rows = in_mask & ~flat.f_active
    np.bitwise_or.at(zero, org[zero_rows], bits[zero_rows])
    last_activity_year = np.zeros(n, dtype=np.int64)
    active_rows = valid & flat.f_active
    np.maximum.at(last_activity_year, org[active_rows], year[active_rows])
    return Snapshot(
        as_of=as_of, base_year=base_year, counted=counted, status=status, inactive=inactive, filed=filed, zero=zero,
        last_activity_year=last_activity_year,
        last_life=_latest(flat.life_org, flat.life_ord, day, n),
        last_money=_latest(flat.money_org, flat.money_ord, day, n),
        valid=valid, flat=flat,
    )


_FIRST_YEAR = 1800
_YEAR_STARTS = np.array([dt.date(y, 1, 1).toordinal() for y in range(_FIRST_YEAR, 2201)], dtype=np.int64)


def _years_of(ordinals: np.ndarray) -> np.ndarray:
    """Calendar years of date ordinals (1800–2200)."""
    return np.searchsorted(_YEAR_STARTS, ordinals, side="right") - 1 + _FIRST_YEAR


def _trailing(mask_of_year, first: np.ndarray, last: int, base_year: int) -> np.ndarray:
    """Per organisation: latest due years in a row (from ``last`` down to ``first``) whose bit is set."""
    n = first.shape[0]
    count = np.zeros(n, dtype=np.int64)
    going = np.ones(n, dtype=bool)
    for year in range(last, base_year - 1, -1):
        going &= year >= first
        if not going.any():
            break
        going &= mask_of_year(year)
        count += going
    return count


def _bit(mask: np.ndarray, year: int, base_year: int) -> np.ndarray:
    return (np.right_shift(mask, year - base_year) & 1).astype(bool)


def _hoard_mask(snap: Snapshot, share: float) -> np.ndarray:
    flat = snap.flat
    rows = snap.valid & (flat.f_income != 0) & (flat.f_expenses < share * flat.f_income)
    rows &= (flat.f_year >= snap.base_year) & (flat.f_year < snap.base_year + _MAX_YEARS)
    out = np.zeros(snap.counted.shape[0], dtype=np.int64)
    bits = np.left_shift(np.int64(1), flat.f_year[rows] - snap.base_year)
    np.bitwise_or.at(out, flat.f_org[rows], bits)
    return out


def decide(snap: Snapshot, th: Thresholds, definitions: Definitions) -> tuple[np.ndarray, np.ndarray]:
    """State index (into STATE_CODES) and "working" for every organisation on the snapshot's date."""
    flat = snap.flat
    base = snap.base_year
    last_due = last_due_year(snap.as_of, th.grace_days)
    if th.first_reporting_year < base or last_due - base >= _MAX_YEARS:
        raise ValueError("years outside the bitmask range; use the reference implementation")
    stop = last_due + 1
    first = np.maximum(th.first_reporting_year, flat.reg_year)
    length = np.maximum(0, stop - first)
    not_filed = lambda year: ~_bit(snap.filed, year, base)  # noqa: E731
    silent = _trailing(not_filed, first, last_due, base) if last_due >= base else np.zeros_like(first)
    # Years before base_year are never due (base_year <= first_reporting_year), so bits suffice.

    def start_of(year: int) -> int:
        return dt.date(year, 1, 1).toordinal()

    new_cutoff = months_before(snap.as_of, th.new_months).toordinal()
    recent_cutoff = months_before(snap.as_of, 12 * th.recent_years).toordinal()
    recent = (snap.last_activity_year >= stop - th.recent_years) & (snap.last_activity_year > 0)
    recent |= snap.last_life > recent_cutoff

    liquidated = snap.status == 2
    in_liquidation = snap.status == 1
    new = (flat.reg_ord != NONE) & (flat.reg_ord > new_cutoff)
    dead_by_register = snap.inactive
    dead = flat.files_required & (silent >= th.presumed_dead_years) & (
        snap.last_life < start_of(stop - th.presumed_dead_years)
    )
    window = min(th.non_compliant_window, 10_000)
    missing = np.zeros_like(first)
    for year in range(max(stop - window, base), stop):
        missing += (year >= first) & not_filed(year)
    overdue = not_filed(last_due) if last_due >= base else np.ones_like(liquidated)
    non_compliant = flat.files_required & (length > 0) & (
        overdue | ((th.non_compliant_missing > 0) & (missing >= th.non_compliant_missing))
    )
    zero_run = _trailing(lambda year: _bit(snap.zero, year, base), first, last_due, base)
    dormant = (th.dormant_zero_years > 0) & (zero_run >= th.dormant_zero_years) & (
        snap.last_money < start_of(stop - th.dormant_zero_years)
    )
    hoard = _hoard_mask(snap, th.dormant_low_spending_share)
    hoard_run = _trailing(lambda year: _bit(hoard, year, base), first, last_due, base)
    dormant |= (th.dormant_low_spending_years > 0) & (hoard_run >= th.dormant_low_spending_years)
    index = {code: i for i, code in enumerate(STATE_CODES)}
    state = np.select(
        [liquidated, in_liquidation, new, dead_by_register, dead, non_compliant, dormant, recent],
        [index[LIQUIDATED], index[IN_LIQUIDATION], index[NEW], index[PRESUMED_DEAD], index[PRESUMED_DEAD],
         index[NON_COMPLIANT], index[DORMANT], index[ACTIVE]],
        default=index[UNCLEAR],
    )
    working_codes = [index[c] for c in definitions.working_states]
    with_activity = [index[c] for c in definitions.working_with_activity]
    working = np.isin(state, working_codes) | (np.isin(state, with_activity) & recent)
    # The reference decides organisations with duplicate years or same-day register events.
    for i in np.flatnonzero(flat.special & snap.counted):
        prepared = prepare(flat.records[i], snap.as_of, definitions)
        result = classify(prepared, th, definitions, with_facts=False)
        state[i] = index[result.state]
        working[i] = result.working
    return state, working


def counts(snap: Snapshot, th: Thresholds, definitions: Definitions) -> Counter:
    state, working = decide(snap, th, definitions)
    chosen = snap.counted
    tally = np.bincount(state[chosen], minlength=len(STATE_CODES))
    result = Counter({code: int(tally[i]) for i, code in enumerate(STATE_CODES)})
    result["working"] = int(working[chosen].sum())
    result["total"] = int(chosen.sum())
    return result


def base_year_for(definitions: Definitions, thresholds: Thresholds) -> int:
    """The first year any variant treats as due: bit 0 of the year bitmasks."""
    return min([thresholds.first_reporting_year, *definitions.sensitivity.get("first_reporting_year", ())])
