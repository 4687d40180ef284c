"""The census dashboard in a real headless Chromium (Debian's), driven by Playwright, on a live server."""

import datetime as dt
import os
import shutil

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
TODAY = dt.date(2025, 6, 1)


@pytest.fixture(scope="module")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.skip("Debian's chromium is not installed")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's loop runs in this thread
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


def make_dormant(region: str, how_many: int) -> list[str]:
    """Turn a few demo organisations of ``region`` dormant: zero filings for the last three due years."""
    from qogam.registry.models import Filing, Organization, Signal

    chosen = list(Organization.objects.filter(region=region, register_status="registered",
                                              registered_on__lt=dt.date(2019, 1, 1),
                                              legal_form__in=["public_fund", "public_association"]).order_by("id")[:how_many])
    assert len(chosen) == how_many
    for org in chosen:
        Signal.objects.filter(organization=org, kind__in=["grant", "contract", "head_change", "charter_change"]).delete()
        org.filings.filter(year__gte=2020).delete()
        for year in (2020, 2021, 2022, 2023, 2024):
            zero = year >= 2022
            Filing.objects.create(organization=org, year=year, submitted_on=dt.date(year + 1, 3, 10),
                                  income=0 if zero else 500_000, expenses=0 if zero else 450_000,
                                  beneficiaries=0 if zero else 20)
    return [org.name_full_ru for org in chosen]


@pytest.fixture
def site(transactional_db, live_server):
    from django.core.cache import cache

    from qogam.census.store import recompute
    from qogam.registry.demo.generator import generate

    cache.clear()
    generate(size=300, seed=17, today=TODAY)
    names = make_dormant("310000000", 3)
    recompute(TODAY, trend_years=5)
    return live_server.url, names


def test_dashboard_region_then_its_dormant_ngos(page, site):
    url, names = site
    page.goto(url + "/")
    page.get_by_role("link", name="Перепись").click()
    page.wait_for_url("**/census/")
    assert page.get_by_role("heading", name="Перепись НПО").is_visible()
    page.wait_for_selector("#census-trends[data-drawn=true]")
    assert page.locator("#census-trends .bars .point").count() > 0  # the bars are drawn, not just the axes

    page.locator('[data-testid="census-map"] a[data-kato="310000000"]').click()
    page.wait_for_url("**/census/region/310000000/")
    assert page.get_by_role("heading", name="Жамбылская область").is_visible()
    dormant = page.locator('[data-testid="region-states"] a[data-measure="dormant"]')
    expected = int(dormant.get_attribute("data-value"))
    assert expected >= 3
    dormant.click()
    page.wait_for_url("**/census/orgs/?*")
    assert "state=dormant" in page.url and "region=310000000" in page.url
    assert int(page.get_by_test_id("census-list-count").get_attribute("data-value")) == expected
    listed = page.locator(".census-list .result h3 a").all_inner_texts()
    assert set(names) <= set(listed)

    page.get_by_role("link", name=names[0]).click()
    page.wait_for_url("**/census/org/*/")
    assert page.get_by_test_id("census-state").get_attribute("data-state") == "dormant"
    assert page.get_by_text("Отчёт за 2024 год: доходы 0, расходы 0, благополучателей нет").first.is_visible()


def test_the_map_works_without_javascript(browser, site):
    url, _names = site
    context = browser.new_context(java_script_enabled=False, locale="ru-RU")
    page = context.new_page()
    page.goto(url + "/census/?map=registered")
    page.locator('[data-testid="census-map"] a[data-kato="750000000"]').click()
    page.wait_for_url("**/census/region/750000000/")
    assert page.get_by_role("heading", name="г. Алматы").is_visible()
    context.close()
