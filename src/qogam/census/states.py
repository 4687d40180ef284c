"""Liveness states of organisations, each with the dated facts that decided it (no Django).

Two steps, so that the sensitivity table can re-decide 100,000 organisations under many
thresholds cheaply:

``prepare(record, as_of)``  reads the record once: the register status on the as-of date,
    the reporting years that were due, which of them were filed, the last sign of life,
    anomalies (filings dated after the as-of date, duplicates, filings after liquidation).
``classify(prepared, thresholds)``  applies the states in precedence order (the order of
    ``states`` in definitions.yaml) and returns the state with its evidence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from .definitions import (
    ACTIVE,
    DORMANT,
    IN_LIQUIDATION,
    LIQUIDATED,
    NEW,
    NON_COMPLIANT,
    PRESUMED_DEAD,
    UNCLEAR,
    Definitions,
    Thresholds,
    load,
)
from .records import Fact, FilingRecord, OrgRecord

REGISTER_STATUSES = ("registered", "in_liquidation", "liquidated")
INACTIVE_MARK = "inactive"  # a status_change signal whose detail "to" is this marks the entity inactive
STATUS_SIGNAL = "status_change"


def filing_deadline(year: int, grace_days: int = 0) -> dt.date:
    """Data about a year are due by 31 March of the next year (NPO Law Art. 41 п.5)."""
    return dt.date(year + 1, 3, 31) + dt.timedelta(days=grace_days)


def last_due_year(as_of: dt.date, grace_days: int = 0) -> int:
    """The latest reporting year whose deadline had passed on ``as_of``."""
    year = as_of.year - 1
    while filing_deadline(year, grace_days) >= as_of:
        year -= 1
    return year


def months_before(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")


@dataclass(slots=True)
class Prepared:
    """What one organisation's record says on the as-of date, independent of thresholds."""

    record: OrgRecord
    as_of: dt.date
    excluded: bool  # registered after the as-of date: not in the census
    status: str
    status_since: dt.date | None
    inactive_since: dt.date | None
    filings: dict[int, FilingRecord]  # by reporting year, only those known on the as-of date
    anomalies: list[Fact] = field(default_factory=list)
    notes: list[Fact] = field(default_factory=list)
    # Signs of life: (date, kind), newest first; money signals likewise.
    life: list[tuple[dt.date, str]] = field(default_factory=list)
    money: list[dt.date] = field(default_factory=list)
    last_activity_year: int | None = None

    def due_years(self, thresholds: Thresholds, last: int | None = None) -> range:
        """Reporting years whose filing was due by the as-of date (from registration on)."""
        if last is None:
            last = last_due_year(self.as_of, thresholds.grace_days)
        first = thresholds.first_reporting_year
        registered = self.record.registered_on
        if registered is not None:
            first = max(first, registered.year)
        return range(first, last + 1)

    def last_life_since(self, since: dt.date) -> tuple[dt.date, str] | None:
        for day, kind in self.life:
            if day >= since:
                return day, kind
            break
        return None

    def trailing(self, years: range, predicate) -> int:
        """How many of the latest ``years`` in a row satisfy ``predicate(filing or None)``."""
        count = 0
        filings = self.filings
        for year in reversed(years):
            if not predicate(filings.get(year)):
                break
            count += 1
        return count


def prepare(record: OrgRecord, as_of: dt.date, definitions: Definitions | None = None) -> Prepared:
    definitions = definitions or load()
    anomalies: list[Fact] = []
    notes: list[Fact] = []
    excluded = record.registered_on is not None and record.registered_on > as_of
    if record.registered_on is None:
        anomalies.append(Fact("anomaly.no_registration_date"))

    status, since = record.register_status, record.register_status_since
    inactive_since = None
    status_signals = sorted(
        (s for s in record.signals if s.kind == STATUS_SIGNAL and s.date is not None and s.date <= as_of),
        key=lambda s: s.date,
    )
    if status != "registered" and since is not None and since > as_of:
        notes.append(Fact("register.status_after_as_of", since, {"status": status}))
        status, since = "registered", None
        for signal in status_signals:
            target = (signal.detail or {}).get("to")
            if target in REGISTER_STATUSES:
                status, since = target, signal.date
    for signal in status_signals:
        target = (signal.detail or {}).get("to")
        if target == INACTIVE_MARK:
            inactive_since = signal.date
        elif target in REGISTER_STATUSES:
            inactive_since = None

    filings: dict[int, FilingRecord] = {}
    registered_year = record.registered_on.year if record.registered_on else None
    liquidated_on = since if status == LIQUIDATED else None
    last_activity_year = None
    for filing in record.filings:
        submitted = filing.submitted_on
        if submitted is not None and submitted > as_of:
            anomalies.append(Fact("anomaly.future_filing", submitted, {"year": filing.year}))
            continue
        if filing.year >= as_of.year or (submitted is not None and submitted.year <= filing.year):
            # A year is reported on once it is over; a filing for a year not yet over is an error.
            anomalies.append(Fact("anomaly.year_not_over", submitted, {"year": filing.year}))
            continue
        if registered_year is not None and filing.year < registered_year:
            anomalies.append(Fact("anomaly.filing_before_registration", submitted, {"year": filing.year}))
            continue
        if liquidated_on is not None and (
            (submitted is not None and submitted > liquidated_on) or filing.year > liquidated_on.year
        ):
            anomalies.append(Fact("anomaly.filing_after_liquidation", submitted, {"year": filing.year}))
        previous = filings.get(filing.year)
        if previous is not None:
            later = filing if (filing.submitted_on or dt.date.min) >= (previous.submitted_on or dt.date.min) else previous
            anomalies.append(Fact("anomaly.duplicate_filing", later.submitted_on, {"year": filing.year}))
            filing = later
        filings[filing.year] = filing
    for year, filing in filings.items():
        if filing.has_activity and (last_activity_year is None or year > last_activity_year):
            last_activity_year = year

    life: list[tuple[dt.date, str]] = []
    money: list[dt.date] = []
    life_kinds, money_kinds = definitions.life_signals, definitions.money_signals
    for signal in record.signals:
        day = signal.date
        if day is None or signal.kind == STATUS_SIGNAL:
            continue
        if day > as_of:
            if signal.kind in life_kinds:
                anomalies.append(Fact("anomaly.future_signal", day, {"kind": signal.kind}))
            continue
        if signal.kind in life_kinds:
            life.append((day, signal.kind))
        if signal.kind in money_kinds:
            money.append(day)
    life.sort(reverse=True)
    money.sort(reverse=True)
    return Prepared(
        record=record, as_of=as_of, excluded=excluded, status=status, status_since=since,
        inactive_since=inactive_since, filings=filings, anomalies=anomalies, notes=notes,
        life=life, money=money, last_activity_year=last_activity_year,
    )


@dataclass(slots=True)
class OrgState:
    key: int
    state: str
    recent_activity: bool
    working: bool
    facts: list[Fact]
    anomalies: list[Fact]
    silent_years: int  # latest due reporting years in a row with no filing
    liquidation_candidate: bool
    last_filing_year: int | None

    def to_dict(self) -> dict:
        return {
            "state": self.state,
            "working": self.working,
            "recent_activity": self.recent_activity,
            "silent_years": self.silent_years,
            "liquidation_candidate": self.liquidation_candidate,
            "last_filing_year": self.last_filing_year,
            "facts": [f.to_dict() for f in self.facts],
            "anomalies": [f.to_dict() for f in self.anomalies],
        }


def _is_missing(filing: FilingRecord | None) -> bool:
    return filing is None


def _is_zero(filing: FilingRecord | None) -> bool:
    return filing is not None and not filing.has_activity


def _start_of(year: int) -> dt.date:
    return dt.date(year, 1, 1)


def _filing_fact(code: str, year: int, filing: FilingRecord) -> Fact:
    return Fact(code, filing.submitted_on, {
        "year": year, "income": filing.income, "expenses": filing.expenses, "beneficiaries": filing.beneficiaries,
    })


def _last_filing_fact(p: Prepared) -> Fact:
    if not p.filings:
        return Fact("filing.none")
    year = max(p.filings)
    return Fact("filing.last", p.filings[year].submitted_on, {"year": year})


def _missing_facts(years, p: Prepared, grace: int) -> list[Fact]:
    return [Fact("filing.missing", filing_deadline(y, grace), {"year": y}) for y in years if y not in p.filings]


@dataclass(frozen=True, slots=True)
class _Context:
    """Dates that depend only on the as-of date and the thresholds (computed once per run)."""

    last_due: int
    new_cutoff: dt.date  # registered after this day → new
    recent_cutoff: dt.date  # an event after this day is recent
    recent_from_year: int  # a filing for this reporting year or later is recent


@lru_cache(maxsize=256)
def _context(as_of: dt.date, th: Thresholds) -> _Context:
    last_due = last_due_year(as_of, th.grace_days)
    return _Context(
        last_due=last_due,
        new_cutoff=months_before(as_of, th.new_months),
        recent_cutoff=months_before(as_of, 12 * th.recent_years),
        recent_from_year=last_due + 1 - th.recent_years,
    )


def _recent_evidence(p: Prepared, ctx: _Context, explain: bool) -> Fact | bool | None:
    """The newest sign of activity within ``recent_years`` (True instead of a fact when not
    explaining), or None."""
    filing_year = p.last_activity_year
    filing_recent = filing_year is not None and filing_year >= ctx.recent_from_year
    life = p.life[0] if p.life and p.life[0][0] > ctx.recent_cutoff else None
    if not explain:
        return True if (filing_recent or life) else None
    best: Fact | None = None
    if filing_recent:
        best = _filing_fact("filing.activity", filing_year, p.filings[filing_year])
    if life is not None:
        day, kind = life
        if best is None or (best.date or _start_of(best.values["year"] + 1)) < day:
            best = Fact(f"signal.{kind}", day)
    return best


def classify(p: Prepared, th: Thresholds | None = None, definitions: Definitions | None = None,
             with_facts: bool = True) -> OrgState:
    """The state of one prepared organisation; states are tried in precedence order."""
    definitions = definitions or load()
    th = th or definitions.thresholds
    ctx = _context(p.as_of, th)
    due = p.due_years(th, ctx.last_due)
    silent = p.trailing(due, _is_missing)
    recent = _recent_evidence(p, ctx, with_facts)
    facts: list[Fact] = []
    state = _decide(p, th, ctx, due, silent, recent, facts if with_facts else None)
    candidate = False
    if state == PRESUMED_DEAD:
        if p.inactive_since is not None:
            candidate = True
        elif silent >= th.liquidation_candidate_years:
            window_start = _start_of(due.stop - th.liquidation_candidate_years)
            candidate = p.last_life_since(window_start) is None
    has_recent = recent is not None
    return OrgState(
        key=p.record.key,
        state=state,
        recent_activity=has_recent,
        working=definitions.is_working(state, has_recent),
        facts=facts,
        anomalies=p.anomalies + p.notes if with_facts else [],
        silent_years=silent,
        liquidation_candidate=candidate,
        last_filing_year=max(p.filings) if p.filings else None,
    )


def _decide(p: Prepared, th: Thresholds, ctx: _Context, due: range, silent: int,
            recent: Fact | bool | None, facts: list[Fact] | None) -> str:
    record = p.record
    explain = facts is not None
    if p.status == LIQUIDATED:
        if explain:
            facts.append(Fact("register.liquidated", p.status_since))
        return LIQUIDATED
    if p.status == IN_LIQUIDATION:
        if explain:
            facts.append(Fact("register.in_liquidation", p.status_since))
        return IN_LIQUIDATION
    registered = record.registered_on
    if registered is not None and registered > ctx.new_cutoff:
        if explain:
            facts.append(Fact("register.registered", registered))
            if recent is not None:
                facts.append(recent)
        return NEW
    if p.inactive_since is not None:
        if explain:
            facts.append(Fact("register.inactive", p.inactive_since))
        return PRESUMED_DEAD
    last_due = ctx.last_due
    grace = th.grace_days
    if record.files_required and silent >= th.presumed_dead_years:
        window_start = _start_of(due.stop - th.presumed_dead_years)
        if p.last_life_since(window_start) is None:
            if explain:
                facts.extend(_missing_facts(range(due.stop - silent, due.stop), p, grace))
                facts.append(_last_filing_fact(p))
                facts.append(Fact("signal.none", window_start))
            return PRESUMED_DEAD
    if record.files_required and len(due):
        window = due[-th.non_compliant_window:] if th.non_compliant_window else range(0)
        filings = p.filings
        missing = sum(1 for year in window if year not in filings)
        overdue = last_due not in filings
        if overdue or (th.non_compliant_missing and missing >= th.non_compliant_missing):
            if explain:
                if overdue:
                    facts.append(Fact("filing.overdue", filing_deadline(last_due, grace), {"year": last_due}))
                if missing >= max(th.non_compliant_missing, 1):
                    facts.append(Fact("filing.missing_count", None, {"missing": missing, "window": len(window)}))
                    facts.extend(_missing_facts(window, p, grace))
                facts.append(recent if recent is not None else _last_filing_fact(p))
            return NON_COMPLIANT
    if th.dormant_zero_years and p.trailing(due, _is_zero) >= th.dormant_zero_years:
        window_start = _start_of(due.stop - th.dormant_zero_years)
        if not p.money or p.money[0] < window_start:
            if explain:
                for year in range(due.stop - th.dormant_zero_years, due.stop):
                    facts.append(_filing_fact("filing.zero", year, p.filings[year]))
                facts.append(Fact("signal.none", window_start))
            return DORMANT
    share = th.dormant_low_spending_share

    def hoarding(filing: FilingRecord | None) -> bool:
        return filing is not None and bool(filing.income) and (filing.expenses or 0) < share * filing.income

    if th.dormant_low_spending_years and p.trailing(due, hoarding) >= th.dormant_low_spending_years:
        if explain:
            for year in range(due.stop - th.dormant_low_spending_years, due.stop):
                filing = p.filings[year]
                facts.append(Fact("filing.low_spending", filing.submitted_on, {
                    "year": year, "income": filing.income, "expenses": filing.expenses or 0.0,
                    "share": (filing.expenses or 0.0) / filing.income,
                }))
        return DORMANT
    if recent is not None:
        if explain:
            facts.append(recent)
        return ACTIVE
    if explain:
        if not record.files_required:
            facts.append(Fact("filing.not_required"))
        facts.append(Fact("filing.no_recent_activity"))
        facts.append(_last_filing_fact(p))
    return UNCLEAR


def compute_states(records, as_of: dt.date, thresholds: Thresholds | None = None,
                   definitions: Definitions | None = None) -> tuple[list[OrgState], list[int]]:
    """States of all records on ``as_of``; also the keys excluded (registered after as-of)."""
    definitions = definitions or load()
    thresholds = thresholds or definitions.thresholds
    states, excluded = [], []
    for record in records:
        prepared = prepare(record, as_of, definitions)
        if prepared.excluded:
            excluded.append(record.key)
            continue
        states.append(classify(prepared, thresholds, definitions))
    return states, excluded
