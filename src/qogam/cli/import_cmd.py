"""`qogam import {bns,filings,generic} FILE` — import registry data, idempotent and resumable."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

KINDS = {
    "bns": "реестр юридических лиц БНС (XLSX/CSV): только некоммерческие организации",
    "filings": "сведения НПО в базу данных НПО (CSV/XLSX), ст. 41 п.5 Закона о НКО",
    "generic": "любой CSV/XLSX по файлу соответствия колонок (--mapping)",
    "population": "численность населения по регионам (CSV/XLSX) с источником (--source-name): на 10 000 жителей",
}


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{text}» is not a date (YYYY-MM-DD)") from None


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "import",
        help="импорт данных реестра / import registry data",
        description="Импорт идемпотентен (повтор не дублирует), транзакционен (пакетами) и возобновляем: "
        "прерванный импорт того же файла продолжается с места остановки. Новые данные не затираются старыми.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n".join(f"  {k:<8} {v}" for k, v in KINDS.items()),
    )
    p.add_argument("kind", choices=sorted(KINDS), help="что импортировать")
    p.add_argument("file", help="файл CSV или XLSX")
    p.add_argument("--mapping", help="YAML-файл соответствия колонок (для generic)")
    p.add_argument("--as-of", type=_date, default=None,
                   help="на какую дату данные файла (YYYY-MM-DD; по умолчанию сегодня)")
    p.add_argument("--source-name", default="", help="название источника для истории полей")
    p.add_argument("--dry-run", action="store_true", help="показать, что изменится, ничего не записывая")
    p.add_argument("--force", action="store_true", help="импортировать заново уже импортированный файл")
    p.add_argument("--report", help="записать исход каждой строки в CSV-файл")
    p.add_argument("--json", action="store_true", help="итог в JSON")
    p.add_argument("--chunk", type=int, default=1000, help="строк в одной транзакции (по умолчанию 1000)")
    return p


def run(args: argparse.Namespace) -> int:
    if args.kind == "population":  # implemented by the census: qogam.census.population
        return __import__("qogam.census.population", fromlist=["run_cli"]).run_cli(args)
    from qogam.web import bootstrap

    bootstrap.setup()
    bootstrap.migrate()
    from qogam.registry.importers import (
        BnsImporter,
        FilingsImporter,
        ImportFileError,
        generic_importer,
        load_mapping,
        run_import,
    )

    as_of = args.as_of or dt.date.today()
    try:
        if args.kind == "bns":
            importer = BnsImporter(as_of, args.source_name)
        elif args.kind == "filings":
            importer = FilingsImporter(as_of, args.source_name)
        else:
            if not args.mapping:
                print("qogam import generic: укажите --mapping FILE.yaml (соответствие колонок)", file=sys.stderr)
                return 2
            importer = generic_importer(load_mapping(args.mapping), as_of, args.source_name)
        report = run_import(importer, args.file, dry_run=args.dry_run, force=args.force,
                            chunk_size=max(1, args.chunk))
    except ImportFileError as exc:
        print(f"qogam import: {exc}", file=sys.stderr)
        return 2
    if args.report:
        report.write_rows(args.report)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(report.summary())
    return 1 if report.counts.get("rejected") else 0
