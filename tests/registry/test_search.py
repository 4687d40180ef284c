import datetime as dt
import random

import pytest
from django.core.cache import cache
from django.db.models import Count

from qogam.registry.demo.generator import generate
from qogam.registry.models import Organization
from qogam.registry.search import SearchParams, engine, fulltext, iterate, search


@pytest.fixture
def registry(db):
    cache.clear()
    generate(size=600, seed=9, today=dt.date(2025, 6, 1))
    special = [
        ("081240605260", "Общественный фонд «Мейірім»", "«Мейірім» қоғамдық қоры", "public_fund"),
        ("190340000017", "Общественное объединение «Қамқор жүрек»", "«Қамқор жүрек» қоғамдық бірлестігі", "public_association"),
    ]
    for bin_value, ru, kk, form in special:
        Organization.objects.filter(bin=bin_value).delete()
        Organization.objects.create(bin=bin_value, name_full_ru=ru, name_full_kk=kk, legal_form=form,
                                    kato="751110000", registered_on=dt.date(2019, 3, 4))
    return Organization.objects


def run(**query):
    return search(SearchParams.from_query(query))


def test_inflected_russian_finds_the_lemma(registry):
    result = run(q="фонда Мейірім")
    assert "081240605260" in {o.bin for o in result.items}
    assert all(o.legal_form != "public_association" or "фонд" in o.search_text for o in result.items)


def test_kazakh_letters_typed_with_russian_lookalikes(registry):
    for query in ("Камкор журек", "қамқор жүрек", "КАМКОР"):
        assert "190340000017" in {o.bin for o in run(q=query).items}, query


def test_bin_exact_and_prefix(registry):
    assert [o.bin for o in run(q="081240605260").items] == ["081240605260"]
    result = run(q="0812")
    assert result.bin_match and all(o.bin.startswith("0812") for o in result.items)


def test_facet_counts_equal_database_counts(registry):
    result = run(region="750000000")
    expected = dict(Organization.objects.filter(region="750000000").values_list("legal_form").annotate(Count("id")))
    assert dict(result.facets["legal_form"]) == expected
    # a facet does not narrow itself: all regions stay visible with their totals
    assert dict(result.facets["region"])["750000000"] == result.total
    assert len(result.facets["region"]) == 20


def test_filters_combine(registry):
    result = run(region="750000000", legal_form=["public_fund", "public_association"], register_status="registered")
    expected = Organization.objects.filter(region="750000000", legal_form__in=["public_fund", "public_association"],
                                           register_status="registered").count()
    assert result.total == expected > 0


def test_sorting_and_paging(registry):
    newest = run(sort="-registered", page_size=5)
    dates = [o.registered_on for o in newest.items]
    assert dates == sorted(dates, reverse=True)
    page2 = run(sort="name", page=2, page_size=50)
    page1 = run(sort="name", page=1, page_size=50)
    assert not {o.pk for o in page1.items} & {o.pk for o in page2.items}
    assert [o.sort_name for o in page1.items] == sorted(o.sort_name for o in page1.items)


def test_export_iterates_the_whole_result_in_order(registry):
    params = SearchParams.from_query({"q": "центр", "sort": "relevance"})
    exported = [o.pk for o in iterate(params, chunk=7)]
    assert len(exported) == search(params).total > 7
    first_page = search(params.with_changes(page_size=10)).items
    assert exported[:10] == [o.pk for o in first_page]


def test_nonsense_query_finds_nothing_without_error(registry):
    assert run(q="«»!!").total == 0
    assert run(q="zzzqqqxx").total == 0


def test_bad_parameters_are_ignored_and_noted():
    params = SearchParams.from_query({"page": "x", "sort": "evil", "year": "19x0"})
    assert params.page == 1 and params.sort == "" and params.year == ()
    assert params.errors


def test_search_index_follows_edits(registry):
    org = Organization.objects.get(bin="081240605260")
    org.name_full_ru, org.name_full_kk = "Общественный фонд «Жаңа Белес»", "«Жаңа Белес» қоғамдық қоры"
    org.save()
    assert "081240605260" in {o.bin for o in run(q="белес").items}
    assert "081240605260" not in {o.bin for o in run(q="мейирим фонд").items}
    org.delete()
    assert run(q="белес").total == 0


def _orm_facets(params: SearchParams) -> dict:
    """Facet counts by plain ORM GROUP BY queries: every filter but the facet's own."""
    out = {}
    for name, column in engine.FACETS.items():
        queryset, _is_bin, _text = engine.filtered(params, skip_facet=name)
        out[name] = engine._format(column, queryset.order_by().values_list(column).annotate(n=Count("id")))
    return out


def _orm_page(params: SearchParams) -> list[int]:
    queryset, _is_bin, has_text = engine.filtered(params)
    offset = (params.page - 1) * params.page_size
    if has_text and params.effective_sort == "relevance":
        total = queryset.count()
        if total <= engine.RANK_LIMIT or fulltext.vendor() != "postgresql":
            plan = engine.plan(params)
            return fulltext.ranked_ids(plan.base, plan.text, offset, params.page_size)
    return list(engine.ordered(queryset, params, False).values_list("id", flat=True)[offset: offset + params.page_size])


def _random_params(rng: random.Random) -> SearchParams:
    query: dict = {}
    if rng.random() < 0.6:
        query["q"] = rng.choice(["фонд", "объединения", "центра развития", "детей", "спорта", "Мейірім", "журек",
                                 "ассоциации", "Камкор", "поддержки семьи", "болашак", "zzzq", "0812", "1903"])
    for name, choices in (("region", ["750000000", "710000000", "790000000", "310000000", "550000000"]),
                          ("legal_form", ["public_fund", "public_association", "private_institution",
                                          "association_of_legal_entities"]),
                          ("register_status", ["registered", "liquidated", "in_liquidation"]),
                          ("icnpo", ["1", "4", "2", "11", "none"]),
                          ("year", ["2005", "2012", "2019", "2021"]),
                          ("status", ["local", "regional", "republican", "none"])):
        if rng.random() < 0.3:
            query[name] = rng.sample(choices, rng.randint(1, 2))
    if rng.random() < 0.2:
        query["year_from"] = str(rng.randint(1995, 2020))
    if rng.random() < 0.2:
        query["year_to"] = str(rng.randint(2005, 2025))
    query["sort"] = rng.choice(["", "relevance", "name", "-name", "registered", "-registered", "bin"])
    query["page"] = str(rng.randint(1, 3))
    query["page_size"] = str(rng.choice([5, 20, 50]))
    return SearchParams.from_query(query)


def test_totals_pages_and_facets_equal_plain_orm_queries(registry):
    """Totals, pages and facet counts come from in-memory columns: they must equal the database's."""
    rng = random.Random(7)
    for _ in range(60):
        params = _random_params(rng)
        cache.clear()
        result = search(params)
        queryset, _is_bin, _text = engine.filtered(params)
        assert result.total == queryset.count(), params
        assert [o.pk for o in result.items] == _orm_page(params), params
        assert result.facets == _orm_facets(params), params


def test_search_sees_what_an_import_committed(registry, tmp_path):
    from qogam.registry.demo.files import bns_rows, write_bns_csv
    from qogam.registry.importers import BnsImporter, run_import

    before = run(q="фонд").total
    path = write_bns_csv(tmp_path / "r.csv", bns_rows(300, seed=31))
    report = run_import(BnsImporter(dt.date(2025, 1, 1)), path, chunk_size=100)
    expected = Organization.objects.filter(id__in=fulltext.matching_ids("фонд")).count()
    assert report.counts["added"] > 0 and run(q="фонд").total == expected > before
    assert dict(run(region="750000000").facets["region"])["750000000"] == \
        Organization.objects.filter(region="750000000").count()
