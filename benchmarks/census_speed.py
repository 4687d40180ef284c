"""How long recomputing the census takes on a demo registry (default 100,000 organisations).

    .venv/bin/python benchmarks/census_speed.py [--size 100000] [--runs 3] [--database-url URL]

Runs ``qogam.census.store.recompute`` (what ``qogam census recompute`` does) several times
and prints each stage: loading the registry (three bulk SELECTs), deciding every state with
its facts, the flags, the sensitivity table and 10 years of trends (numpy), and replacing
the stored states in one transaction. Wall-clock and this process's CPU time are both
printed: the machine is shared, so the load average is printed too. Target (issue #6):
recomputing every state ≤ 10 s at 100,000 organisations.
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

    from qogam.census.store import recompute
    from qogam.registry.models import Organization

    count = Organization.objects.count()
    print(f"database: {database_label()}; organisations: {count}; {machine_note()}")
    rows, cpu = [], []
    for run in range(args.runs):
        started = time.process_time()
        done = recompute(timezone.localdate(), trend_years=10)
        cpu.append(time.process_time() - started)
        rows.append(done.timing)
        print(f"  run {run + 1}: " + ", ".join(f"{k.replace('_seconds', '')} {done.timing[k]:.2f} s" for k in STAGES)
              + f"; CPU {cpu[-1]:.2f} s; {machine_note()}")
    print("median of the runs:")
    for key in STAGES:
        print(f"  {key.replace('_seconds', ''):<20} {statistics.median(r[key] for r in rows):6.2f} s")
    print(f"  {'CPU (this process)':<20} {statistics.median(cpu):6.2f} s")
    states_only = statistics.median(r["load_seconds"] + r["states_seconds"] + r["write_seconds"] for r in rows)
    print(f"every state (load + decide + write): {states_only:.2f} s; whole recompute: "
          f"{statistics.median(r['recompute_seconds'] for r in rows):.2f} s (target ≤ 10 s)")


if __name__ == "__main__":
    main()
