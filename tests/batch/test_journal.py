"""results.jsonl: resumable, exact, and tolerant of a line cut short by a crash."""

import json

from qogam.batch import Journal


def row(sha: str, path: str, status: str = "pass", **extra) -> dict:
    return {"sha256": sha, "path": path, "status": status, **extra}


def test_rows_are_recorded_once_per_content(tmp_path):
    journal = Journal.open(tmp_path)
    assert journal.append(row("a" * 64, "/x/1.txt"))
    assert not journal.append(row("a" * 64, "/x/1.txt"))  # a retried task's second result
    assert not journal.append(row("a" * 64, "/x/1.txt", status="fail"))
    again = Journal.open(tmp_path)
    assert list(again.rows) == ["a" * 64]
    assert len((tmp_path / "results.jsonl").read_text().splitlines()) == 1


def test_a_success_replaces_an_earlier_error(tmp_path):
    journal = Journal.open(tmp_path)
    journal.append(row("b" * 64, "/x/2.pdf", status="error", error={"code": "batch.worker-died"}))
    assert journal.done("b" * 64) and not journal.done("b" * 64, retry_errors=True)
    assert not journal.append(row("b" * 64, "/x/2.pdf", status="error"))
    assert journal.append(row("b" * 64, "/x/2.pdf", status="fail"))
    assert Journal.open(tmp_path).rows["b" * 64]["status"] == "fail"


def test_a_damaged_last_line_is_skipped_and_the_file_stays_valid(tmp_path):
    path = tmp_path / "results.jsonl"
    path.write_text(json.dumps(row("c" * 64, "/x/3.txt")) + "\n" + '{"sha256": "dddd", "pa', encoding="utf-8")
    journal = Journal.open(tmp_path)
    assert journal.damaged_lines == 1 and list(journal.rows) == ["c" * 64]
    journal.append(row("e" * 64, "/x/5.txt"))
    reread = Journal.open(tmp_path)
    assert set(reread.rows) == {"c" * 64, "e" * 64} and reread.damaged_lines == 1


def test_unchanged_file_is_known_without_hashing(tmp_path):
    journal = Journal.open(tmp_path)
    journal.append(row("f" * 64, "/x/6.txt", size_on_disk=10, mtime_ns=123))
    assert journal.unchanged("/x/6.txt", 10, 123)
    assert not journal.unchanged("/x/6.txt", 11, 123)
    assert not journal.unchanged("/x/7.txt", 10, 123)


def test_duplicates_are_kept_apart(tmp_path):
    journal = Journal.open(tmp_path)
    journal.append(row("g" * 64, "/x/a.txt"))
    journal.append({"sha256": "g" * 64, "path": "/x/copy.txt", "status": "duplicate", "duplicate_of": "/x/a.txt"})
    reread = Journal.open(tmp_path)
    assert list(reread.rows) == ["g" * 64] and list(reread.duplicates) == ["/x/copy.txt"]
    assert [r["path"] for r in reread.all_rows()] == ["/x/a.txt", "/x/copy.txt"]
