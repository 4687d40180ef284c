"""Loading the registry in bulk, recomputing and storing the states (real database)."""

import datetime as dt

from conftest import HAND_AS_OF

from qogam.census.load import load_records
from qogam.census.models import CensusRun, OrganizationState
from qogam.census.store import recompute

EXPECTED = {
    "active": ("active", True),
    "dead": ("presumed_dead", False),
    "dormant": ("dormant", False),
    "liquidated_filing": ("liquidated", False),
    "future": ("non_compliant", True),
    "new": ("new", False),
    "grant_no_filings": ("non_compliant", True),
    "religious": ("unclear", False),
    "state_founded": ("active", True),
}


def test_load_reads_every_field_the_census_uses(hand_registry):
    records = {r.key: r for r in load_records()}
    founded = records[hand_registry["state_founded"].id]
    assert founded.legal_form == "public_association" and founded.region == "310000000"
    assert founded.language == "kk+ru" and founded.files_required
    assert founded.registered_on == dt.date(2010, 5, 1)
    filing = next(f for f in founded.filings if f.year == 2020)
    assert filing.income == 10_000_000 and filing.expenses == 9_500_000 and filing.beneficiaries == 10
    assert filing.state_income == 9_000_000
    assert filing.submitted_on == dt.date(2021, 3, 1)
    assert filing.founders[0].startswith("ГУ «Управление")
    liquidated = records[hand_registry["liquidated_filing"].id]
    assert liquidated.register_status == "liquidated" and liquidated.register_status_since == dt.date(2023, 6, 30)
    # Only the detail keys the census reads are loaded: "to" of a status change here.
    assert liquidated.signals[0].detail == {"to": "liquidated"}
    assert not records[hand_registry["religious"].id].files_required
    grant = records[hand_registry["grant_no_filings"].id].signals[0]
    assert (grant.kind, grant.date, grant.amount) == ("grant", dt.date(2025, 5, 1), 5_000_000)
    # A grant's customer, sphere and year are read out of its detail (other keys are not).
    from qogam.registry.models import Signal

    Signal.objects.create(organization_id=founded.key, kind="contract", date=dt.date(2024, 2, 1), amount=1_000,
                          detail={"year": 2024, "customer": "ГУ «Управление образования»", "icnpo": "2 100", "lot": 7})
    contract = next(s for s in {r.key: r for r in load_records([founded.key])}[founded.key].signals
                    if s.kind == "contract")
    assert {k: str(v) for k, v in contract.detail.items()} == {
        "year": "2024", "customer": "ГУ «Управление образования»", "icnpo": "2 100"}
    # Loading a few by id gives the same records.
    one = load_records([founded.key])
    assert len(one) == 1 and sorted(one[0].filings, key=lambda f: f.year) == sorted(founded.filings, key=lambda f: f.year)
    assert len({id(f.founders) for f in one[0].filings}) == 1  # the same founders' text is parsed once


def test_recompute_stores_the_known_state_of_each_organisation(hand_registry):
    done = recompute(HAND_AS_OF, trend_years=3)
    stored = {s.organization_id: s for s in OrganizationState.objects.all()}
    for name, (state, working) in EXPECTED.items():
        row = stored[hand_registry[name].id]
        assert (row.state, row.working) == (state, working), name
    assert stored[hand_registry["dead"].id].liquidation_candidate
    assert stored[hand_registry["dead"].id].silent_years == 10
    flags = {f["code"] for f in stored[hand_registry["state_founded"].id].flags}
    assert flags == {"state_founder", "state_customer_dependence"}
    assert stored[hand_registry["state_founded"].id].flag_codes == ",state_founder,state_customer_dependence,"
    run = CensusRun.objects.get()
    assert run.as_of == HAND_AS_OF and run.result["totals"]["total"] == len(EXPECTED)
    assert run.result["totals"]["working"] == sum(1 for _s, w in EXPECTED.values() if w)
    assert run.result["anomalies"]["anomaly.filing_after_liquidation"] == 3
    assert run.result["anomalies"]["anomaly.future_filing"] == 1
    assert len(run.result["trends"]) == 3
    assert set(done.timing) >= {"load_seconds", "states_seconds", "write_seconds", "recompute_seconds"}


def test_recompute_replaces_the_previous_states(hand_registry):
    recompute(HAND_AS_OF, trend_years=0)
    hand_registry["active"].filings.filter(year=2025).delete()
    recompute(HAND_AS_OF, trend_years=0)
    assert OrganizationState.objects.count() == len(EXPECTED)
    assert OrganizationState.objects.get(organization=hand_registry["active"]).state == "non_compliant"
    assert CensusRun.objects.count() == 2


def _table() -> dict[int, tuple]:
    fields = ("state", "working", "recent_activity", "liquidation_candidate", "silent_years", "last_filing_year",
              "flags", "flag_codes", "region", "legal_form", "icnpo_group", "registration_year", "language")
    return {row[0]: row[1:] for row in OrganizationState.objects.values_list("organization_id", *fields)}


def test_recompute_writes_only_the_states_that_changed(hand_registry):
    first = recompute(HAND_AS_OF, trend_years=0)
    assert first.written.inserted == len(EXPECTED) and first.written.rewritten
    again = recompute(HAND_AS_OF, trend_years=0)
    assert (again.written.inserted, again.written.deleted, again.written.unchanged) == (0, 0, len(EXPECTED))
    before = _table()
    hand_registry["active"].filings.filter(year=2025).delete()
    type(hand_registry["new"]).objects.filter(pk=hand_registry["new"].pk).update(registered_on=dt.date(2026, 9, 1))
    changed = recompute(HAND_AS_OF, trend_years=0)
    assert (changed.written.inserted, changed.written.deleted) == (1, 2) and not changed.written.rewritten
    after = _table()
    assert after[hand_registry["active"].id][0] == "non_compliant" and hand_registry["new"].id not in after
    assert {k: v for k, v in before.items() if k not in (hand_registry["active"].id, hand_registry["new"].id)} == \
        {k: v for k, v in after.items() if k != hand_registry["active"].id}
    # What is stored equals what a full rewrite stores.
    OrganizationState.objects.all().delete()
    recompute(HAND_AS_OF, trend_years=0)
    assert _table() == after


def test_an_earlier_as_of_date_gives_the_states_of_then(hand_registry):
    recompute(dt.date(2023, 1, 10), trend_years=0)
    stored = {s.organization_id: (s.state, s.working) for s in OrganizationState.objects.all()}
    # Liquidated on 30.06.2023; in January its filings for 2017–2020 were missing and 2021 was in.
    assert stored[hand_registry["liquidated_filing"].id] == ("non_compliant", True)
    assert hand_registry["new"].id not in stored  # registered in 2025: not yet in the census
    run = CensusRun.objects.get()
    assert run.result["excluded_registered_after_as_of"] == 1
