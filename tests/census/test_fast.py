"""The numpy counter decides exactly what the reference ``classify`` decides."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qogam.census import fast
from qogam.census.definitions import STATE_CODES, load
from qogam.census.records import FilingRecord, OrgRecord, SignalRecord
from qogam.census.states import classify, prepare

# Dates on the boundaries the rules use (year starts, deadlines, the as-of anniversaries) come up often.
BOUNDARIES = [dt.date(y, m, dd) for y in range(2012, 2028) for (m, dd) in ((1, 1), (3, 31), (4, 1), (6, 1), (12, 31))]
DAY = st.one_of(st.dates(min_value=dt.date(2012, 1, 1), max_value=dt.date(2027, 12, 31)), st.sampled_from(BOUNDARIES))
AS_OF = st.one_of(st.dates(dt.date(2016, 1, 1), dt.date(2027, 6, 30)), st.sampled_from([b for b in BOUNDARIES if b.year >= 2016]))
MONEY = st.sampled_from([None, 0.0, 1.0, 500_000.0, 2_000_000.0])

filings = st.builds(
    FilingRecord,
    year=st.integers(2012, 2027),
    submitted_on=st.one_of(st.none(), DAY),
    income=MONEY,
    expenses=MONEY,
    beneficiaries=st.sampled_from([None, 0, 5]),
)
signals = st.builds(
    SignalRecord,
    kind=st.sampled_from(["grant", "contract", "head_change", "charter_change", "name_change", "status_change"]),
    date=st.one_of(st.none(), DAY),
    detail=st.one_of(st.none(), st.fixed_dictionaries(
        {"to": st.sampled_from(["inactive", "registered", "liquidated", "in_liquidation", "other"])})),
)


@st.composite
def registries(draw):
    size = draw(st.integers(1, 25))
    records = []
    for key in range(size):
        records.append(OrgRecord(
            key=key,
            registered_on=draw(st.one_of(st.none(), st.dates(dt.date(1995, 1, 1), dt.date(2027, 1, 1)), DAY)),
            register_status=draw(st.sampled_from(["registered", "registered", "in_liquidation", "liquidated"])),
            register_status_since=draw(st.one_of(st.none(), DAY)),
            files_required=draw(st.booleans()),
            filings=draw(st.lists(filings, max_size=8)),
            signals=draw(st.lists(signals, max_size=4)),
        ))
    return records


thresholds = st.fixed_dictionaries({
    "presumed_dead_years": st.integers(0, 6),
    "non_compliant_window": st.integers(0, 6),
    "non_compliant_missing": st.integers(0, 3),
    "grace_days": st.sampled_from([0, 1, 90, 400]),
    "dormant_zero_years": st.integers(0, 4),
    "dormant_low_spending_share": st.sampled_from([0.0, 0.3, 0.9]),
    "dormant_low_spending_years": st.integers(0, 5),
    "recent_years": st.integers(0, 4),
    "new_months": st.integers(0, 30),
    "first_reporting_year": st.sampled_from([2014, 2016, 2019]),
})


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(records=registries(), changes=thresholds, as_of=AS_OF)
def test_fast_equals_reference(records, changes, as_of):
    definitions = load()
    th = definitions.thresholds.replace(**changes)
    flat = fast.flatten(records, definitions)
    snap = fast.snapshot(flat, as_of, base_year=2014)
    state, working = fast.decide(snap, th, definitions)
    for i, record in enumerate(records):
        prepared = prepare(record, as_of, definitions)
        assert snap.counted[i] == (not prepared.excluded)
        if prepared.excluded:
            continue
        expected = classify(prepared, th, definitions, with_facts=False)
        assert (STATE_CODES[state[i]], bool(working[i])) == (expected.state, expected.working), (record, th)


def test_special_records_are_few_in_a_plain_registry():
    definitions = load()
    records = [OrgRecord(key=1, registered_on=dt.date(2010, 1, 1),
                         filings=[FilingRecord(2020), FilingRecord(2020)]),
               OrgRecord(key=2, registered_on=dt.date(2010, 1, 1),
                         signals=[SignalRecord("status_change", dt.date(2020, 1, 1), {"to": "inactive"})])]
    flat = fast.flatten(records, definitions)
    assert flat.special.tolist() == [True, False]
