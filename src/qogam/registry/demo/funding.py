"""State money of demo organisations: grants and social-order contracts with a customer
and a sphere (no Django).

Each organisation gets a funding plan once; its filings then report the state share of
income year by year (``FundingPlan.state_share``), and ``money_events`` turns those
amounts into dated grants and contracts. The plans are what the census's flags look for:

none       no state money;
some       state money in some years (from its third year on), never most of the income;
dependent  most of the income (82–97 %) from one state customer, every year;
catcher    registered shortly (30–170 days) before its first state grant, usually in the
           organisation's own sphere.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from ..reference import Region
from .names import region_genitive, vocabulary
from .series import date_between

GRANTS_FROM_YEAR = 2016  # state grants in their present form (and the NGO database) start here
SHARES = {"some": 0.2, "dependent": 0.025}
CATCHER_SHARE = 0.05  # of organisations registered from GRANTS_FROM_YEAR on
CATCHER_OTHER_SPHERE = 0.2  # a catcher's grant is sometimes in another sphere
SOME_YEAR_CHANCE = 0.5
STATE_KEYS = ("state_grant", "state_social_order")
KIND_OF_KEY = {"state_grant": "grant", "state_social_order": "contract"}


@dataclass(frozen=True)
class FundingPlan:
    kind: str  # none | some | dependent | catcher
    grant_customer: str = ""
    contract_customer: str = ""
    sphere: str = ""  # ICNPO subgroup of the organisation's grants and contracts ("4 100")
    dependent_key: str = "state_social_order"
    first_grant: dt.date | None = None  # a catcher's first grant
    from_year: int = GRANTS_FROM_YEAR  # no state money before this year

    def state_share(self, rng: random.Random, year: int) -> tuple[float, str | None]:
        """Share of this year's income from the state, and from which source."""
        if self.kind == "dependent":
            return rng.uniform(0.82, 0.97), self.dependent_key
        if self.kind == "catcher" and self.first_grant and year == self.first_grant.year:
            return rng.uniform(0.6, 0.9), "state_grant"
        if self.kind in ("some", "catcher") and year >= self.from_year and rng.random() < SOME_YEAR_CHANCE:
            return rng.uniform(0.05, 0.7), rng.choice(STATE_KEYS)
        return 0.0, None

    def customer(self, key: str) -> str:
        return self.grant_customer if key == "state_grant" else self.contract_customer


NO_FUNDING = FundingPlan("none")


def contract_customer(region: Region, icnpo_group: str) -> str:
    funding = vocabulary()["funding"]
    template = funding["contract_customers"].get(icnpo_group, funding["default_customer"])
    return template.format(region=region_genitive(region, "ru"))


def plan_funding(rng: random.Random, registered: dt.date, today: dt.date, region: Region, sphere: str,
                 other_sphere: str, state_founded: bool, archetype: str) -> FundingPlan:
    """How an organisation is funded by the state (``sphere``: its ICNPO subgroup)."""
    if archetype in ("dormant", "hoarding"):
        return NO_FUNDING  # an organisation that neither spends nor works gets no state money
    funding = vocabulary()["funding"]
    group = sphere.split()[0]
    base = {"grant_customer": funding["grant_operator"], "contract_customer": contract_customer(region, group),
            "sphere": sphere, "from_year": max(GRANTS_FROM_YEAR, registered.year + 2)}
    if registered.year >= GRANTS_FROM_YEAR and rng.random() < CATCHER_SHARE:
        first = registered + dt.timedelta(days=rng.randint(30, 170))
        if first <= today:
            if rng.random() < CATCHER_OTHER_SPHERE:
                base["sphere"] = other_sphere
            return FundingPlan("catcher", first_grant=first, **base)
    roll = rng.random()
    dependent = SHARES["dependent"] * (20 if state_founded else 1)
    if roll < dependent:
        key = "state_social_order" if rng.random() < 0.7 else "state_grant"
        return FundingPlan("dependent", dependent_key=key, **base)
    if roll < dependent + SHARES["some"]:
        return FundingPlan("some", **base)
    return NO_FUNDING


def money_events(rng: random.Random, plan: FundingPlan, filings: list[dict], registered: dt.date,
                 today: dt.date) -> list[dict]:
    """Grants and contracts behind the state money the filings report, plus a catcher's first grant.

    Each is ``{"kind", "date", "amount", "detail": {"year", "customer", "icnpo"}}``.
    """
    if plan.kind == "none":
        return []
    events = []
    first_year = plan.first_grant.year if plan.first_grant else None
    for filing in filings:
        year = filing["year"]
        for key in STATE_KEYS:
            amount = filing["income_sources"].get(key)
            if not amount:
                continue
            if year == first_year and key == "state_grant":
                day = plan.first_grant
                first_year = None  # the catcher's grant is in the filing: not added again below
            else:
                start = max(dt.date(year, 1, 20), registered + dt.timedelta(days=10))
                day = min(date_between(rng, start, max(start, dt.date(year, 9, 30))), today)
            events.append({"kind": KIND_OF_KEY[key], "date": day, "amount": amount,
                           "detail": {"year": year, "customer": plan.customer(key), "icnpo": plan.sphere}})
    if first_year is not None:  # not reported in a filing (none for that year, or not yet due)
        amount = int(round(rng.uniform(2_000_000, 12_000_000) / 1000.0)) * 1000
        events.append({"kind": "grant", "date": plan.first_grant, "amount": amount,
                       "detail": {"year": first_year, "customer": plan.grant_customer, "icnpo": plan.sphere}})
    return events
