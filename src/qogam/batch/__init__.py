"""Check many charters at once on Dask distributed (DESIGN.md: batch layer).

    from qogam.batch import run_batch
    summary = run_batch(["scans/"], "out/", scheduler=None, workers=None)

Public API:

* ``run_batch(paths, out_dir, scheduler=None, workers=None, *, task=check_task, options=None,
  retry_errors=False, progress=True, window=None) -> BatchSummary`` — a local cluster sized to
  the machine, or ``scheduler="tcp://host:8786"`` for an existing one.
* ``check_task(path, sha256, options) -> dict`` — one file's row (never raises).
* ``write_reports(out_dir) -> (csv_path, html_path)`` — rebuild summary.csv and overview.html
  from results.jsonl.
* ``expand_inputs(specs)``, ``content_hash(path)``, ``Journal``.

Output folder: ``results.jsonl`` (one row per checked content, keyed by SHA-256),
``summary.csv`` (one row per file), ``overview.html`` (findings by rule, region, legal form).
"""

from .inputs import InputError, content_hash, expand_inputs
from .journal import JOURNAL_NAME, Journal
from .reports import CSV_NAME, HTML_NAME, render_overview, write_reports
from .runner import BatchError, BatchSummary, default_workers, run_batch
from .task import STATUSES, check_task, summarise

__all__ = [
    "CSV_NAME",
    "HTML_NAME",
    "JOURNAL_NAME",
    "STATUSES",
    "BatchError",
    "BatchSummary",
    "InputError",
    "Journal",
    "check_task",
    "content_hash",
    "default_workers",
    "expand_inputs",
    "render_overview",
    "run_batch",
    "summarise",
    "write_reports",
]
