"""`qogam classify`: text, file and CSV input; JSON, JSON Lines and CSV output; clear errors."""

import csv
import io
import json
import subprocess
import sys

import pytest

from qogam.cli import main


def run_cli(capsys, *argv):
    code = main(["classify", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_one_text_gives_one_json_object(capsys):
    code, out, _ = run_cli(capsys, "Оказание социальной помощи детям-сиротам")
    assert code == 0
    data = json.loads(out)
    assert data["primary_group"] == "4"
    assert data["spheres"] == ["7", "8"]
    assert data["method"] == "hybrid" and data["primary_method"] == "rules"
    assert data["groups"][0]["code"] == "4" and data["groups"][0]["method"] == "rules"


def test_a_text_file_is_read(tmp_path, capsys):
    path = tmp_path / "goals.txt"
    path.write_text("Развитие массового спорта\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, str(path))
    assert code == 0 and json.loads(out)["primary_group"] == "1"


def test_a_missing_file_is_a_clear_error(capsys):
    code, out, err = run_cli(capsys, "no/such/charter.docx")
    assert code == 2 and out == ""
    assert "no/such/charter.docx: no such file" in err


def test_empty_text_gives_null(capsys):
    code, out, _ = run_cli(capsys, "")
    assert code == 0 and json.loads(out)["primary_group"] is None


def test_csv_output_for_one_text(capsys):
    code, out, _ = run_cli(capsys, "--format", "csv", "Защита прав потребителей")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 1
    assert rows[0]["primary_group"] == "7"
    assert rows[0]["subgroups"] == "7 200:1.0"
    assert "Защита прав потребителей" in rows[0]["evidence"]


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8", ","), ("utf-8-sig", ";"), ("cp1251", ";"), ("cp1251", "\t")],
)
def test_csv_input_gives_json_lines_in_order(tmp_path, capsys, encoding, delimiter):
    path = tmp_path / "goals.csv"
    lines = [
        ["id", "Цели"],
        ["1", "Развитие массового спорта"],
        ["2", ""],
        ["3", "Охрана окружающей среды, экология"],
    ]
    path.write_bytes("\n".join(delimiter.join(line) for line in lines).encode(encoding))
    code, out, _ = run_cli(capsys, "--csv", str(path), "--column", "Цели")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["row"] for r in records] == [1, 2, 3]
    assert [r["primary_group"] for r in records] == ["1", None, "5"]


def test_csv_input_with_csv_output(tmp_path, capsys):
    path = tmp_path / "goals.csv"
    path.write_text("text\nРазвитие спорта\nСтроительство мечети\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "--csv", str(path), "--column", "text", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert [(r["row"], r["primary_group"]) for r in rows] == [("1", "1"), ("2", "10")]


def test_a_missing_column_lists_the_columns(tmp_path, capsys):
    path = tmp_path / "goals.csv"
    path.write_text("id;Цели;Регион\n1;Спорт;Алматы\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "--csv", str(path), "--column", "goals")
    assert code == 2 and out == ""
    assert "no column «goals»" in err and "«id», «Цели», «Регион»" in err


def test_an_empty_csv_is_a_clear_error(tmp_path, capsys):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    code, _, err = run_cli(capsys, "--csv", str(path), "--column", "text")
    assert code == 2 and "the file is empty" in err


def test_column_without_csv_is_refused(capsys):
    code, _, err = run_cli(capsys, "--column", "text", "Спорт")
    assert code == 2 and "--column goes with --csv" in err


def test_lemmas_show_what_the_patterns_see(capsys):
    code, out, _ = run_cli(capsys, "--lemmas", "Помощь детям-сиротам")
    assert code == 0
    assert json.loads(out) == {"lemmas": {"ru": "помощь ребенок сирота ребенок-сирота |"}}


def test_the_installed_entry_point_reads_stdin():
    result = subprocess.run(
        [sys.executable, "-m", "qogam", "classify", "-"],
        input="Жетім балаларға әлеуметтік көмек көрсету",
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["primary_group"] == "4"


def test_method_rules_gives_the_rules_alone(capsys):
    code, out, _ = run_cli(capsys, "--method", "rules", "Оказание социальной помощи детям-сиротам")
    data = json.loads(out)
    assert code == 0 and data["method"] == "rules"
    assert "primary_method" not in data and "method" not in data["groups"][0]


def test_an_unknown_method_is_refused(capsys):
    with pytest.raises(SystemExit) as exc:
        run_cli(capsys, "--method", "model", "Спорт")
    assert exc.value.code == 2
    assert "invalid choice: 'model'" in capsys.readouterr().err


def test_json_lines_say_which_method_made_each_label(tmp_path, capsys, tiny_model):
    path = tmp_path / "goals.csv"
    path.write_text("text\nРазвитие спорта и охрана леса\nПомощь пенсионерам\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "--csv", str(path), "--column", "text")
    first, second = (json.loads(line) for line in out.splitlines())
    assert code == 0 and first["method"] == "hybrid"
    assert [(g["code"], g["method"]) for g in first["groups"]] == [("1", "rules"), ("5", "model")]
    assert any(e["role"] == "model" and e["text"] == "леса" for e in first["evidence"])
    assert second["groups"] == [] and [d["code"] for d in second["dropped"]] == ["4"]
    assert second["primary_method"] == "model"


def test_csv_output_says_which_method_made_each_label(tmp_path, capsys, tiny_model):
    path = tmp_path / "goals.csv"
    path.write_text("text\nРазвитие спорта и охрана леса\nПомощь пенсионерам\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "--csv", str(path), "--column", "text", "--format", "csv")
    first, second = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and first["method"] == "hybrid" and first["primary_method"] == "rules"
    assert first["group_methods"] == "1:rules;5:model"
    assert "5: леса [" in first["evidence"] and "(model: ru:лес)" in first["evidence"]
    assert second["group_methods"] == "" and second["dropped"].startswith("4:")
    _, out, _ = run_cli(capsys, "--format", "csv", "--method", "rules", "Развитие спорта")
    (row,) = csv.DictReader(io.StringIO(out))
    assert row["method"] == "rules" and row["group_methods"] == "1:rules" and row["dropped"] == ""


def test_a_text_too_long_for_a_file_name_is_classified_as_text(capsys):
    text = "Охрана окружающей среды и очистка берегов рек от мусора. " * 6  # over 255 bytes
    code, out, err = run_cli(capsys, text)
    assert code == 0, err
    assert json.loads(out)["primary_group"] == "5"
