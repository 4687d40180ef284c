"""Small hand-built registries for the census tests (plain records, no database)."""

from __future__ import annotations

import datetime as dt

from qogam.census.records import FilingRecord, OrgRecord, SignalRecord

AS_OF = dt.date(2026, 6, 1)  # the latest reporting year due on this day is 2025


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def filed(year: int, income: float = 1_000_000, expenses: float | None = None, beneficiaries: int | None = 10,
          submitted: str | None = None) -> FilingRecord:
    return FilingRecord(
        year=year,
        submitted_on=d(submitted) if submitted else dt.date(year + 1, 3, 1),
        income=income,
        expenses=income * 0.9 if expenses is None else expenses,
        beneficiaries=beneficiaries,
    )


def zero(year: int) -> FilingRecord:
    return FilingRecord(year=year, submitted_on=dt.date(year + 1, 3, 1), income=0, expenses=0, beneficiaries=0)


def signal(kind: str, day: str, **detail) -> SignalRecord:
    return SignalRecord(kind=kind, date=d(day), detail=detail or None)


def org(key: int, registered: str | None = "2010-05-01", filings=(), signals=(), **fields) -> OrgRecord:
    return OrgRecord(
        key=key, registered_on=d(registered) if registered else None,
        filings=list(filings), signals=list(signals), **fields,
    )
