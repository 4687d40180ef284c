"""A batch on a real Dask LocalCluster with the real charter check."""

import csv
import json
import shutil

import pytest

from qogam.batch import BatchError, default_workers, run_batch
from qogam.cli import main


def journal_rows(out):
    return [json.loads(line) for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.mark.slow
def test_folder_with_a_scan_a_bad_file_a_copy_and_a_file_that_disappears(make_folder, tmp_path):
    folder = make_folder(texts=5, scans=("ru_title_stamped.png",), bad=True)
    shutil.copy(folder / "устав_000.txt", folder / "копия.txt")
    gone = folder / "устав_004.txt"
    out = tmp_path / "out"

    def on_result(row):  # one task at a time: the last file vanishes before its turn
        if gone.exists():
            gone.unlink()

    summary = run_batch([folder], out, workers=2, window=1, progress=False, on_result=on_result)
    assert summary.files == 8 and summary.duplicates == 1 and summary.workers == 2
    assert summary.recorded == 7 and summary.submitted == 7
    rows = journal_rows(out)
    assert len(rows) == 8 and len({r["sha256"] for r in rows if r["status"] != "duplicate"}) == 7
    by_name = {r["name"]: r for r in rows}
    assert by_name["повреждён.pdf"]["status"] == "error"
    assert by_name["устав_004.txt"]["error"]["code"] == "document.missing"
    scan = by_name["ru_title_stamped.png"]
    assert scan["status"] in ("pass", "fail") and scan["ocr_pages"] == 1 and scan["registration_marks"] == 1
    assert by_name["устав_000.txt"]["status"] == "duplicate" or by_name["копия.txt"]["status"] == "duplicate"
    assert summary.status["error"] == 2 and summary.status["pass"] + summary.status["fail"] == 5
    with (out / "summary.csv").open(encoding="utf-8-sig") as handle:
        assert len(list(csv.DictReader(handle))) == 8
    assert "ru_title_stamped.png" not in (out / "overview.html").read_text(encoding="utf-8").split("<h2>")[-1]

    again = run_batch([folder], out, workers=1, progress=False)
    assert again.submitted == 0 and again.recorded == 0 and again.skipped == 7
    assert len(journal_rows(out)) == 8

    retried = run_batch([folder], out, workers=1, progress=False, retry_errors=True)
    assert retried.submitted == 1  # the bad PDF; the vanished file is no longer listed
    assert retried.recorded == 0 and len(journal_rows(out)) == 8  # still unreadable: not counted again


@pytest.mark.slow
def test_command_line(make_folder, tmp_path, capsys):
    folder = make_folder(texts=2, bad=True)
    out = tmp_path / "результаты"
    code = main(["check-batch", str(folder), "-o", str(out), "--workers", "1", "--no-progress"])
    printed = capsys.readouterr().out
    assert code == 2  # a file could not be read
    assert "не прочитано 1" in printed and str(out / "overview.html") in printed
    (out / "summary.csv").unlink()
    assert main(["check-batch", str(folder), "-o", str(out), "--reports-only"]) == 0
    assert (out / "summary.csv").exists()


def test_no_inputs(tmp_path):
    with pytest.raises(BatchError, match="no charter files"):
        run_batch([str(tmp_path / "*.pdf")], tmp_path / "out", progress=False)
    assert main(["check-batch", str(tmp_path / "nothing"), "-o", str(tmp_path / "o")]) == 2


def test_unreachable_scheduler(make_folder, tmp_path):
    folder = make_folder(texts=1)
    with pytest.raises(BatchError, match="cannot reach the Dask scheduler"):
        run_batch([folder], tmp_path / "out", scheduler="tcp://127.0.0.1:9", progress=False)


def test_local_cluster_is_sized_to_the_machine():
    import os

    assert default_workers() == len(os.sched_getaffinity(0))
