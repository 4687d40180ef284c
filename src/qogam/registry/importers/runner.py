"""Run an importer over a file: chunk by chunk, each chunk in one transaction with a checkpoint.

A run killed half-way leaves only whole chunks behind, and its ImportRun row says
how many data rows were committed; running the same file again resumes after them.
A completed file is not imported twice unless forced; a dry run writes nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from ..models import DataSource, ImportRun
from ..search import bump_data_version
from .report import ImportReport
from .tables import Table, iter_chunks

DEFAULT_CHUNK = 1000


class Importer:
    """One kind of import. Subclasses read a Table and write rows; the runner handles the rest."""

    kind = "base"
    source_kind = DataSource.Kind.GENERIC

    def __init__(self, as_of, source_name: str = ""):
        self.as_of = as_of
        self.source_name = source_name
        self.source: DataSource | None = None

    def open(self, path: Path) -> Table:
        raise NotImplementedError

    def options(self) -> dict:
        return {"as_of": self.as_of.isoformat()}

    def observe(self, row_number: int, cells: list) -> None:
        """See a row that an earlier, interrupted run already committed (for duplicate checks)."""

    def process(self, rows: list[tuple[int, list]], report: ImportReport) -> None:
        raise NotImplementedError


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _source(importer: Importer, sha: str, path: Path) -> DataSource:
    slug = f"{importer.kind}-{sha[:16]}"
    source, _created = DataSource.objects.get_or_create(
        slug=slug,
        defaults={
            "name": importer.source_name or f"{path.name} ({importer.as_of:%d.%m.%Y})",
            "kind": importer.source_kind,
            "as_of": importer.as_of,
            "notes": f"sha256 {sha}",
        },
    )
    return source


def run_import(importer: Importer, path: str | Path, *, dry_run: bool = False, force: bool = False,
               chunk_size: int = DEFAULT_CHUNK,
               progress: Callable[[int, int], None] | None = None) -> ImportReport:
    path = Path(path)
    table = importer.open(path)  # raises ImportFileError before anything is written
    sha = file_sha256(path)
    report = ImportReport(kind=importer.kind, file=path.name, dry_run=dry_run)
    if table.encoding and table.encoding != "utf-8-sig":
        report.notes.append(f"кодировка файла: {table.encoding}")
    if dry_run:
        with transaction.atomic():
            importer.source = _source(importer, sha, path)
            for chunk in iter_chunks(table.rows, chunk_size):
                importer.process(chunk, report)
            transaction.set_rollback(True)
        return report

    options = importer.options()
    runs = ImportRun.objects.filter(kind=importer.kind, file_sha256=sha, options=options)
    if not force and runs.filter(status=ImportRun.Status.COMPLETED).exists():
        report.already_imported = True
        return report
    run = runs.exclude(status=ImportRun.Status.COMPLETED).order_by("-started_at").first()
    if run and not force:
        report.resumed_from = run.rows_done
        report.restore(run.counts, run.reasons)
        run.status, run.error = ImportRun.Status.RUNNING, ""
        run.save(update_fields=["status", "error"])
    else:
        run = ImportRun.objects.create(kind=importer.kind, file_name=path.name, file_sha256=sha,
                                       file_size=path.stat().st_size, options=options, rows_total=len(table))
    report.run_id = run.pk
    importer.source = _source(importer, sha, path)
    if run.source_id != importer.source.pk:
        run.source = importer.source
        run.save(update_fields=["source"])
    for row_number, cells in table.rows[: run.rows_done]:
        importer.observe(row_number, cells)
    remaining = table.rows[run.rows_done:]
    try:
        for chunk in iter_chunks(remaining, chunk_size):
            with transaction.atomic():
                importer.process(chunk, report)
                bump_data_version()  # searches see the committed rows at once (search.columns)
                run.rows_done += len(chunk)
                run.counts = dict(report.counts)
                run.reasons = report.reasons
                run.save(update_fields=["rows_done", "counts", "reasons"])
            if progress:
                progress(run.rows_done, len(table))
    except Exception as exc:
        run.status, run.error = ImportRun.Status.FAILED, f"{type(exc).__name__}: {exc}"
        run.save(update_fields=["status", "error"])
        raise
    run.status, run.finished_at = ImportRun.Status.COMPLETED, timezone.now()
    run.save(update_fields=["status", "finished_at"])
    bump_data_version(refresh=True)
    return report
