"""Plain records the census works on: what the registry knows about one organisation (no Django).

The Django layer (``census.load``) fills these from the database in bulk; tests build
them by hand. Amounts are floats (tenge), dates ``datetime.date``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class FilingRecord:
    """One yearly filing to the NGO database (NPO Law Art. 41 п.5)."""

    year: int
    submitted_on: dt.date | None = None
    income: float | None = None
    expenses: float | None = None
    beneficiaries: int | None = None
    state_income: float | None = None  # state grants + state social order, when reported
    founders: tuple[str, ...] = ()

    @property
    def has_activity(self) -> bool:
        return bool(self.income) or bool(self.expenses) or bool(self.beneficiaries)


@dataclass(slots=True)
class SignalRecord:
    """A dated register event: grant, contract, head change, status change…"""

    kind: str
    date: dt.date | None
    detail: dict[str, Any] | None = None
    amount: float | None = None


@dataclass(slots=True)
class OrgRecord:
    key: int  # the registry's primary key
    registered_on: dt.date | None
    register_status: str = "registered"  # registered | in_liquidation | liquidated
    register_status_since: dt.date | None = None
    files_required: bool = True  # the legal form must file to the NGO database
    filings: list[FilingRecord] = field(default_factory=list)
    signals: list[SignalRecord] = field(default_factory=list)
    # What the census counts by (not used to decide the state).
    region: str = ""
    legal_form: str = ""
    icnpo_group: str = ""
    language: str = ""
    bin: str = ""
    head_name: str = ""


@dataclass(frozen=True, slots=True)
class Fact:
    """One dated fact behind a state; ``values`` fill the fact's text in definitions.yaml."""

    code: str
    date: dt.date | None = None
    values: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "date": self.date.isoformat() if self.date else None, "values": self.values}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Fact:
        date = dt.date.fromisoformat(data["date"]) if data.get("date") else None
        return cls(data["code"], date, dict(data.get("values") or {}))

    def as_text_values(self) -> dict[str, Any]:
        return {"date": self.date, **self.values}


def language_key(languages: list[str] | tuple[str, ...] | None) -> str:
    """How an organisation's languages are counted: one key per combination ("kk+ru")."""
    return "+".join(sorted({str(x) for x in languages or () if x}))
