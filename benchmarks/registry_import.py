"""Import rate of `qogam import bns` on a synthetic BNS register export.

    .venv/bin/python benchmarks/registry_import.py [--rows 100000] [--format csv|xlsx] [--database-url URL]

Writes an export of N rows (about 30 % commercial rows, which the importer skips), imports
it into an empty registry (a fresh SQLite file unless --database-url is given; that
database is emptied first), then imports it again (every row unchanged); then the same
for an NGO-database file of N filings (four reporting years of N/4 of the organisations).
Prints rows per second for each, counting every row of the file, wall-clock and per
second of this process's CPU time, with the load average (the machine is shared).
Target (issue #5): ≥ 5,000 rows/s.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from registry_common import database_label, machine_note, setup


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--chunk", type=int, default=1000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="qogam-import-bench-"))
    setup(args.database_url or f"sqlite:///{work / 'import.sqlite3'}", var_dir=str(work))

    import datetime as dt

    from qogam.registry.demo.files import (
        bns_rows,
        filing_rows,
        write_bns_csv,
        write_bns_xlsx,
        write_filings_csv,
    )
    from qogam.registry.demo.generator import wipe
    from qogam.registry.importers import BnsImporter, FilingsImporter, run_import
    from qogam.registry.models import ImportRun, Organization, RegistrySetting

    started = time.perf_counter()
    rows = bns_rows(args.rows, seed=3)
    path = work / f"register.{args.format}"
    (write_bns_csv if args.format == "csv" else write_bns_xlsx)(path, rows)
    print(f"database: {database_label()}; {machine_note()}")
    print(f"file: {path.name}, {args.rows} rows, {path.stat().st_size / 1e6:.1f} MB "
          f"(written in {time.perf_counter() - started:.1f} s)")
    wipe()
    ImportRun.objects.all().delete()
    RegistrySetting.objects.filter(key=RegistrySetting.DEMO).delete()

    def timed(label, importer, file, force):
        started, cpu = time.perf_counter(), time.process_time()
        report = run_import(importer, file, force=force, chunk_size=args.chunk)
        seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
        lines = len(report.rows)
        counts = {k: v for k, v in report.counts.items() if v}
        print(f"{label:<34} {seconds:6.1f} s  {lines / seconds:8.0f} rows/s "
              f"({lines / cpu_seconds:.0f} rows per CPU-second; {machine_note()})  {counts}")

    for label, force in (("register: first import (adds)", False), ("register: same file again", True)):
        timed(label, BnsImporter(dt.date(2025, 1, 1)), path, force)
    bins = list(Organization.objects.order_by("id").values_list("bin", flat=True)[: args.rows // 4])
    filings_path = write_filings_csv(work / "filings.csv", filing_rows(bins, range(2021, 2025)))
    for label, force in (("filings: first import (adds)", False), ("filings: same file again", True)):
        timed(label, FilingsImporter(dt.date(2025, 6, 1)), filings_path, force)
    print(f"organisations in the registry: {Organization.objects.count()}")


if __name__ == "__main__":
    main()
