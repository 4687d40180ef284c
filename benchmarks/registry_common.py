"""Shared set-up of the registry benchmarks: Django on a chosen database, a demo registry of a size."""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def setup(database_url: str | None, var_dir: str | None = None) -> None:
    if database_url:
        os.environ["QOGAM_DATABASE_URL"] = database_url
    os.environ.setdefault("QOGAM_VAR_DIR", var_dir or str(REPO / "var" / "bench"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qogam.web.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def ensure_demo(size: int, seed: int = 2025) -> float | None:
    """Load the demo registry unless one of this size and seed is there; returns seconds spent."""
    from qogam.registry.demo.generator import DEMO_VERSION, generate
    from qogam.registry.models import Organization, RegistrySetting

    demo = RegistrySetting.get(RegistrySetting.DEMO) or {}
    if (demo.get("size") == size and demo.get("seed") == seed and demo.get("version") == DEMO_VERSION
            and Organization.objects.count() == size):
        return None
    started = time.perf_counter()
    generate(size=size, seed=seed, progress=lambda done, total: print(f"\r  demo {done}/{total}", end="",
                                                                      file=sys.stderr))
    print(file=sys.stderr)
    seconds = time.perf_counter() - started
    vacuum()
    return seconds


def vacuum() -> None:
    """PostgreSQL: VACUUM ANALYZE after a bulk load, as autovacuum does within a minute or so.

    Replacing 100,000 organisations leaves as many dead rows; measured before autovacuum
    has run, searches read them all (the full-text table: 40 ms instead of 19 ms).
    """
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def database_label() -> str:
    from qogam.web.bootstrap import database_label as label

    return label()


def timed_get(client, url: str) -> float:
    """Seconds for one GET through the Django test client, the body read; it must answer 200."""
    started = time.perf_counter()
    response = client.get(url, HTTP_HOST="localhost")
    _ = response.content
    assert response.status_code == 200, (url, response.status_code)
    return time.perf_counter() - started


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    if not ordered:
        return {"n": 0}

    def pick(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]

    return {"n": len(ordered), "p50": pick(0.5), "p95": pick(0.95), "max": ordered[-1],
            "mean": statistics.fmean(ordered)}


def ms(value: float) -> str:
    return f"{value * 1000:7.1f} ms"


def machine_note() -> str:
    """Other processes skew timings on a shared machine: say how busy it was."""
    load = os.getloadavg()[0]
    return f"load average {load:.1f} on {os.cpu_count()} CPUs"
