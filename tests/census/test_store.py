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
    assert liquidated.signals[0].detail == {"from": "registered", "to": "liquidated"}
    assert not records[hand_registry["religious"].id].files_required
    grant = records[hand_registry["grant_no_filings"].id].signals[0]
    assert (grant.kind, grant.date, grant.amount) == ("grant", dt.date(2025, 5, 1), 5_000_000)
    # Loading a few by id gives the same records.
    one = load_records([founded.key])
    assert len(one) == 1 and sorted(one[0].filings, key=lambda f: f.year) == sorted(founded.filings, key=lambda f: f.year)


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


def test_an_earlier_as_of_date_gives_the_states_of_then(hand_registry):
    recompute(dt.date(2023, 1, 10), trend_years=0)
    stored = {s.organization_id: (s.state, s.working) for s in OrganizationState.objects.all()}
    # Liquidated on 30.06.2023; in January its filings for 2017–2020 were missing and 2021 was in.
    assert stored[hand_registry["liquidated_filing"].id] == ("non_compliant", True)
    assert hand_registry["new"].id not in stored  # registered in 2025: not yet in the census
    run = CensusRun.objects.get()
    assert run.result["excluded_registered_after_as_of"] == 1
