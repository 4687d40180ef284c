"""Counts, breakdowns, sensitivity and trends of a hand-built registry, and their text/CSV/JSON."""

import csv
import datetime as dt
import io
import json

from census_builders import AS_OF, filed, org, signal, zero

from qogam.census import report
from qogam.census.tabulate import census


def registry():
    return [
        org(1, filings=[filed(y) for y in range(2016, 2026)], region="310000000", legal_form="public_fund",
            icnpo_group="4", language="kk+ru"),
        org(2, registered="2016-05-20", region="310000000", legal_form="public_fund", icnpo_group="4", language="ru"),
        org(3, filings=[filed(y) for y in range(2016, 2023)] + [zero(y) for y in (2023, 2024, 2025)],
            region="750000000", legal_form="public_association", language="kk"),
        org(4, filings=[filed(y) for y in range(2016, 2024)], signals=[signal("head_change", "2025-02-01")],
            region="750000000", legal_form="public_association"),
        org(5, registered="2026-07-01", region="750000000"),  # after the as-of date
        org(6, filings=[filed(y) for y in range(2016, 2025)], register_status="liquidated",
            register_status_since=dt.date(2025, 5, 5), region="310000000"),
    ]


def test_counts_and_breakdowns():
    outcome = census(registry(), AS_OF, trend_years=0, with_sensitivity=False)
    result = outcome.result
    assert result["excluded_registered_after_as_of"] == 1
    totals = result["totals"]
    assert (totals["total"], totals["active"], totals["presumed_dead"], totals["dormant"], totals["non_compliant"],
            totals["liquidated"], totals["working"]) == (5, 1, 1, 1, 1, 1, 2)
    jambyl = result["breakdowns"]["region"]["310000000"]
    assert (jambyl["total"], jambyl["active"], jambyl["presumed_dead"], jambyl["liquidated"]) == (3, 1, 1, 1)
    assert result["breakdowns"]["language"][""]["total"] == 2
    assert result["breakdowns"]["registration_year"]["2016"]["presumed_dead"] == 1
    assert result["breakdowns"]["icnpo_group"][""]["total"] == 3
    assert result["liquidation_candidates"] == 1
    assert {s.key for s in outcome.states} == {1, 2, 3, 4, 6}


def test_sensitivity_moves_one_threshold_at_a_time():
    result = census(registry(), AS_OF, trend_years=0).result
    rows = {(r["threshold"], r["value"]): r for r in result["sensitivity"]}
    assert rows[("presumed_dead_years", 3)]["is_current"]
    assert rows[("recent_years", 1)]["working"] == 1  # the head change (16 months ago) is no longer recent
    assert rows[("recent_years", 1)]["working_change"] == -1
    assert rows[("dormant_zero_years", 4)]["states"]["dormant"] == 0
    moved = {(row["threshold"], row["value"]): dict(m) for row, m in report.sensitivity_moves(result["sensitivity"])}
    assert moved[("dormant_zero_years", 4)] == {"dormant": -1, "unclear": 1}
    assert moved[("presumed_dead_years", 3)] == {}


def test_trends_by_year():
    result = census(registry(), AS_OF, trend_years=3, with_sensitivity=False).result
    years = {row["year"]: row for row in result["trends"]}
    assert sorted(years) == [2024, 2025, 2026]
    assert years[2025]["liquidations"] == 1 and years[2026]["registrations"] == 0
    assert years[2026]["registered"] == 4 and years[2026]["working"] == 2 and years[2026]["working_share"] == 0.5
    assert years[2024]["registered"] == 5  # the liquidation of 2025 had not happened


def test_text_csv_json_agree():
    result = census(registry(), AS_OF, trend_years=2).result
    data = json.loads(report.to_json(result, "en"))
    assert data["totals"] == result["totals"] and data["definitions"]["states"]["active"]["name"] == "Active"
    assert "timing" not in data
    rows = list(csv.DictReader(io.StringIO(report.to_csv(result, "kk"))))
    working = next(r for r in rows if r["section"] == "state" and r["key"] == "working")
    assert int(working["value"]) == 2 and working["name"] == "Жұмыс істеп тұрған ҮЕҰ"
    text = report.to_text(result, "ru", ("region", "legal_form"))
    assert "Жамбылская область" in text and "Общественное объединение" in text
    assert "Не учтены (зарегистрированы после даты расчёта): 1" in text
