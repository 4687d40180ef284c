"""An import killed half-way (SIGKILL, a real process) leaves whole chunks only; re-running completes it."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from qogam.registry.demo.files import bns_rows, write_bns_csv


def _state(db_path):
    try:
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=5) as conn:
            run = conn.execute("SELECT rows_done, counts, status FROM registry_importrun").fetchone()
            orgs = conn.execute("SELECT COUNT(*) FROM registry_organization").fetchone()[0]
            return run, orgs
    except sqlite3.OperationalError:
        return None, 0


@pytest.mark.slow
def test_killed_import_resumes_without_half_written_rows(tmp_path):
    rows = bns_rows(6000, seed=21)
    path = write_bns_csv(tmp_path / "register.csv", rows)
    db_path = tmp_path / "kill.sqlite3"
    env = {**os.environ, "QOGAM_DATABASE_URL": f"sqlite:///{db_path}", "QOGAM_VAR_DIR": str(tmp_path)}
    subprocess.run([sys.executable, "-m", "qogam", "demo", "--size", "1", "--quiet"], env=env, check=True,
                   capture_output=True)  # creates the schema
    with sqlite3.connect(db_path) as conn:  # an empty, non-demo registry
        for table in ("registry_signal", "registry_filing", "registry_organizationactivity",
                      "registry_organization", "registry_registrysetting"):
            conn.execute(f"DELETE FROM {table}")
    command = [sys.executable, "-m", "qogam", "import", "bns", str(path), "--as-of", "2025-01-01", "--chunk", "40"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    killed_at = None
    while time.monotonic() < deadline and process.poll() is None:
        run, _orgs = _state(db_path)
        if run and run[0] >= 400:
            process.send_signal(signal.SIGKILL)
            killed_at = run[0]
            break
        time.sleep(0.01)
    process.wait(timeout=30)
    assert killed_at is not None, "the import finished before it could be killed; make the file larger"

    run, orgs = _state(db_path)
    rows_done, counts, status = run[0], json.loads(run[1]), run[2]
    assert status == "running" and rows_done < len(rows)
    assert rows_done % 40 == 0  # only whole chunks were committed
    assert orgs == counts["added"]  # the checkpoint and the data agree: nothing half-written
    expected_added = sum(1 for r in rows[:rows_done] if r[1].split()[0] not in ("ТОО", "АО", "ИП"))
    assert counts["added"] == expected_added

    finished = subprocess.run([*command, "--json"], env=env, capture_output=True, text=True, timeout=120)
    assert finished.returncode == 0, finished.stderr
    report = json.loads(finished.stdout)
    assert report["resumed_from_row"] == rows_done
    total_non_commercial = sum(1 for r in rows if r[1].split()[0] not in ("ТОО", "АО", "ИП"))
    assert report["counts"]["added"] == total_non_commercial
    assert sum(report["counts"].values()) == len(rows)
    run, orgs = _state(db_path)
    assert run[2] == "completed" and orgs == total_non_commercial
