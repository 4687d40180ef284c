"""`qogam import population FILE`: residents per first-level region, with their source.

The figures set the dashboard's "per 10,000 inhabitants" numbers. The import command
hands this kind over to ``run_cli``; Django is started before anything is read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def run_cli(args: argparse.Namespace) -> int:
    """The `population` kind of `qogam import` (registered there by a one-line hook)."""
    from qogam.web import bootstrap

    bootstrap.setup()
    bootstrap.migrate()
    source = (args.source_name or "").strip()
    if not source:
        print("qogam import population: укажите источник цифр, например "
              "--source-name \"БНС АСПР РК, численность населения на 1 января 2026 г.\"", file=sys.stderr)
        return 2
    from .population_file import ImportFileError, parse, store

    try:
        parsed = parse(args.file)
    except ImportFileError as exc:
        print(f"qogam import population: {exc}", file=sys.stderr)
        return 2
    for warning in parsed.warnings:
        print(f"внимание: {warning}", file=sys.stderr)
    if parsed.errors:
        for error in parsed.errors:
            print(f"{Path(args.file).name}: {error}", file=sys.stderr)
        print("Ничего не записано: исправьте строки выше и повторите импорт.", file=sys.stderr)
        return 1
    year = (max(parsed.years) if parsed.years else None) or (args.as_of.year if args.as_of else None)
    written = 0 if args.dry_run else store(parsed, source, Path(args.file).name, year)
    summary = {"regions": len(parsed.figures), "written": written, "year": year, "source": source,
               "total": sum(parsed.figures.values()), "dry_run": bool(args.dry_run)}
    if getattr(args, "json", False):
        print(json.dumps(summary, ensure_ascii=False))
    else:
        action = "проверена (ничего не записано)" if args.dry_run else "загружена"
        total = f"{summary['total']:,}".replace(",", "\u202f")
        print(f"Численность населения {action}: {summary['regions']} регионов, всего {total} человек; "
              f"источник: {source}")
    return 0
