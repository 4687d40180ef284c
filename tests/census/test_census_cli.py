"""`qogam census`: numbers with definitions, CSV/JSON, candidates, flags, one organisation, errors."""

import csv
import io
import json
from contextlib import redirect_stderr, redirect_stdout

import pytest
from conftest import HAND_AS_OF

from qogam.cli import main

AS_OF = ["--as-of", HAND_AS_OF.isoformat()]


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(["census", *args])
        except SystemExit as exc:  # argparse errors
            code = exc.code
    return code, out.getvalue(), err.getvalue()


def test_text_prints_each_number_with_its_definition(hand_registry):
    code, out, _err = run(*AS_OF, "--by", "region,language", "--trend-years", "0")
    assert code == 0
    assert "Перепись НПО на 01.06.2026" in out
    dead = next(line for line in out.splitlines() if line.strip().startswith("Предположительно не действует"))
    assert dead.split()[3] == "1" and "за 3 последних отчётных года подряд" in dead
    working = next(line for line in out.splitlines() if line.startswith("= Работающие НПО"))
    assert " 4 " in working and "Действующие, а также" in working
    assert "Жамбылская область" in out and "казахский, русский" in out
    assert "Чувствительность" in out and "presumed_dead_years = 3" in out


def test_json_and_csv_carry_the_same_numbers(hand_registry):
    code, out, _ = run(*AS_OF, "--format", "json", "--trend-years", "2")
    data = json.loads(out)
    assert code == 0 and data["totals"]["dormant"] == 1 and data["totals"]["total"] == 9
    assert data["definitions"]["precedence"][0] == "liquidated"
    assert data["names"]["region"]["310000000"] == "Жамбылская область"
    assert len(data["trends"]) == 2 and data["sensitivity"]
    code, out, _ = run(*AS_OF, "--format", "csv", "--lang", "en")
    rows = list(csv.DictReader(io.StringIO(out)))
    state = {r["key"]: r for r in rows if r["section"] == "state"}
    assert int(state["dormant"]["value"]) == 1 and state["dormant"]["definition"].startswith("Filings for the last 3")
    assert int(state["working"]["value"]) == data["totals"]["working"]
    region = [r for r in rows if r["section"] == "region" and r["key"] == "310000000" and r["measure"] == "total"]
    assert int(region[0]["value"]) == data["breakdowns"]["region"]["310000000"]["total"]
    assert any(r["section"] == "threshold" and r["key"] == "recent_years" for r in rows)


def test_a_threshold_changed_for_one_run(hand_registry):
    _, out, _ = run(*AS_OF, "--format", "json", "--set", "presumed_dead_years=11", "--no-sensitivity")
    data = json.loads(out)
    assert data["thresholds"]["presumed_dead_years"] == 11
    assert data["totals"]["presumed_dead"] == 0 and data["totals"]["non_compliant"] == 3


@pytest.mark.parametrize("args, message", [
    (["--set", "presumed_dead=4"], "не распознан"),
    (["--set", "recent_years=two"], "не число"),
    (["--set", "dormant_low_spending_share=3"], "вне допустимого"),
    (["org"], "укажите БИН"),
    (["org", "12345"], "БИН"),
    (["counts", "123456789012"], "лишний аргумент"),
])
def test_bad_input_is_explained_without_a_traceback(db, args, message):
    code, out, err = run(*args)
    assert code == 2 and message in err and "Traceback" not in err + out


def test_bad_date_is_refused(db):
    code, _out, err = run("--as-of", "31.03.2026")
    assert code == 2 and "ГГГГ-ММ-ДД" in err


def test_org_shows_state_evidence_and_history(hand_registry):
    code, out, _ = run("org", hand_registry["future"].bin, *AS_OF)
    assert code == 0
    assert "Нарушает сроки отчётности — 01.06.2026; Работающие НПО" in out
    assert "Отчёт за 2025 год просрочен: срок 31.03.2026 прошёл" in out
    assert "! Отчёт за 2025 год с датой 15.07.2026 — позже даты расчёта, не учтён" in out
    assert "31.12.2024  Действует ✓" in out
    code, out, _ = run("org", hand_registry["dead"].bin, *AS_OF, "--format", "json")
    data = json.loads(out)
    assert data["state"] == "presumed_dead" and data["liquidation_candidate"]
    assert "Нет отчёта за 2016 год (срок — 31.03.2017)" in data["facts_text"]


def test_candidates_and_flags(hand_registry):
    code, out, _ = run("candidates", *AS_OF)
    rows = list(csv.reader(io.StringIO(out)))
    assert code == 0 and len(rows) == 2 and rows[1][0] == hand_registry["dead"].bin
    code, out, _ = run("flags", *AS_OF, "--format", "json")
    data = json.loads(out)
    assert {f["flag"] for f in data["flags"]} == {"state_founder", "state_customer_dependence"}
    assert "не обвинения" in data["disclaimer"]
    code, out, _ = run("flags", *AS_OF, "--flag", "nonsense")
    assert code == 2


def test_recompute_and_definitions(hand_registry):
    code, out, _ = run("recompute", *AS_OF, "--trend-years", "0")
    assert code == 0 and "9 организаций" in out and "запись" in out
    code, out, _ = run("definitions", "--lang", "kk")
    assert code == 0 and "Қызметін тоқтатқан деп болжанады (presumed_dead)" in out and "presumed_dead_years = 3" in out


def test_output_file(hand_registry, tmp_path):
    target = tmp_path / "census.csv"
    code, out, err = run(*AS_OF, "--format", "csv", "-o", str(target))
    assert code == 0 and out == "" and target.read_text(encoding="utf-8").startswith("as_of,section")
