import datetime as dt
from collections import Counter

import pytest

from qogam.registry.demo.generator import DemoRefused, allocate, generate
from qogam.registry.identifiers import is_valid_bin
from qogam.registry.models import Filing, Organization, RegistrySetting
from qogam.registry.reference import regions

TODAY = dt.date(2025, 6, 1)


def test_allocation_is_exact_and_proportional():
    weights = {code: r.population for code, r in regions().items()}
    counts = allocate(25_000, weights)
    assert sum(counts.values()) == 25_000
    whole = sum(weights.values())
    for code, count in counts.items():
        assert abs(count - 25_000 * weights[code] / whole) < 1


@pytest.mark.django_db
def test_demo_registry_is_realistic_and_marked():
    stats = generate(size=1500, seed=11, today=TODAY)
    assert stats.organizations == Organization.objects.count() == 1500
    orgs = list(Organization.objects.all())
    assert all(is_valid_bin(o.bin) for o in orgs)
    assert len({o.bin for o in orgs}) == 1500
    assert all(o.bin[:4] == o.registered_on.strftime("%y%m") for o in orgs)
    assert len({o.region for o in orgs}) == 20
    by_region = Counter(o.region for o in orgs)
    assert by_region["750000000"] > by_region["620000000"] * 5  # Almaty city vs Ulytau
    forms = Counter(o.legal_form for o in orgs)
    assert forms.most_common(1)[0][0] == "public_association"
    assert len(forms) >= 9
    statuses = Counter(o.register_status for o in orgs)
    assert statuses["liquidated"] > 0 and statuses["registered"] > statuses["liquidated"]
    assert all(o.name_full_kk and o.name_full_ru and o.search_text for o in orgs)
    assert all(o.provenance["name_full_ru"]["source"] == "demo" for o in orgs[:10])
    assert RegistrySetting.get(RegistrySetting.DEMO)["size"] == 1500


@pytest.mark.django_db
def test_filings_have_gaps_and_stop_after_liquidation():
    generate(size=800, seed=5, today=TODAY)
    years_per_org = Counter(Filing.objects.values_list("organization_id", flat=True))
    filers = Organization.objects.filter(legal_form="public_association", registered_on__lt=dt.date(2015, 1, 1),
                                         register_status="registered")
    counts = [years_per_org.get(o.pk, 0) for o in filers]
    assert min(counts) == 0 and max(counts) >= 8  # some never file, some every year 2016–2024
    assert any(0 < c < 8 for c in counts)  # gaps
    for filing in Filing.objects.filter(organization__register_status="liquidated").select_related("organization"):
        assert filing.year < filing.organization.register_status_since.year
    assert not Filing.objects.filter(year__gte=TODAY.year).exists()


@pytest.mark.django_db
def test_same_seed_same_registry():
    generate(size=200, seed=3, today=TODAY)
    first = sorted(Organization.objects.values_list("bin", "name_full_ru"))
    generate(size=200, seed=3, today=TODAY)  # replaces the demo registry
    assert sorted(Organization.objects.values_list("bin", "name_full_ru")) == first
    assert Organization.objects.count() == 200


@pytest.mark.django_db
def test_refuses_to_mix_with_real_data():
    Organization.objects.create(bin="081240605260", name_full_ru="ЧУ «Адал»", legal_form="private_institution")
    with pytest.raises(DemoRefused, match="пустую базу"):
        generate(size=10, today=TODAY)
    assert Organization.objects.count() == 1
