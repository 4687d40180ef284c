"""`qogam check` as a user runs it: exit codes, JSON Lines, and clear errors on bad input."""

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import qogam

SAMPLE = Path(qogam.__file__).parent / "samples" / "sample_charter.docx"


def qogam_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qogam", *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def test_sample_check_exits_1_with_errors():
    run = qogam_cli("check", "--sample")
    assert run.returncode == 1
    assert "territory.status-conflict" in run.stdout


def test_several_files_give_json_lines_in_order(tmp_path):
    clean = Path(__file__).resolve().parents[1] / "eval" / "charters" / "clean" / "01_oo_local_zhambyl_youth.txt"
    run = qogam_cli("check", str(SAMPLE), str(clean), "--format", "json")
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert [Path(line["file"]).name for line in lines] == [SAMPLE.name, clean.name]
    assert run.returncode == 1


def test_region_question(tmp_path):
    run = qogam_cli("check", str(SAMPLE), "--region", "310000000", "--format", "json")
    rules = [f["rule"] for f in json.loads(run.stdout)["findings"]]
    assert "territory.outside-scope" in rules
    run = qogam_cli("check", str(SAMPLE), "--region", "350000000", "--format", "json")
    rules = [f["rule"] for f in json.loads(run.stdout)["findings"]]
    assert "territory.outside-scope" not in rules


def test_annotate_writes_a_docx_with_comments(tmp_path):
    out = tmp_path / "checked.docx"
    run = qogam_cli("check", str(SAMPLE), "--annotate", str(out))
    assert run.returncode == 1
    with zipfile.ZipFile(out) as zf:
        assert "word/comments.xml" in zf.namelist()


def _bad_inputs(tmp: Path) -> dict[str, Path]:
    files = {}
    (tmp / "empty.docx").write_bytes(b"")
    files["empty"] = tmp / "empty.docx"
    half = SAMPLE.read_bytes()
    (tmp / "truncated.docx").write_bytes(half[: len(half) // 2])
    files["truncated"] = tmp / "truncated.docx"
    (tmp / "photo.docx").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 200)
    files["jpeg renamed"] = tmp / "photo.docx"
    (tmp / "program.docx").write_bytes(b"\x7fELF" + bytes(range(256)) * 8)
    files["executable renamed"] = tmp / "program.docx"
    huge = tmp / "huge.txt"
    with huge.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)
    files["200 MB"] = huge
    return files


@pytest.mark.parametrize("kind", ["empty", "truncated", "jpeg renamed", "executable renamed", "200 MB"])
def test_unreadable_input_gives_one_clear_line_and_exit_2(tmp_path, kind):
    path = _bad_inputs(tmp_path)[kind]
    run = qogam_cli("check", str(path))
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert path.name in run.stderr


def test_missing_file(tmp_path):
    run = qogam_cli("check", str(tmp_path / "nope.docx"))
    assert run.returncode == 2 and "nope.docx" in run.stderr and "Traceback" not in run.stderr


def test_a_contract_is_reported_as_not_a_charter(tmp_path):
    contract = tmp_path / "contract.txt"
    contract.write_text("ДОГОВОР ПОСТАВКИ № 12\nг. Алматы\nПоставщик обязуется передать товар, а Покупатель оплатить его.\n", encoding="utf-8")
    run = qogam_cli("check", str(contract), "--format", "json")
    assert [f["rule"] for f in json.loads(run.stdout)["findings"]] == ["document.not-a-charter"]
    assert run.returncode == 1


def test_unknown_sphere_is_a_clear_error():
    run = qogam_cli("check", str(SAMPLE), "--sphere", "99")
    assert run.returncode == 2 and "Traceback" not in run.stderr and "99" in run.stderr
