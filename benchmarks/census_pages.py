"""Census page times on a demo registry (default 100,000 organisations).

    .venv/bin/python benchmarks/census_pages.py [--size 100000] [--samples 30] [--database-url URL]

Renders the census pages through Django's full stack (middleware, templates, database;
no network) after one recompute: the dashboard (each map mode), region pages, lists of
the organisations behind a number, an organisation's state with its history, the
definitions. Prints p50/p95/max. Target (issue #6): the census page ≤ 300 ms.
"""

from __future__ import annotations

import argparse
import random

from registry_common import (
    database_label,
    ensure_demo,
    machine_note,
    ms,
    percentiles,
    setup,
    timed_get,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=30)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    setup(args.database_url)
    ensure_demo(args.size)
    from django.test import Client
    from django.utils import timezone

    from qogam.census.models import CensusRun, OrganizationState
    from qogam.census.store import recompute
    from qogam.registry.reference import regions

    if not CensusRun.objects.exists():
        recompute(timezone.localdate())
    rng = random.Random(7)
    client = Client()
    codes = list(regions())
    bins = list(OrganizationState.objects.values_list("organization__bin", flat=True)[:5000])
    timed_get(client, "/census/")  # templates compiled
    n = args.samples
    pages = [
        ("census dashboard", ["/census/"] * n),
        ("dashboard, registered map", ["/census/?map=registered"] * (n // 3 or 1)),
        ("region page", [f"/census/region/{rng.choice(codes)}/" for _ in range(n)]),
        ("list: dormant in a region", [f"/census/orgs/?region={rng.choice(codes)}&state=dormant" for _ in range(n)]),
        ("list: working, page 5", ["/census/orgs/?working=1&page=5"] * (n // 3 or 1)),
        ("organisation state + history", [f"/census/org/{rng.choice(bins)}/" for _ in range(n)]),
        ("definitions", ["/census/definitions/"] * (n // 3 or 1)),
    ]
    print(f"database: {database_label()}; organisations: {OrganizationState.objects.count()}; {machine_note()}")
    print(f"  {'page':<32} {'n':>4} {'p50':>10} {'p95':>10} {'max':>10}")
    for label, urls in pages:
        stats = percentiles([timed_get(client, url) for url in urls])
        print(f"  {label:<32} {stats['n']:>4} {ms(stats['p50'])} {ms(stats['p95'])} {ms(stats['max'])}")
    print("target: census dashboard p95 ≤ 300 ms")


if __name__ == "__main__":
    main()
