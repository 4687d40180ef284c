"""Run a batch on Dask distributed: a local cluster by default, or an existing scheduler.

The client lists the files, skips those already in the journal (same content
hash), and keeps a bounded number of tasks in flight; each result is appended to
``results.jsonl`` the moment it arrives, so an interrupted batch resumes where it
stopped. Dask reschedules the task of a worker that died; a task whose workers
die repeatedly (``KilledWorker``) is recorded as an error row and the batch goes on.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .inputs import InputError, content_hash, expand_inputs
from .journal import Journal
from .reports import write_reports
from .task import check_task

Task = Callable[[str, str, dict], dict]


class BatchError(RuntimeError):
    """The batch as a whole cannot run (no inputs, no scheduler); the message says what to do."""


@dataclass
class BatchSummary:
    """What one run did; ``totals`` counts the whole journal (earlier runs included)."""

    out_dir: Path
    files: int = 0
    submitted: int = 0
    recorded: int = 0  # new rows written by this run
    skipped: int = 0  # content already in the journal
    duplicates: int = 0  # same content as another file of this batch
    status: dict[str, int] = field(default_factory=lambda: {"pass": 0, "fail": 0, "error": 0})
    workers: int = 0
    seconds: float = 0.0
    check_seconds: float = 0.0  # from the first submission to the last result
    totals: dict[str, int] = field(default_factory=dict)
    csv: Path | None = None
    html: Path | None = None

    @property
    def rate(self) -> float:
        """Documents checked per second while the cluster worked."""
        return self.recorded / self.check_seconds if self.check_seconds else 0.0


# Settings of the local cluster's workers. The statistical profiler samples the running task
# every 10 ms: CPU that a batch of thousands of files does not need. Dask starts workers with
# MALLOC_TRIM_THRESHOLD_=65536, which makes glibc hand every freed page image back to the
# system and fault it in again on the next page: measured, 6 % more CPU for Tesseract and more
# for the page analysis. A batch reuses the same few buffers page after page, so the default
# malloc suits it better.
LOCAL_WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}


def default_workers() -> int:
    """One worker process per CPU core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def run_batch(
    paths: Iterable[str | Path],
    out_dir: str | Path,
    scheduler: str | None = None,
    workers: int | None = None,
    *,
    task: Task = check_task,
    options: dict | None = None,
    retry_errors: bool = False,
    progress: bool = True,
    window: int | None = None,
    on_result: Callable[[dict], None] | None = None,
) -> BatchSummary:
    """Check every charter named by ``paths`` (folders, globs, files) into ``out_dir``.

    ``scheduler`` is a Dask scheduler address (``tcp://host:8786``); without it a
    local cluster of ``workers`` processes (default: one per core) is started and
    stopped. ``task(path, sha256, options) -> row`` is the work per file (default:
    the real charter check). ``retry_errors`` checks again the files whose earlier
    rows are errors. ``window`` caps the tasks in flight (default: twice the
    worker threads); ``on_result(row)`` is called as each row is recorded.
    Returns a :class:`BatchSummary`; writes results.jsonl, summary.csv and overview.html.
    """
    started = time.perf_counter()
    out = Path(out_dir)
    try:
        files = expand_inputs(paths, exclude=out)
    except InputError as exc:
        raise BatchError(str(exc)) from exc
    if not files:
        raise BatchError("no charter files found (looked for DOCX, DOC, ODT, RTF, PDF, TXT, HTML, JPEG, PNG, TIFF). "
                         "Check the folder or the pattern.")
    journal = Journal.open(out)
    summary = BatchSummary(out_dir=out, files=len(files))
    options = {"keep_result": True, **(options or {})}
    pending = _plan(files, journal, summary, retry_errors)
    if pending:
        _run_on_dask(pending, journal, summary, scheduler, workers, task, options, progress, window, on_result)
    summary.csv, summary.html = write_reports(out)
    summary.totals = _totals(journal)
    summary.seconds = time.perf_counter() - started
    return summary


@dataclass(frozen=True)
class _Job:
    path: str
    sha256: str
    size: int
    mtime_ns: int


def _plan(files: list[Path], journal: Journal, summary: BatchSummary, retry_errors: bool) -> list[_Job]:
    """Files still to check; records missing files and duplicates on the way."""
    jobs: list[_Job] = []
    first_path: dict[str, str] = {}

    def stat_and_hash(path: Path):
        try:
            st = path.stat()
            if journal.unchanged(str(path), st.st_size, st.st_mtime_ns, retry_errors=retry_errors):
                return path, st, None
            return path, st, content_hash(path)
        except OSError as exc:
            return path, exc, None

    with ThreadPoolExecutor(max_workers=4, thread_name_prefix="qogam-hash") as pool:
        for path, st, sha in pool.map(stat_and_hash, files):
            if isinstance(st, OSError):
                row = {
                    "sha256": f"unreadable:{path}", "path": str(path), "name": path.name, "status": "error",
                    "exit_code": 2, "counts": {"error": 0, "warning": 0, "info": 0}, "rules": {}, "top_rules": [],
                    "error": {"code": "document.missing", "message": f"the file cannot be opened ({st.strerror or st})"},
                }
                if journal.append(row):
                    summary.recorded += 1
                    summary.status["error"] += 1
                continue
            if sha is None:  # same path, size and time as a recorded row
                summary.skipped += 1
                continue
            original = first_path.get(sha) or (journal.rows[sha]["path"] if journal.done(sha) else None)
            if journal.done(sha, retry_errors=retry_errors) or sha in first_path:
                if original and original != str(path) and str(path) not in journal.duplicates:
                    journal.append({"sha256": sha, "path": str(path), "name": path.name, "status": "duplicate",
                                    "duplicate_of": original, "size_on_disk": st.st_size, "mtime_ns": st.st_mtime_ns})
                    summary.duplicates += 1
                else:
                    summary.skipped += 1
                continue
            first_path[sha] = str(path)
            jobs.append(_Job(str(path), sha, st.st_size, st.st_mtime_ns))
    return jobs


def _run_on_dask(jobs: list[_Job], journal: Journal, summary: BatchSummary, scheduler: str | None,
                 workers: int | None, task: Task, options: dict, progress: bool, window: int | None,
                 on_result: Callable[[dict], None] | None) -> None:
    from distributed import Client, as_completed

    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="10s", set_as_default=False)
        else:
            import dask
            from distributed import LocalCluster

            n = workers or default_workers()
            with dask.config.set(LOCAL_WORKER_CONFIG):
                cluster = LocalCluster(
                    n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            client = Client(cluster, set_as_default=False)
    except OSError as exc:
        raise BatchError(f"cannot reach the Dask scheduler at {scheduler} ({exc}). Start it with "
                         "'dask scheduler' and workers with 'dask worker tcp://HOST:8786', or run without "
                         "--scheduler to use a local cluster.") from exc
    try:
        threads = sum(client.nthreads().values()) if scheduler else (workers or default_workers())
        summary.workers = len(client.nthreads()) if scheduler else (workers or default_workers())
        limit = window or max(4, 2 * max(threads, 1))
        bar = _progress_bar(len(jobs), progress)
        queue = iter(jobs)
        by_key: dict[str, _Job] = {}

        def submit_next():
            job = next(queue, None)
            if job is None:
                return None
            # The key is the content: Dask never runs the same content twice at once.
            future = client.submit(task, job.path, job.sha256, options, key=f"qogam-check-{job.sha256}",
                                   pure=False, retries=0)
            by_key[future.key] = job
            summary.submitted += 1
            return future

        check_started = time.perf_counter()
        first = [f for f in (submit_next() for _ in range(limit)) if f is not None]
        completed = as_completed(first, loop=client.loop)
        for future in completed:
            job = by_key.pop(future.key)
            row = _result_row(future, job)
            future.release()
            row.update(size_on_disk=job.size, mtime_ns=job.mtime_ns)
            if journal.append(row):
                summary.recorded += 1
                summary.status[row["status"]] = summary.status.get(row["status"], 0) + 1
                if on_result is not None:
                    on_result(row)
            bar.update(1)
            bar.set_postfix(errors=summary.status.get("error", 0), refresh=False)
            following = submit_next()
            if following is not None:
                completed.add(following)
        summary.check_seconds = time.perf_counter() - check_started
        bar.close()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _result_row(future, job: _Job) -> dict:
    """The task's row, or an error row when the task could not finish."""
    try:
        row = future.result()
        if not isinstance(row, dict) or row.get("sha256") != job.sha256:
            raise TypeError(f"the task returned {type(row).__name__}, not a row for this file")
        return row
    except Exception as exc:  # noqa: BLE001  (any failure of one file is that file's error row)
        name = type(exc).__name__
        if name in ("CancelledError", "FutureCancelledError", "CommClosedError"):
            # The cluster went away, not the file: stop, keep what is recorded, resume later.
            raise BatchError(f"lost the Dask cluster while checking ({name}: {exc}). The results so far are "
                             "saved; run the same command again to continue.") from exc
        if name == "KilledWorker":
            code, message = "batch.worker-died", (
                "the workers checking this file died repeatedly (it may need more memory than a worker has, "
                "or crash a reader); check it on its own")
        else:
            code, message = "batch.task-failed", f"the check could not run on the cluster ({name}: {exc})"
        return {
            "sha256": job.sha256, "path": job.path, "name": Path(job.path).name, "status": "error", "exit_code": 2,
            "counts": {"error": 0, "warning": 0, "info": 0}, "rules": {}, "top_rules": [],
            "error": {"code": code, "message": message},
        }


def _progress_bar(total: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", desc="qogam check-batch", file=sys.stderr, disable=not enabled,
                smoothing=0.1, dynamic_ncols=True)


def _totals(journal: Journal) -> dict[str, int]:
    totals = {"pass": 0, "fail": 0, "error": 0, "duplicate": len(journal.duplicates)}
    for row in journal.rows.values():
        totals[row.get("status", "error")] = totals.get(row.get("status", "error"), 0) + 1
    return totals
