"""One batch task with the real charter check: a row for every outcome, never an exception."""

import csv
import json
import os

from qogam.batch import check_task, content_hash, render_overview, write_reports
from qogam.batch.journal import Journal

from .conftest import charter_variant


def test_a_charter_gives_a_full_row(tmp_path):
    path = tmp_path / "устав.txt"
    path.write_text(charter_variant(0), encoding="utf-8")
    row = check_task(str(path), content_hash(path), {"lang": "ru"})
    assert row["status"] in ("pass", "fail") and row["exit_code"] == (row["status"] == "fail")
    assert row["legal_form"] == "public_association" and row["territorial_status"] == "local"
    assert row["regions"] and all(len(code) == 9 for code in row["regions"])
    assert sum(row["counts"].values()) == len(row["result"]["findings"]) == sum(row["rules"].values())
    assert row["top_rules"] == list(row["rules"])[: len(row["top_rules"])]
    assert row["error"] is None and row["seconds"] > 0
    json.dumps(row)  # it travels between processes and into results.jsonl


def test_unreadable_file_is_an_error_row(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"\x00" * 500)
    row = check_task(str(path), content_hash(path), {"lang": "ru"})
    assert row["status"] == "error" and row["exit_code"] == 2
    assert row["error"]["code"].startswith("document.")
    assert "scan.pdf" in row["error"]["message"]


def test_file_gone_before_the_task(tmp_path):
    path = tmp_path / "gone.txt"
    path.write_text(charter_variant(1), encoding="utf-8")
    sha = content_hash(path)
    path.unlink()
    row = check_task(str(path), sha, {})
    assert row["status"] == "error" and row["error"]["code"] == "document.missing"


def test_file_changed_after_listing(tmp_path):
    path = tmp_path / "changing.txt"
    path.write_text(charter_variant(2), encoding="utf-8")
    sha = content_hash(path)
    path.write_text(charter_variant(3), encoding="utf-8")
    row = check_task(str(path), sha, {})
    assert row["status"] == "error" and row["error"]["code"] == "batch.file-changed"


def test_reports_from_the_journal(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    journal = Journal.open(tmp_path / "out")
    for n in range(2):
        path = folder / f"{n}.txt"
        path.write_text(charter_variant(n), encoding="utf-8")
        journal.append(check_task(str(path), content_hash(path), {}))
    bad = folder / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 nonsense")
    journal.append(check_task(str(bad), content_hash(bad), {}))
    first = journal.all_rows()[0]
    journal.append({"sha256": first["sha256"], "path": str(folder / "copy.txt"), "status": "duplicate",
                    "duplicate_of": first["path"]})
    csv_path, html_path = write_reports(tmp_path / "out")
    with csv_path.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 4
    by_name = {r["path"].rsplit("/", 1)[-1]: r for r in rows}
    assert by_name["bad.pdf"]["status"] == "error" and by_name["bad.pdf"]["error_code"].startswith("document.")
    assert by_name["copy.txt"]["duplicate_of"].endswith(first["path"].rsplit("/", 1)[-1])
    assert by_name["copy.txt"]["status"] == first["status"]
    assert by_name["0.txt"]["legal_form"] == "public_association" and by_name["0.txt"]["regions"]
    html = html_path.read_text(encoding="utf-8")
    assert "Замечания по правилам" in html and "bad.pdf" in html and "<script" not in html
    for slug in first["rules"]:
        assert slug in html
    assert "Карагандинская" in html or "350000000" in html


def test_overview_of_an_empty_journal():
    html = render_overview([])
    assert "нет · жоқ · none" in html


def test_tesseract_started_by_a_task_runs_with_the_default_malloc(tmp_path, monkeypatch):
    # Dask starts workers with MALLOC_TRIM_THRESHOLD_=65536; Tesseract then costs ~6 % more CPU.
    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "65536")
    path = tmp_path / "charter.txt"
    path.write_text(charter_variant(1), encoding="utf-8")
    assert check_task(str(path), content_hash(path))["status"] in ("pass", "fail")
    assert "MALLOC_TRIM_THRESHOLD_" not in os.environ


def test_the_local_cluster_starts_its_workers_without_the_trim_threshold():
    import dask
    from distributed.nanny import _get_env_variables

    from qogam.batch.runner import LOCAL_WORKER_CONFIG

    assert "MALLOC_TRIM_THRESHOLD_" in _get_env_variables("distributed.nanny.pre-spawn-environ")
    with dask.config.set(LOCAL_WORKER_CONFIG):
        environ = _get_env_variables("distributed.nanny.pre-spawn-environ")
    assert "MALLOC_TRIM_THRESHOLD_" not in environ and environ["OMP_NUM_THREADS"] == "1"
