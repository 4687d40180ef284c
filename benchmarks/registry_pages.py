"""Page times of the web app on a demo registry (default 100,000 organisations).

    .venv/bin/python benchmarks/registry_pages.py [--size 100000] [--database-url URL]

Renders pages through Django's full stack (middleware, templates, database; no network):
organisation profiles of random organisations, the search page for name and faceted
queries, and the home page. Prints p50/p95/max, with the load average (the machine is
shared). Searches read the facet columns into memory once per data version: the search
pages are measured after one visit of each, and separately right after a data change
(the version raised before each visit, as an import does). Target (issue #5): profile
≤ 100 ms, search ≤ 50 ms.
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


def timed(client, url: str, cold_cache: bool) -> float:
    from django.core.cache import cache

    if cold_cache:
        cache.clear()
    return timed_get(client, url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--samples", type=int, default=200)
    args = parser.parse_args()
    setup(args.database_url)
    ensure_demo(args.size)
    from django.test import Client

    from qogam.registry.models import Organization

    rng = random.Random(5)
    client = Client()
    bins = list(Organization.objects.values_list("bin", flat=True))
    profiles = [f"/org/{b}/" for b in rng.sample(bins, args.samples)]
    searches = ["/search/?q=фонд", "/search/?q=Мейирим", "/search/?q=центра+развития&region=750000000",
                "/search/?region=350000000&legal_form=public_association", "/search/?register_status=liquidated",
                "/search/?year=2015&sort=-registered", "/search/"]
    timed(client, profiles[0], False)  # templates compiled, lemma tables loaded
    for url in searches:  # the facet columns and the orders of this data version read
        timed(client, url, True)

    def after_change(url: str) -> float:
        from qogam.registry.search import bump_data_version

        bump_data_version()
        return timed(client, url, True)

    print(f"database: {database_label()}; organisations: {args.size}; {machine_note()}")
    print(f"  {'page':<34} {'n':>4} {'p50':>10} {'p95':>10} {'max':>10}")
    rows = [
        ("organisation profile", [timed(client, url, False) for url in profiles]),
        ("search page (facets uncached)", [timed(client, url, True) for url in searches * 5]),
        ("search page (facets cached)", [timed(client, url, False) for url in searches * 5]),
        ("home page (uncached)", [timed(client, "/", True) for _ in range(10)]),
        ("search page after a data change", [after_change(url) for url in searches]),
    ]
    for label, samples in rows:
        stats = percentiles(samples)
        print(f"  {label:<34} {stats['n']:>4} {ms(stats['p50'])} {ms(stats['p95'])} {ms(stats['max'])}")


if __name__ == "__main__":
    main()
