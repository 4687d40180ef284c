"""How long recomputing the census takes on a demo registry (default 100,000 organisations).

    .venv/bin/python benchmarks/census_speed.py [--size 100000] [--runs 3] [--database-url URL]

Runs ``qogam.census.store.recompute`` (what ``qogam census recompute`` does) several times
and prints each stage: loading the registry (three bulk SELECTs), deciding every state with
its facts, the flags, the sensitivity table and 10 years of trends (numpy), and replacing
the stored states in one transaction. The first run starts from an empty states table
(every row written); later runs find the states unchanged and write none, as a recompute
after a small import does. Wall-clock and this process's CPU time are both printed, with
the load average: the machine is shared. Target (issue #6): recomputing every state
≤ 10 s at 100,000 organisations.
"""

from __future__ import annotations

import argparse
import statistics
import time

from registry_common import database_label, ensure_demo, machine_note, setup

STAGES = ("load_seconds", "states_seconds", "flags_seconds", "count_seconds", "sensitivity_trends_seconds",
          "write_seconds", "recompute_seconds")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    setup(args.database_url)
    ensure_demo(args.size)
    from django.utils import timezone

    from qogam.census.models import OrganizationState
    from qogam.census.store import recompute
    from qogam.registry.models import Organization

    count = Organization.objects.count()
    print(f"database: {database_label()}; organisations: {count}; {machine_note()}")
    OrganizationState.objects.all().delete()
    rows, cpu, wall, written = [], [], [], []
    for run in range(args.runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        done = recompute(timezone.localdate(), trend_years=10)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        rows.append(done.timing)
        written.append(done.written)
        print(f"  run {run + 1}: " + ", ".join(f"{k.replace('_seconds', '')} {done.timing[k]:.2f} s" for k in STAGES)
              + f"; wall-clock {wall[-1]:.2f} s, CPU {cpu[-1]:.2f} s; rows written {done.written.inserted}, "
              f"unchanged {done.written.unchanged}; {machine_note()}")
    print("median of the runs:")
    for key in STAGES:
        print(f"  {key.replace('_seconds', ''):<20} {statistics.median(r[key] for r in rows):6.2f} s")
    print(f"  {'CPU (this process)':<20} {statistics.median(cpu):6.2f} s")
    full = rows[0]
    print(f"first run (every row written): every state (load + decide + write) "
          f"{full['load_seconds'] + full['states_seconds'] + full['write_seconds']:.2f} s; whole recompute "
          f"{wall[0]:.2f} s wall-clock, {cpu[0]:.2f} s CPU (target ≤ 10 s)")
    if len(rows) > 1:
        print(f"later runs (states unchanged), median: whole recompute {statistics.median(wall[1:]):.2f} s "
              f"wall-clock, {statistics.median(cpu[1:]):.2f} s CPU; write {statistics.median(r['write_seconds'] for r in rows[1:]):.2f} s")


if __name__ == "__main__":
    main()
