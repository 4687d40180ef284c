"""`qogam check-batch DIR|GLOB...` — check a whole folder of charters on Dask.

Writes results.jsonl (one row per file content), summary.csv and overview.html to
the output folder. Re-running the same command skips files already checked.
Exit status: 0 no error-level finding, 1 error-level findings in some file,
2 some file could not be read (or the batch could not run).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "check-batch",
        help="проверить папку уставов на Dask / check a folder of charters on Dask",
        description="Проверяет все уставы в папке или по шаблону (DOCX, PDF, сканы …) на кластере Dask: "
        "локальном по умолчанию или существующем (--scheduler). Повторный запуск пропускает уже проверенные файлы. "
        "Коды выхода: 0 — ошибок нет, 1 — есть ошибки в уставах, 2 — есть непрочитанные файлы.",
    )
    p.add_argument("inputs", nargs="+", metavar="DIR|GLOB", help="папка, файл или шаблон в кавычках: 'scans/**/*.pdf'")
    p.add_argument("-o", "--out", default="qogam-batch", metavar="DIR",
                   help="папка результатов / output folder (default: qogam-batch)")
    p.add_argument("--scheduler", metavar="tcp://HOST:8786",
                   help="адрес планировщика Dask; без него — локальный кластер / Dask scheduler address")
    p.add_argument("--workers", type=int, metavar="N",
                   help="число процессов локального кластера (по умолчанию — по числу ядер)")
    p.add_argument("--lang", choices=["ru", "kk", "en"], default="ru", help="язык сообщений / message language")
    p.add_argument("--region", help="KATO-код или название региона для правила territory.outside-scope")
    p.add_argument("--sphere", help="сфера госсоцзаказа для правила goals.outside-sphere")
    p.add_argument("--retry-errors", action="store_true",
                   help="проверить заново файлы, которые раньше не удалось прочитать / retry earlier errors")
    p.add_argument("--no-progress", action="store_true", help="без индикатора хода / no progress bar")
    p.add_argument("--reports-only", action="store_true",
                   help="только пересобрать summary.csv и overview.html из results.jsonl")
    return p


def run(args: argparse.Namespace) -> int:
    from qogam.batch import BatchError, run_batch, write_reports
    from qogam.cli.check import _resolve_region

    out = Path(args.out)
    if args.reports_only:
        if not (out / "results.jsonl").exists():
            print(f"qogam check-batch: {out}/results.jsonl не найден / not found", file=sys.stderr)
            return 2
        csv_path, html_path = write_reports(out)
        print(f"{csv_path}\n{html_path}")
        return 0
    if args.workers is not None and args.workers < 1:
        print("qogam check-batch: --workers должно быть не меньше 1 / must be at least 1", file=sys.stderr)
        return 2
    options = {"lang": args.lang, "region": _resolve_region(args.region), "sphere": args.sphere}
    try:
        summary = run_batch(
            args.inputs, out, scheduler=args.scheduler, workers=args.workers, options=options,
            retry_errors=args.retry_errors, progress=not args.no_progress,
        )
    except BatchError as exc:
        print(f"qogam check-batch: {exc}", file=sys.stderr)
        return 2
    t = summary.totals
    print(
        f"Файлов: {summary.files}; проверено сейчас: {summary.recorded}, пропущено (уже проверены): {summary.skipped}, "
        f"повторы: {summary.duplicates}.\n"
        f"Всего в журнале: без ошибок {t.get('pass', 0)}, с ошибками {t.get('fail', 0)}, "
        f"не прочитано {t.get('error', 0)}.\n"
        f"Files: {summary.files}; checked now {summary.recorded}, skipped {summary.skipped}, "
        f"duplicates {summary.duplicates}"
        + (f"; {summary.rate:.2f} doc/s on {summary.workers} workers" if summary.recorded else "")
        + f".\n{out / 'results.jsonl'}\n{summary.csv}\n{summary.html}"
    )
    if t.get("error", 0):
        return 2
    return 1 if t.get("fail", 0) else 0
