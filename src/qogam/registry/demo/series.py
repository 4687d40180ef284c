"""Synthetic dates, statuses and yearly filings of demo organisations (no Django).

The shapes are plausible, not statistics: registrations grow through the 1990s and
2000s; the NGO database exists from reporting year 2016; about a third of the
organisations report every year, a quarter with gaps, the rest stopped or never did.
A few report every year but are dormant: zero income, spending and beneficiaries for
their last 3–7 years, or spending under 30 % of their income for their last 5–9 years.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass

FIRST_FILING_YEAR = 2016  # Art. 41 п.5 database: first data were about 2016
ARCHETYPES = (("active", 0.34), ("sporadic", 0.23), ("faded", 0.22), ("silent", 0.16), ("dormant", 0.035),
              ("hoarding", 0.015))


def pick_weighted(rng: random.Random, items: list[tuple[object, float]]):
    total = sum(weight for _item, weight in items)
    roll = rng.random() * total
    for item, weight in items:
        roll -= weight
        if roll <= 0:
            return item
    return items[-1][0]


def registration_date(rng: random.Random, today: dt.date) -> dt.date:
    """A registration date from 1992 to today, most in 2000–2020."""
    year = int(rng.triangular(1992, today.year + 0.99, 2012))
    year = min(max(year, 1992), today.year)
    start = dt.date(year, 1, 1)
    end = min(dt.date(year, 12, 31), today)
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def date_between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    if end <= start:
        return start
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


@dataclass
class Fate:
    status: str  # registered / in_liquidation / liquidated
    since: dt.date | None
    archetype: str


def fate(rng: random.Random, registered: dt.date, today: dt.date) -> Fate:
    archetype = pick_weighted(rng, list(ARCHETYPES))
    age = today.year - registered.year
    roll = rng.random()
    liquidated_chance = min(0.30, 0.01 * age) * (2.0 if archetype in ("faded", "silent") else 0.4)
    if roll < liquidated_chance:
        since = date_between(rng, registered + dt.timedelta(days=365), today)
        return Fate("liquidated", since, archetype)
    if roll < liquidated_chance + 0.02:
        since = date_between(rng, today - dt.timedelta(days=400), today)
        return Fate("in_liquidation", since, archetype)
    return Fate("registered", registered, archetype)


def _money(value: float) -> int:
    return int(round(value / 1000.0)) * 1000


def _quiet_from(rng: random.Random, archetype: str, first_year: int, last_year: int) -> int | None:
    """The first of the trailing years a dormant or hoarding organisation files but does not work."""
    if archetype == "dormant":
        return max(first_year, last_year - rng.randint(3, 7) + 1)
    if archetype == "hoarding":
        return max(first_year, last_year - rng.randint(5, 9) + 1)
    return None


def filings(rng: random.Random, registered: dt.date, org_fate: Fate, today: dt.date,
            required: bool, topic_group: str, funding=None, founders: list[str] | None = None) -> list[dict]:
    """Yearly filings about years from 2016 (or registration) to last year, with gaps.

    ``funding`` (a ``funding.FundingPlan``) sets the state share of each year's income;
    ``founders`` are listed in every filing.
    """
    if not required and rng.random() < 0.8:
        return []
    last_year = today.year - 1 if today >= dt.date(today.year, 4, 1) else today.year - 2
    if org_fate.status != "registered" and org_fate.since:
        last_year = min(last_year, org_fate.since.year - 1)
    first_year = max(FIRST_FILING_YEAR, registered.year)
    if first_year > last_year:
        return []
    archetype = org_fate.archetype
    stop_year = last_year
    if archetype == "faded":
        stop_year = rng.randint(first_year, last_year)
    quiet_from = _quiet_from(rng, archetype, first_year, last_year)
    scale = math.exp(rng.gauss(math.log(4_000_000), 1.6))  # KZT per year; a few are large
    out = []
    for year in range(first_year, last_year + 1):
        if archetype == "silent" or year > stop_year:
            break
        if archetype == "sporadic" and rng.random() < 0.45:
            continue
        if archetype == "active" and rng.random() < 0.05:
            continue
        quiet = quiet_from is not None and year >= quiet_from
        income = _money(scale * rng.uniform(0.6, 1.5))
        if rng.random() < 0.12 and not (quiet and archetype == "hoarding"):
            income = 0  # reported, but no money that year
        if quiet and archetype == "dormant":
            income = 0
        expenses = _money(income * rng.uniform(0.75, 1.05))
        if quiet and archetype == "hoarding":
            expenses = _money(income * rng.uniform(0.03, 0.28))
        sources = {}
        if income:
            share, key = funding.state_share(rng, year) if funding is not None and not quiet else (0.0, None)
            if key and _money(income * share):
                sources[key] = _money(income * share)
            rest = income - sum(sources.values())
            parts = {"donations": rng.random(), "membership_fees": rng.random() * 0.5,
                     "own_income": rng.random() * 0.6, "foreign": rng.random() * 0.3 if rng.random() < 0.1 else 0}
            total = sum(parts.values()) or 1.0
            for key, weight in parts.items():
                if weight:
                    sources[key] = _money(rest * weight / total)
        deadline = dt.date(year + 1, 3, 31)
        if rng.random() < 0.82:
            submitted = date_between(rng, dt.date(year + 1, 1, 10), deadline)
        else:
            submitted = date_between(rng, deadline + dt.timedelta(days=1), dt.date(year + 1, 12, 20))
        submitted = min(submitted, today)
        size = max(income, 1) / 1_000_000
        working = not (quiet and archetype == "dormant")
        out.append({
            "year": year,
            "submitted_on": submitted,
            "income": income,
            "expenses": expenses,
            "assets": _money(scale * rng.uniform(0.1, 2.0)),
            "income_sources": {k: v for k, v in sources.items() if v},
            "beneficiaries": (int(size * rng.uniform(5, 60)) if topic_group in ("3", "4", "2")
                              else int(size * rng.uniform(1, 20))) if working else 0,
            "staff": int(min(200, size * rng.uniform(0.1, 0.8))) if working else 0,
            "volunteers": (int(rng.expovariate(1 / 12)) if rng.random() < 0.7 else 0) if working else 0,
            "founders": list(founders or ()),
        })
    return out
