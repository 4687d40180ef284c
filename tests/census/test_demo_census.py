"""The demo registry gives the census something to find: dormant organisations and every flag."""

import datetime as dt
from collections import Counter

from qogam.census.store import compute

DEMO_TODAY = dt.date(2025, 6, 1)


def test_demo_registry_has_dormant_organisations_and_every_flag(db):
    from django.core.cache import cache

    from qogam.registry.demo.generator import generate

    cache.clear()
    generate(size=4000, seed=19, today=DEMO_TODAY)
    _records, outcome, _seconds = compute(DEMO_TODAY, with_sensitivity=False, trend_years=0)
    totals = outcome.result["totals"]
    living = totals["total"] - totals["liquidated"]
    assert totals["dormant"] > 0.015 * totals["total"]
    dormant_facts = Counter(fact.code for state in outcome.states if state.state == "dormant" for fact in state.facts)
    assert dormant_facts["filing.zero"] and dormant_facts["filing.low_spending"]  # both kinds of dormancy
    flags = outcome.result["flags"]
    assert set(flags) == {"state_founder", "state_customer_dependence", "registered_before_grant", "shared_person"}
    for code in ("state_founder", "state_customer_dependence", "registered_before_grant"):
        assert 0.002 * living < flags[code] < 0.05 * living, (code, flags[code])
    assert flags["shared_person"] < 0.05 * living  # a few percent at most, not half the registry
    facts = [f for items in outcome.flags.values() for flag in items if flag.code == "registered_before_grant"
             for f in flag.facts]
    assert any(f.values["same_sphere"] for f in facts)
    dependence = [f for items in outcome.flags.values() for flag in items if flag.code == "state_customer_dependence"
                  for f in flag.facts]
    assert any(str(f.values["source"]).startswith("ГУ «Управление") for f in dependence)  # one named customer
