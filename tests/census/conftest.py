"""Django set-up for the census tests (the pure census modules are tested without it too).

The database is QOGAM_DATABASE_URL when set (PostgreSQL), else SQLite; files the app
writes go to a temporary folder, never to the repository.
"""

import os
import tempfile

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qogam.web.settings")
os.environ.setdefault("QOGAM_VAR_DIR", tempfile.mkdtemp(prefix="qogam-test-var-"))

import django  # noqa: E402

django.setup()

import datetime as dt  # noqa: E402

import pytest  # noqa: E402

DEMO_TODAY = dt.date(2025, 6, 1)
HAND_AS_OF = dt.date(2026, 6, 1)


def make_bin(serial: int) -> str:
    from qogam.registry.identifiers import complete_bin

    for tail in range(serial * 10, serial * 10 + 10):
        value = complete_bin(f"0506400{tail:04d}")
        if value:
            return value
    raise AssertionError("no BIN")


@pytest.fixture
def demo_registry(db):
    """The demo generator's registry: 400 organisations, fixed seed and date."""
    from django.core.cache import cache

    from qogam.registry.demo.generator import generate
    from qogam.registry.models import Organization

    cache.clear()
    generate(size=400, seed=13, today=DEMO_TODAY)
    return Organization.objects


@pytest.fixture
def hand_registry(db):
    """Organisations built by hand whose state on HAND_AS_OF (2026-06-01) is known."""
    from django.core.cache import cache

    from qogam.registry.models import Filing, Organization, Signal

    cache.clear()
    d = dt.date.fromisoformat

    def org(serial, name, registered="2010-05-01", kato="311010000", form="public_fund", **fields):
        return Organization.objects.create(
            bin=make_bin(serial), name_full_ru=name, legal_form=form, kato=kato,
            registered_on=d(registered) if registered else None, languages=["kk", "ru"], head_name=f"Руководитель {serial}",
            **fields)

    def filing(o, year, income=1_000_000, expenses=900_000, beneficiaries=10, submitted=None, **extra):
        Filing.objects.create(organization=o, year=year, submitted_on=d(submitted) if submitted else dt.date(year + 1, 3, 1),
                              income=income, expenses=expenses, beneficiaries=beneficiaries, **extra)

    made = {}
    made["active"] = o = org(1, "ОФ «Активный»")
    for y in range(2016, 2026):
        filing(o, y)
    made["dead"] = org(2, "ОФ «Молчащий»", registered="2016-05-20", kato="311010000", address="г. Тараз, ул. Абая 1")
    made["dormant"] = o = org(3, "ОФ «Спящий»")
    for y in range(2016, 2023):
        filing(o, y)
    for y in range(2023, 2026):
        filing(o, y, income=0, expenses=0, beneficiaries=0)
    made["liquidated_filing"] = o = org(4, "ОФ «Ликвидированный»", register_status="liquidated",
                                        register_status_since=d("2023-06-30"))
    Signal.objects.create(organization=o, kind="status_change", date=d("2023-06-30"),
                          detail={"from": "registered", "to": "liquidated"})
    for y in range(2021, 2026):
        filing(o, y)
    made["future"] = o = org(5, "ОФ «Будущий отчёт»")
    for y in range(2016, 2025):
        filing(o, y)
    filing(o, 2025, submitted="2026-07-15")
    made["new"] = org(6, "ОФ «Новый»", registered="2025-09-01")
    made["grant_no_filings"] = o = org(7, "ОФ «Грантовый»", kato="751110000")
    for y in range(2016, 2023):
        filing(o, y)
    Signal.objects.create(organization=o, kind="grant", date=d("2025-05-01"), amount=5_000_000)
    made["religious"] = org(8, "Религиозное объединение «Тихое»", form="religious_association", registered="2005-01-01")
    made["state_founded"] = o = org(9, "ОО «При акимате»", form="public_association")
    for y in range(2016, 2026):
        filing(o, y, income=10_000_000, expenses=9_500_000,
               income_sources={"state_social_order": 9_000_000, "donations": 1_000_000},
               founders=["ГУ «Управление внутренней политики акимата Жамбылской области»", "Иванов Иван Иванович"])
    return made
