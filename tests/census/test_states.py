"""Hand-built organisations whose right state is known, including the edge cases of issue #6."""

import datetime as dt

import pytest
from census_builders import AS_OF, d, filed, org, signal, zero

from qogam.census.definitions import load
from qogam.census.states import classify, compute_states, last_due_year, prepare


def state_of(record, as_of=AS_OF, **overrides):
    definitions = load()
    thresholds = definitions.thresholds.replace(**overrides)
    return classify(prepare(record, as_of), thresholds)


def codes(facts):
    return [f.code for f in facts]


def test_last_due_year_turns_on_1_april():
    assert last_due_year(d("2026-03-31")) == 2024
    assert last_due_year(d("2026-04-01")) == 2025
    assert last_due_year(d("2026-06-01"), grace_days=90) == 2024


def test_liquidated_with_its_date():
    result = state_of(org(1, register_status="liquidated", register_status_since=d("2022-02-03")))
    assert result.state == "liquidated"
    assert result.facts[0].code == "register.liquidated"
    assert result.facts[0].date == d("2022-02-03")
    assert not result.working


def test_liquidated_ngo_that_keeps_filing_stays_liquidated_and_the_filings_are_anomalies():
    record = org(2, register_status="liquidated", register_status_since=d("2023-06-30"),
                 filings=[filed(2022), filed(2023), filed(2024), filed(2025)])
    result = state_of(record)
    assert result.state == "liquidated"
    after = [a for a in result.anomalies if a.code == "anomaly.filing_after_liquidation"]
    assert sorted(a.values["year"] for a in after) == [2023, 2024, 2025]


def test_in_liquidation():
    result = state_of(org(3, register_status="in_liquidation", register_status_since=d("2026-01-15"),
                          filings=[filed(y) for y in range(2016, 2026)]))
    assert result.state == "in_liquidation"
    assert result.facts[0].date == d("2026-01-15")


def test_registered_less_than_a_year_ago_is_new():
    result = state_of(org(4, registered="2025-07-01"))
    assert result.state == "new"
    assert result.facts[0].code == "register.registered"
    assert not result.working  # new without activity is not counted as working


def test_new_with_a_grant_is_working():
    result = state_of(org(5, registered="2025-09-01", signals=[signal("grant", "2026-02-01")]))
    assert result.state == "new"
    assert result.working


def test_no_filings_registered_ten_years_ago_is_presumed_dead_and_a_liquidation_candidate():
    result = state_of(org(6, registered="2016-05-20"))
    assert result.state == "presumed_dead"
    missing = [f.values["year"] for f in result.facts if f.code == "filing.missing"]
    assert missing == list(range(2016, 2026))
    assert "filing.none" in codes(result.facts)
    assert result.silent_years == 10
    assert result.liquidation_candidate
    # Every missing year is dated with its deadline.
    assert all(f.date == dt.date(f.values["year"] + 1, 3, 31) for f in result.facts if f.code == "filing.missing")


def test_three_missing_years_after_a_filing_history():
    result = state_of(org(7, filings=[filed(y) for y in range(2016, 2023)]))
    assert result.state == "presumed_dead"
    assert [f.values["year"] for f in result.facts if f.code == "filing.missing"] == [2023, 2024, 2025]
    last = next(f for f in result.facts if f.code == "filing.last")
    assert last.values["year"] == 2022 and last.date == d("2023-03-01")
    assert not result.liquidation_candidate  # silent 3 years, candidates need 5


def test_a_grant_during_the_silent_years_means_non_compliant_and_working():
    record = org(8, filings=[filed(y) for y in range(2016, 2023)], signals=[signal("grant", "2025-04-10")])
    result = state_of(record)
    assert result.state == "non_compliant"
    assert result.working
    assert codes(result.facts)[0] == "filing.overdue"
    assert "signal.grant" in codes(result.facts)


def test_files_every_year_with_activity_is_active():
    result = state_of(org(9, filings=[filed(y) for y in range(2016, 2026)]))
    assert result.state == "active"
    assert result.facts[0].code == "filing.activity"
    assert result.facts[0].values["year"] == 2025
    assert result.working


def test_latest_filing_overdue_is_non_compliant_but_working_with_recent_activity():
    result = state_of(org(10, filings=[filed(y) for y in range(2016, 2025)]))
    assert result.state == "non_compliant"
    assert result.facts[0].code == "filing.overdue"
    assert result.facts[0].values["year"] == 2025
    assert result.facts[0].date == d("2026-03-31")
    assert result.working


def test_two_of_the_last_five_missing_is_non_compliant_even_with_the_latest_in():
    result = state_of(org(11, filings=[filed(2021), filed(2023), filed(2025)]))
    assert result.state == "non_compliant"
    assert "filing.overdue" not in codes(result.facts)
    count = next(f for f in result.facts if f.code == "filing.missing_count")
    assert count.values == {"missing": 2, "window": 5}
    # One missing year only is not enough.
    assert state_of(org(12, filings=[filed(y) for y in range(2021, 2026) if y != 2022])).state == "active"


def test_zero_filings_for_three_years_is_dormant():
    record = org(13, filings=[filed(2016), filed(2021), filed(2022), zero(2023), zero(2024), zero(2025)])
    result = state_of(record)
    assert result.state == "dormant"
    assert [f.values["year"] for f in result.facts if f.code == "filing.zero"] == [2023, 2024, 2025]
    assert not result.working


def test_a_grant_interrupts_dormancy():
    record = org(14, filings=[filed(2022), zero(2023), zero(2024), zero(2025)], signals=[signal("grant", "2025-05-01")])
    result = state_of(record)
    assert result.state == "active"
    assert result.facts[0].code == "signal.grant"


def test_spending_under_thirty_percent_for_five_years_is_dormant():
    filings = [filed(y, income=10_000_000, expenses=2_000_000) for y in range(2021, 2026)]
    result = state_of(org(15, filings=filings))
    assert result.state == "dormant"
    low = [f for f in result.facts if f.code == "filing.low_spending"]
    assert len(low) == 5 and low[0].values["share"] == pytest.approx(0.2)
    # Four years of hoarding are not enough.
    filings[0] = filed(2021, income=10_000_000, expenses=9_000_000)
    assert state_of(org(16, filings=filings)).state == "active"


def test_a_filing_in_the_future_is_ignored_and_reported():
    record = org(17, filings=[filed(y) for y in range(2016, 2025)] + [filed(2025, submitted="2026-07-15")])
    result = state_of(record)
    assert result.state == "non_compliant"  # 2025 not in on the as-of date
    future = [a for a in result.anomalies if a.code == "anomaly.future_filing"]
    assert len(future) == 1 and future[0].values["year"] == 2025 and future[0].date == d("2026-07-15")
    # The same record a year later: the filing counts.
    assert state_of(record, as_of=d("2026-08-01")).state == "active"


def test_a_filing_for_a_year_not_over_is_ignored():
    record = org(18, filings=[filed(y) for y in range(2016, 2026)] + [filed(2026, submitted="2026-05-01")])
    result = state_of(record)
    assert result.state == "active"
    assert [a.code for a in result.anomalies] == ["anomaly.year_not_over"]


def test_two_filings_for_one_year_use_the_later_one():
    first = zero(2025)
    later = filed(2025, submitted="2026-05-10")
    history = [filed(y) for y in range(2016, 2023)]
    record = org(19, filings=[*history, zero(2023), zero(2024), first, later])
    result = state_of(record)
    assert result.state == "active"  # the corrected 2025 filing shows activity
    duplicate = [a for a in result.anomalies if a.code == "anomaly.duplicate_filing"]
    assert len(duplicate) == 1 and duplicate[0].date == d("2026-05-10")
    # Order of the rows does not matter.
    assert state_of(org(20, filings=[*history, zero(2023), zero(2024), later, first])).state == "active"


def test_two_filings_submitted_in_one_calendar_year_count_for_their_own_years():
    record = org(21, filings=[filed(y) for y in range(2016, 2024)]
                 + [filed(2024, submitted="2026-01-20"), filed(2025, submitted="2026-03-20")])
    result = state_of(record)
    assert result.state == "active"
    assert result.anomalies == []


def test_a_form_without_the_filing_duty_and_no_events_is_unclear():
    result = state_of(org(22, registered="2005-01-01", files_required=False, legal_form="religious_association"))
    assert result.state == "unclear"
    assert codes(result.facts)[:2] == ["filing.not_required", "filing.no_recent_activity"]


def test_register_inactive_mark_means_presumed_dead_until_revoked():
    marked = org(23, filings=[filed(y) for y in range(2016, 2026)],
                 signals=[signal("status_change", "2025-10-01", to="inactive")])
    result = state_of(marked)
    assert result.state == "presumed_dead"
    assert result.facts[0].code == "register.inactive" and result.facts[0].date == d("2025-10-01")
    assert result.liquidation_candidate
    revoked = org(24, filings=[filed(y) for y in range(2016, 2026)],
                  signals=[signal("status_change", "2025-10-01", to="inactive"),
                           signal("status_change", "2026-02-01", to="registered")])
    assert state_of(revoked).state == "active"
    # Before the mark, the organisation was active.
    assert state_of(marked, as_of=d("2025-09-01")).state == "active"


def test_a_liquidation_after_the_as_of_date_is_not_yet_known():
    record = org(25, filings=[filed(y) for y in range(2016, 2025)],
                 register_status="liquidated", register_status_since=d("2026-05-01"),
                 signals=[signal("status_change", "2025-11-01", to="in_liquidation"),
                          signal("status_change", "2026-05-01", to="liquidated")])
    assert state_of(record).state == "liquidated"
    earlier = state_of(record, as_of=d("2026-01-10"))
    assert earlier.state == "in_liquidation"
    assert "register.status_after_as_of" in codes(earlier.anomalies)
    assert state_of(record, as_of=d("2025-06-01")).state == "active"


def test_registered_after_the_as_of_date_is_excluded():
    states, excluded = compute_states([org(26, registered="2026-07-01"), org(27, registered="2026-05-01")], AS_OF)
    assert excluded == [26]
    assert [s.key for s in states] == [27]


def test_unknown_registration_date_is_reported_and_years_count_from_2016():
    result = state_of(org(28, registered=None))
    assert result.state == "presumed_dead"
    assert result.silent_years == 10
    assert "anomaly.no_registration_date" in codes(result.anomalies)


def test_thresholds_move_states():
    record = org(29, filings=[filed(y) for y in range(2016, 2024)])  # 2024 and 2025 missing
    assert state_of(record).state == "non_compliant"
    assert state_of(record, presumed_dead_years=2).state == "presumed_dead"
    old_activity = org(30, filings=[filed(2016), filed(2017)] + [zero(y) for y in range(2018, 2026)])
    assert state_of(old_activity).state == "dormant"
    assert state_of(old_activity, dormant_zero_years=0, recent_years=9).state == "active"
    assert state_of(old_activity, dormant_zero_years=0).state == "unclear"


def test_grace_days_move_the_deadline():
    record = org(31, filings=[filed(y) for y in range(2016, 2025)])
    april = d("2026-04-15")
    assert state_of(record, as_of=april).state == "non_compliant"
    assert state_of(record, as_of=april, grace_days=30).state == "active"


def test_every_fact_has_a_text_in_three_languages():
    definitions = load()
    records = [
        org(40, register_status="liquidated", register_status_since=d("2022-02-03"), filings=[filed(2024)]),
        org(41, registered="2016-05-20"),
        org(42, filings=[filed(2021, 5, 1), filed(2022, 5, 1), filed(2023, 5, 1), filed(2024, 5, 1), filed(2025, 5, 1)]),
        org(43, filings=[zero(2023), zero(2024), zero(2025), filed(2026, submitted="2026-05-01")]),
        org(44, files_required=False),
    ]
    states, _ = compute_states(records, AS_OF)
    for result in states:
        for fact in result.facts + result.anomalies:
            for lang in ("ru", "kk", "en"):
                text = definitions.fact_text(fact.code, fact.as_text_values(), lang)
                assert text != fact.code and "{" not in text, (fact, lang)
