"""The work of one batch task: check one file and say what came out, as a small JSON-able row.

Runs on Dask workers (local processes or other machines with qogam installed). It
never raises: a file that cannot be read or checked becomes a row with status
"error", its code and message, so one bad file never stops a batch.
"""

from __future__ import annotations

import os
import socket
import time
import traceback
from collections import Counter
from pathlib import Path

from .inputs import content_hash

# Statuses of a row: "pass" (no error-level finding), "fail" (error-level findings),
# "error" (the file could not be read or checked).
STATUSES = ("pass", "fail", "error")
TOP_RULES = 5


def check_task(path: str, sha256: str, options: dict | None = None) -> dict:
    """Check ``path`` (whose content hashed to ``sha256`` when the batch listed it) with ``qogam.rules.check_file``."""
    options = options or {}
    _single_threaded_ocr()
    started = time.perf_counter()
    cpu_started = os.times()
    row: dict = {"sha256": sha256, "path": path, "name": Path(path).name, "worker": _worker_name()}
    lang = options.get("lang", "ru")
    try:
        actual = content_hash(Path(path))
        if actual != sha256:
            return _error(row, started, "batch.file-changed",
                          "the file changed after the batch listed it; run the batch again to check the new content")
        from qogam.rules import check_file

        result = check_file(path, region=options.get("region"), sphere=options.get("sphere"), lang=lang)
        row.update(summarise(result, keep_result=options.get("keep_result", True)))
    except FileNotFoundError:
        return _error(row, started, "document.missing",
                      "the file disappeared before it could be checked (moved or deleted during the batch)")
    except MemoryError:
        return _error(row, started, "batch.out-of-memory", "checking the file needed more memory than the worker has")
    except Exception as exc:  # noqa: BLE001  (a batch row must record any failure, not stop the batch)
        from qogam.documents import DocumentError

        if isinstance(exc, DocumentError):
            message = exc.message(lang) if hasattr(exc, "message") else str(exc)
            return _error(row, started, exc.code, message)
        detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        return _error(row, started, "batch.internal-error",
                      f"qogam failed on this file ({detail}); please report it with the file", trace=_trace(exc))
    row["seconds"] = round(time.perf_counter() - started, 3)
    row["cpu_seconds"] = _cpu_since(cpu_started)
    return row


def _cpu_since(before: os.times_result) -> float:
    """CPU seconds of this worker process and the programs it ran (Tesseract, pdftoppm) since ``before``.

    On a busy machine wall-clock time says more about the neighbours than about the work.
    """
    now = os.times()
    spent = (now.user - before.user) + (now.system - before.system)
    spent += (now.children_user - before.children_user) + (now.children_system - before.children_system)
    return round(spent, 3)


def summarise(result, *, keep_result: bool = True) -> dict:
    """The row fields of a ``CheckResult``: status, charter facts, finding counts, top rules."""
    findings = result.findings
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
    by_rule = Counter(f.rule for f in findings)
    document = result.document
    charter = result.charter
    from qogam.documents.stamps import registration_marks

    confidences = list(document.ocr_confidence.values())
    row = {
        "status": "fail" if result.exit_code else "pass",
        "exit_code": result.exit_code,
        "format": document.format,
        "size": document.size,
        "pages": document.pages,
        "ocr_pages": len(document.ocr_pages),
        "ocr_confidence": round(sum(confidences) / len(confidences), 1) if confidences else None,
        "registration_marks": len(registration_marks(document)),
        "seals": sum(1 for s in document.stamps if s.kind == "seal"),
        "legal_form": charter.legal_form,
        "territorial_status": charter.status,
        "regions": list(charter.territory.regions),
        "counts": counts,
        "rules": dict(by_rule.most_common()),
        "top_rules": [slug for slug, _ in by_rule.most_common(TOP_RULES)],
        "low_confidence_findings": sum(1 for f in findings if f.low_confidence),
        "error": None,
    }
    if keep_result:
        row["result"] = result.to_dict()
    return row


def _error(row: dict, started: float, code: str, message: str, trace: str | None = None) -> dict:
    row.update(
        status="error",
        exit_code=2,
        error={"code": code, "message": message, **({"trace": trace} if trace else {})},
        counts={"error": 0, "warning": 0, "info": 0},
        rules={},
        top_rules=[],
        seconds=round(time.perf_counter() - started, 3),
    )
    return row


def _trace(exc: BaseException) -> str:
    lines = traceback.format_exception(type(exc), exc, exc.__traceback__)
    return "".join(lines[-6:])[-2000:]


def _single_threaded_ocr() -> None:
    # The cluster runs one document per worker process; Tesseract's own threads and
    # page-level parallelism would only fight over the same cores.
    os.environ["OMP_THREAD_LIMIT"] = "1"
    os.environ.setdefault("QOGAM_OCR_PAGE_WORKERS", "1")
    # A worker started by `dask worker` has MALLOC_TRIM_THRESHOLD_=65536 (Dask's default);
    # Tesseract inherits it and spends ~6 % more CPU returning memory: its children go without.
    os.environ.pop("MALLOC_TRIM_THRESHOLD_", None)


def _worker_name() -> str:
    try:
        from distributed import get_worker

        return get_worker().address
    except (ImportError, ValueError):
        return f"{socket.gethostname()}:{os.getpid()}"
