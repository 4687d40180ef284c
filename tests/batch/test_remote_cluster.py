"""A batch sent to a separate `dask scheduler` and `dask worker` processes on loopback,
with a worker killed in the middle: the batch completes and nothing is counted twice."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(args: list[str], log: Path) -> subprocess.Popen:
    # Its own session, so that killing it takes its nanny's worker process too.
    handle = log.open("w")
    return subprocess.Popen(args, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True,
                            env={**os.environ, "OMP_THREAD_LIMIT": "1"})


def stop(process: subprocess.Popen, sig=signal.SIGTERM) -> None:
    if process.poll() is None:
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=20)


def wait_until(condition, timeout: float, what: str) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def busy_worker(address: str, workers: list[subprocess.Popen]) -> tuple[subprocess.Popen, list[str]]:
    """The `dask worker` process that is checking a file right now, and the task keys it holds."""
    from distributed import Client

    with Client(address, timeout=30, set_as_default=False) as client:
        pids = client.run(os.getpid)
        end = time.monotonic() + 120
        while time.monotonic() < end:
            for worker, keys in client.processing().items():
                if keys and worker in pids:
                    session = os.getsid(pids[worker])
                    for process in workers:
                        if process.pid == session:
                            return process, [str(k) for k in keys]
            time.sleep(0.1)
    raise AssertionError("no worker was busy")


def rows(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.endswith("}")]


def test_batch_survives_a_killed_worker(make_folder, tmp_path):
    scans = ("ru_p2_clean.png", "kk_p2_clean.png", "ru_p3_seal_over_text.png", "kk_p3_seal_over_text.png")
    folder = make_folder(texts=10, scans=scans)
    out = tmp_path / "out"
    journal = out / "results.jsonl"
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    processes: list[subprocess.Popen] = []
    worker_args = [str(BIN / "dask"), "worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard",
                   "--host", "127.0.0.1", "--memory-limit", "3GB"]
    try:
        processes.append(start([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                "--no-dashboard"], tmp_path / "scheduler.log"))
        wait_until(lambda: socket.socket().connect_ex(("127.0.0.1", port)) == 0, 60, "the scheduler")
        first = start(worker_args, tmp_path / "worker1.log")
        second = start(worker_args, tmp_path / "worker2.log")
        processes += [first, second]
        batch = subprocess.Popen(
            [str(BIN / "qogam"), "check-batch", str(folder), "-o", str(out), "--scheduler", address, "--no-progress"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        )
        processes.append(batch)
        wait_until(lambda: len(rows(journal)) >= 2, 300, "the first results")
        victim, held = busy_worker(address, [first, second])
        assert len(rows(journal)) < 14, "the batch finished before a worker could be killed"
        stop(victim, signal.SIGKILL)  # mid-task, without warning
        processes.append(start(worker_args, tmp_path / "worker3.log"))
        stdout, stderr = batch.communicate(timeout=600)
        assert batch.returncode in (0, 1), stderr
    finally:
        for process in reversed(processes):
            stop(process)

    recorded = rows(journal)
    shas = [r["sha256"] for r in recorded]
    assert len(recorded) == 14 and len(set(shas)) == 14  # every file once, none twice
    assert all(r["status"] in ("pass", "fail") for r in recorded), [r.get("error") for r in recorded]
    assert {r["worker"] for r in recorded} >= {r["worker"] for r in recorded[:1]}
    assert "Files: 14; checked now 14" in stdout
    assert held and all(any(key == f"qogam-check-{sha}" for sha in shas) for key in held)
    assert sum(1 for r in recorded if r.get("ocr_pages") == 1) == 4
