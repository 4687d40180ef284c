"""An organisation's history for its profile: dated events and its state at the end of each year (no Django)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .definitions import Definitions, Thresholds, load
from .records import Fact, OrgRecord
from .states import classify, filing_deadline, prepare

SIGNAL_CODES = {"grant", "contract", "charter_change", "head_change", "name_change", "address_change",
                "status_change", "registered", "filing"}


@dataclass(frozen=True)
class Event:
    date: dt.date | None
    fact: Fact
    tone: str = ""  # "good", "bad", "note": how the profile shows it
    ignored: bool = False  # after the as-of date or otherwise not counted


def events(record: OrgRecord, as_of: dt.date, thresholds: Thresholds | None = None,
           definitions: Definitions | None = None) -> list[Event]:
    """Registration, filings (and missing ones), register events and signals, newest first."""
    definitions = definitions or load()
    thresholds = thresholds or definitions.thresholds
    prepared = prepare(record, as_of, definitions)
    out: list[Event] = []
    if record.registered_on:
        out.append(Event(record.registered_on, Fact("register.registered", record.registered_on), "note"))
    counted = prepared.filings
    for filing in sorted(record.filings, key=lambda f: (f.year, f.submitted_on or dt.date.min)):
        used = counted.get(filing.year) is filing
        code = "filing.activity" if filing.has_activity else "filing.zero"
        fact = Fact(code, filing.submitted_on, {
            "year": filing.year, "income": filing.income, "expenses": filing.expenses,
            "beneficiaries": filing.beneficiaries,
        })
        day = filing.submitted_on or filing_deadline(filing.year)
        out.append(Event(day, fact, "good" if filing.has_activity else "note", ignored=not used))
        if used and filing.submitted_on and filing.submitted_on > filing_deadline(filing.year):
            out.append(Event(filing.submitted_on, Fact("filing.late", filing.submitted_on, {"year": filing.year}),
                             "bad"))
    if record.files_required:
        for year in prepared.due_years(thresholds):
            if year not in counted:
                deadline = filing_deadline(year, thresholds.grace_days)
                out.append(Event(deadline, Fact("filing.missing", deadline, {"year": year}), "bad"))
    for signal in record.signals:
        kind = signal.kind if signal.kind in SIGNAL_CODES else "other"
        values = {"to": (signal.detail or {}).get("to")} if kind == "status_change" else {}
        ignored = signal.date is not None and signal.date > as_of
        tone = "good" if kind in definitions.life_signals else "note"
        out.append(Event(signal.date, Fact(f"signal.{kind}", signal.date, values), tone, ignored))
    if record.register_status != "registered" and not any(
            s.kind == "status_change" and (s.detail or {}).get("to") == record.register_status
            for s in record.signals):
        code = "register.liquidated" if record.register_status == "liquidated" else "register.in_liquidation"
        out.append(Event(record.register_status_since, Fact(code, record.register_status_since), "bad"))
    out.sort(key=lambda e: (e.date or dt.date.min, e.fact.code), reverse=True)
    return out


def state_by_year(record: OrgRecord, as_of: dt.date, thresholds: Thresholds | None = None,
                  definitions: Definitions | None = None, years: int = 10) -> list[tuple[dt.date, str, bool]]:
    """(date, state, working) at the end of each of the last ``years`` years and on ``as_of``."""
    definitions = definitions or load()
    thresholds = thresholds or definitions.thresholds
    out = []
    first = as_of.year - years
    if record.registered_on:
        first = max(first, record.registered_on.year)
    for year in range(first, as_of.year):
        day = dt.date(year, 12, 31)
        prepared = prepare(record, day, definitions)
        if prepared.excluded:
            continue
        state = classify(prepared, thresholds, definitions, with_facts=False)
        out.append((day, state.state, state.working))
    prepared = prepare(record, as_of, definitions)
    if not prepared.excluded:
        state = classify(prepared, thresholds, definitions, with_facts=False)
        out.append((as_of, state.state, state.working))
    return out


