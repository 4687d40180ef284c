"""`qogam demo [--size N]` — load a synthetic demo registry into the configured database."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "demo",
        help="загрузить демо-реестр / load the synthetic demo registry",
        description="Заполняет базу (QOGAM_DATABASE_URL, по умолчанию var/qogam.sqlite3) синтетическим "
        "реестром НПО. Реальные данные не затираются: команда работает только с пустой или демо-базой.",
    )
    p.add_argument("--size", type=int, default=25_000, help="число организаций (по умолчанию 25000)")
    p.add_argument("--seed", type=int, default=2025, help="зерно генератора (одинаковое зерно — одинаковые данные)")
    p.add_argument("--quiet", action="store_true")
    return p


def run(args: argparse.Namespace) -> int:
    if args.size < 1 or args.size > 2_000_000:
        print("qogam demo: --size must be between 1 and 2000000", file=sys.stderr)
        return 2
    from qogam.web import bootstrap

    bootstrap.setup()
    bootstrap.migrate()
    from qogam.registry.demo.generator import DemoRefused, generate

    def progress(done: int, total: int) -> None:
        if not args.quiet:
            print(f"\r  {done}/{total}", end="", file=sys.stderr, flush=True)

    try:
        stats = generate(size=args.size, seed=args.seed, progress=progress)
    except DemoRefused as exc:
        print(f"qogam demo: {exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        print(file=sys.stderr)
    print(f"Демо-реестр загружен в {bootstrap.database_label()}: {stats.organizations} организаций, "
          f"{stats.filings} отчётов, {stats.signals} сигналов за {stats.seconds:.1f} с.")
    print("Запустите веб-приложение: qogam serve")
    return 0
