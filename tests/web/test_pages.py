import pytest
from django.db.models import Count


def test_home_is_russian_with_demo_banner_and_region_map(client, registry):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Language"] == "ru"
    assert "Демо-данные." in html and "400 синтетических организаций" in html
    assert html.count('<g class="tile') == 20
    assert 'href="/search/?region=750000000"' in html


def test_no_banner_without_demo_data(client, db):
    html = client.get("/").content.decode()
    assert "Демо-данные." not in html
    assert "Реестр пуст" in html


def test_every_page_has_skip_link_language_switcher_and_labels(client, registry):
    org = registry.first()
    for url in ("/", "/search/?q=центр", f"/org/{org.bin}/", "/check/", "/about/"):
        html = client.get(url).content.decode()
        assert 'class="skip-link" href="#main"' in html, url
        assert 'name="language" value="kk"' in html, url
        assert '<main id="main"' in html, url
    search = client.get("/search/").content.decode()
    assert '<label for="q">' in search and 'id="q"' in search


def test_search_page_filters_and_facets(client, registry):
    response = client.get("/search/", {"region": "750000000", "legal_form": "public_fund"})
    expected = registry.filter(region="750000000", legal_form="public_fund").count()
    assert response.context["result"].total == expected
    html = response.content.decode()
    assert f"Найдено {expected}" in html or f"Найдена {expected}" in html
    assert 'value="750000000" checked' in html
    by_status = dict(registry.filter(region="750000000", legal_form="public_fund")
                     .values_list("register_status").annotate(n=Count("id")))
    facet = {v["value"]: v["count"] for f in response.context["facets"] if f["name"] == "register_status"
             for v in f["values"]}
    assert facet == by_status


def test_search_page_survives_bad_parameters(client, registry):
    response = client.get("/search/", {"page": "abc", "sort": "DROP TABLE", "year": "x", "q": "'\"*)("})
    assert response.status_code == 200


def test_profile_shows_identity_sources_filings_and_map(client, registry):
    org = registry.annotate(n=Count("filings")).filter(n__gte=3).first()
    html = client.get(f"/org/{org.bin}/").content.decode()
    assert org.name_full_ru.replace("«", "&laquo;") in html or org.name_full_ru in html
    assert f"KZ-BIN-{org.bin}" in html
    assert "Демо-реестр (синтетические данные)" in html  # the source of each field
    assert 'id="filings-figure"' in html and "/vendor/plotly.min.js" in html
    assert f'class="tile tile-on" data-kato="{org.region}"' in html
    for filing in org.filings.all():
        assert f'<th scope="row">{filing.year}</th>' in html


def test_liquidated_profile_says_so(client, registry):
    org = registry.filter(register_status="liquidated").first()
    html = client.get(f"/org/{org.bin}/").content.decode()
    assert "ликвидирована" in html


@pytest.mark.parametrize("bin_value", ["081240605261", "abc", "081240605260"])
def test_unknown_or_invalid_bin_is_a_friendly_404(client, registry, bin_value):
    response = client.get(f"/org/{bin_value}/")
    assert response.status_code == 404
    assert "Страница не найдена" in response.content.decode()


def test_plotly_is_served_from_the_python_package(client, db):
    response = client.get("/vendor/plotly.min.js")
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert len(body) > 1_000_000 and b"plotly" in body[:2000].lower()


def test_static_files_are_served_by_the_app(client, db):
    assert client.get("/static/qogam/style.css").status_code == 200
    assert client.get("/static/qogam/app.js").status_code == 200
