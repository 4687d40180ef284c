"""Search latency on a demo registry (default 100,000 organisations).

    .venv/bin/python benchmarks/registry_search.py [--size 100000] [--database-url URL]

Prints p50/p95/max per kind of query — names (Russian inflections, Kazakh letters typed
with Russian look-alikes), BIN (exact and prefix), facet filters, text plus facets — for
the result page (total, first page, all six facets' counts) with the facet cache cold,
and for the result list alone, with the CPU time this process spent and the load average
(the machine is shared). Totals, pages and facet counts come from the facet columns kept
in memory per data version (``qogam.registry.search.columns``): the time to read them
after a data change (the first search after an import) is printed first.
Target (issue #5): p95 ≤ 50 ms on SQLite and PostgreSQL.
"""

from __future__ import annotations

import argparse
import random
import time

from registry_common import database_label, ensure_demo, machine_note, ms, percentiles, setup


def queries(rng: random.Random) -> dict[str, list[dict]]:
    from qogam.registry.demo.names import vocabulary
    from qogam.registry.models import Organization
    from qogam.registry.reference import legal_forms, regions

    brands = vocabulary()["brands"]
    bins = list(Organization.objects.order_by("?").values_list("bin", flat=True)[:60])
    inflected = ["фонда", "объединения", "центра развития", "ассоциации фермеров", "детей", "спорта", "федерации дзюдо",
                 "поддержки семьи", "молодежи", "Камкор", "Мейирим", "журек", "Болашак қоры", "экологическ"]
    region_codes = list(regions())
    forms = [code for code, form in legal_forms().items() if form.demo_share > 0]
    names = [{"q": rng.choice(brands)} for _ in range(40)] + [{"q": word} for word in inflected]
    bin_queries = [{"q": b} for b in bins[:40]] + [{"q": b[:6]} for b in bins[40:60]]
    faceted = []
    for _ in range(60):
        query = {"region": [rng.choice(region_codes)]}
        if rng.random() < 0.6:
            query["legal_form"] = [rng.choice(forms)]
        if rng.random() < 0.4:
            query["register_status"] = [rng.choice(["registered", "liquidated", "in_liquidation"])]
        if rng.random() < 0.3:
            query["year"] = [str(rng.randint(2000, 2023))]
        if rng.random() < 0.3:
            query["icnpo"] = [str(rng.randint(1, 11))]
        query["sort"] = rng.choice(["name", "-registered", "registered"])
        faceted.append(query)
    faceted.append({})  # the whole registry, as the search page opens
    mixed = [{"q": rng.choice(brands + inflected), "region": [rng.choice(region_codes)],
              "register_status": ["registered"]} for _ in range(40)]
    return {"name": names, "bin": bin_queries, "faceted": faceted, "text+facets": mixed}


def measure(kind_queries: dict[str, list[dict]], with_facets: bool, rounds: int) -> dict[str, dict]:
    from django.core.cache import cache

    from qogam.registry.search import SearchParams, search

    results = {}
    for kind, items in kind_queries.items():
        samples = []
        cpu = time.process_time()
        for _ in range(rounds):
            for query in items:
                cache.clear()  # facets are cached per data version: measure them cold
                params = SearchParams.from_query(query)
                started = time.perf_counter()
                result = search(params, with_facets=with_facets)
                _ = [org.name_full_ru for org in result.items]
                samples.append(time.perf_counter() - started)
        results[kind] = {**percentiles(samples), "cpu": (time.process_time() - cpu) / max(len(samples), 1)}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--database-url", default=None, help="default: SQLite var/bench/qogam.sqlite3")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    setup(args.database_url)
    loaded = ensure_demo(args.size)
    print(f"database: {database_label()}; organisations: {args.size}; {machine_note()}"
          + (f" (demo generated in {loaded:.0f} s)" if loaded else ""))
    from qogam.registry.search import columns, engine

    kind_queries = queries(random.Random(args.seed))
    measure(kind_queries, True, 1)  # warm the page cache of the database and the lemma cache
    builds = []
    for _ in range(3):
        started, cpu = time.perf_counter(), time.process_time()
        snapshot = columns.build(engine.data_version())
        snapshot.rank(columns.ORDERS["name"][0])
        builds.append((time.perf_counter() - started, time.process_time() - cpu))
    wall, cpu = sorted(builds)[1]
    print(f"facet columns read after a data change (columns and name order, median of 3): {ms(wall)} "
          f"wall-clock, {ms(cpu)} CPU; {machine_note()}")
    for label, with_facets in (("results + total + 6 facets (facets uncached)", True),
                               ("results + total (no facets)", False)):
        print(f"\n{label}; {machine_note()}")
        print(f"  {'query kind':<14} {'n':>4} {'p50':>10} {'p95':>10} {'max':>10} {'CPU/query':>10}")
        for kind, stats in measure(kind_queries, with_facets, args.rounds).items():
            print(f"  {kind:<14} {stats['n']:>4} {ms(stats['p50'])} {ms(stats['p95'])} {ms(stats['max'])} "
                  f"{ms(stats['cpu'])}")


if __name__ == "__main__":
    main()
