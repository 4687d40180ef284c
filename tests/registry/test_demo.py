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


@pytest.mark.django_db
def test_demo_filings_list_founders_and_state_money_names_its_customer():
    from qogam.registry.models import Signal

    generate(size=2000, seed=21, today=TODAY)
    filings = list(Filing.objects.values_list("organization_id", "founders", "income_sources"))
    assert sum(1 for _o, founders, _s in filings if founders) > 0.95 * len(filings)
    founders = Counter(name for _o, names, _s in filings for name in names)
    assert any(name.startswith(("ГУ «", "Министерство", "АО «Национальн", "РГП", "КГП")) for name in founders)
    money = list(Signal.objects.filter(kind__in=["grant", "contract"]).values_list("kind", "detail", "amount"))
    assert len(money) > 100
    for kind, detail, amount in money:
        assert amount > 0 and detail["icnpo"] and detail["year"]
        assert detail["customer"].startswith("НАО «Центр поддержки" if kind == "grant" else "ГУ «Управление")
    # Every state grant or contract a filing reports is a dated signal with the same amount.
    reported = sum(1 for _o, _f, sources in filings for key in ("state_grant", "state_social_order") if sources.get(key))
    from_filings = Signal.objects.filter(kind__in=["grant", "contract"], amount__isnull=False).count()
    assert reported <= from_filings <= reported * 1.2


@pytest.mark.django_db
def test_demo_has_dormant_filers_and_heads_rarely_share_a_name():
    generate(size=2000, seed=22, today=TODAY)
    by_org: dict[int, list] = {}
    for org_id, year, income, expenses, beneficiaries in Filing.objects.order_by("year").values_list(
            "organization_id", "year", "income", "expenses", "beneficiaries"):
        by_org.setdefault(org_id, []).append((year, float(income or 0), float(expenses or 0), beneficiaries or 0))
    last_due = TODAY.year - 1
    zero, hoarding = 0, 0
    for rows in by_org.values():
        years = {year: rest for year, *rest in rows}
        if all(years.get(y) == [0, 0, 0] for y in range(last_due - 2, last_due + 1)):
            zero += 1
        if all(y in years and years[y][0] > 0 and years[y][1] < 0.3 * years[y][0] for y in range(last_due - 4, last_due + 1)):
            hoarding += 1
    assert zero > 0.01 * 2000 and hoarding > 0.003 * 2000, (zero, hoarding)
    heads = Counter(Organization.objects.values_list("head_name", flat=True))
    assert len(heads) > 0.9 * 2000  # most heads are different people
    assert sum(n for n in heads.values() if n >= 6) < 0.05 * 2000


def test_heads_and_founders_rarely_coincide_in_a_registry_of_100000():
    """The census's shared-person flag must mark a few percent of a full-size demo registry, not half of it."""
    import random
    from collections import defaultdict

    from qogam.registry.demo.people import is_state_founded, make_founders, make_person, serial_pool
    from qogam.registry.reference import legal_forms, regions

    rng = random.Random(4)
    size = 100_000
    forms = [(code, form.demo_share) for code, form in legal_forms().items() if form.demo_share > 0]
    codes, weights = zip(*forms, strict=True)
    region_list = list(regions().values())
    serial = serial_pool(rng, size)
    holders: dict[str, set[int]] = defaultdict(set)
    for org in range(size):
        form = rng.choices(codes, weights)[0]
        head = make_person(rng, serial)
        founders = make_founders(rng, form, head, rng.choice(region_list), is_state_founded(rng, form), serial)
        for name in {head, *founders}:
            holders[name.lower()].add(org)
    flagged = set().union(*(orgs for orgs in holders.values() if len(orgs) >= 6))
    assert 0.01 * size < len(flagged) < 0.06 * size, len(flagged)
