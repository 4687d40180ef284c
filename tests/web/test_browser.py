"""The web app in a real headless Chromium (Debian's), driven by Playwright, against a live server."""

import csv
import io
import os
import shutil
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.skip("Debian's chromium is not installed")
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


@pytest.fixture
def site(transactional_db, live_server):
    import datetime as dt

    from django.core.cache import cache

    from qogam.registry.demo.generator import generate

    cache.clear()
    generate(size=300, seed=17, today=dt.date(2025, 6, 1))
    return live_server.url


def test_upload_a_charter_and_see_its_findings(page, live_server, transactional_db, sample_docx):
    page.goto(f"{live_server.url}/check/")
    page.set_input_files("#charter-file", str(sample_docx))
    page.get_by_role("button", name="Проверить устав").click()
    findings = page.get_by_test_id("findings").locator("li.finding")
    assert findings.count() > 0
    assert page.locator("p.para.hl").count() > 0
    first = findings.first.locator(".finding-head a")
    target = first.get_attribute("href")
    first.click()
    assert page.url.endswith(target)
    assert "ошиб" in page.get_by_test_id("check-summary").inner_text()


def test_drag_and_drop_fills_the_file_input(page, live_server, transactional_db):
    page.goto(f"{live_server.url}/check/")
    page.evaluate("""() => {
        const data = new DataTransfer();
        data.items.add(new File(["Устав общественного объединения"], "ustav.txt", {type: "text/plain"}));
        const zone = document.querySelector("[data-dropzone]");
        zone.dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true, cancelable: true}));
    }""")
    assert page.eval_on_selector("#charter-file", "input => input.files[0].name") == "ustav.txt"
    assert "ustav.txt" in page.locator("[data-dropzone-status]").inner_text()


def test_search_filter_open_profile_and_export_csv(page, site):
    page.goto(site + "/")
    page.get_by_label("Название или БИН").fill("центр")
    page.get_by_role("button", name="Найти").click()
    page.wait_for_url("**/search/?q=*")
    total_text = page.locator(".results-count").inner_text()
    first_facet = page.locator('fieldset[data-facet="legal_form"] input[type="checkbox"]').first
    value = first_facet.get_attribute("value")
    with page.expect_navigation():
        first_facet.check()  # filters apply at once (progressive JavaScript)
    assert f"legal_form={value}" in page.url
    assert page.locator(".results-count").inner_text() != total_text
    total = int("".join(ch for ch in page.locator(".results-count").inner_text() if ch.isdigit()))

    with page.expect_download() as download_info:
        page.get_by_test_id("export-csv").click()
    path = download_info.value.path()
    rows = list(csv.DictReader(io.StringIO(Path(path).read_text(encoding="utf-8-sig"))))
    assert len(rows) == total and all(r["legal_form"] == value for r in rows)

    page.locator(".result h3 a").first.click()
    page.wait_for_url("**/org/*/")
    assert page.get_by_test_id("register-status").is_visible()
    assert page.locator(".tile-on").count() == 1


def test_profile_draws_the_filings_chart(page, site):
    from django.db.models import Count

    from qogam.registry.models import Organization

    org = Organization.objects.annotate(n=Count("filings")).filter(n__gte=3).first()
    page.goto(f"{site}/org/{org.bin}/")
    page.wait_for_selector("#filings-chart[data-drawn=true]")
    assert page.locator("#filings-chart .main-svg").count() > 0


def test_switch_language(page, site):
    page.goto(site + "/search/")
    assert page.locator("html").get_attribute("lang") == "ru"
    page.get_by_role("button", name="Қазақша").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "kk"
    assert page.get_by_role("heading", level=1).inner_text() == "Тізілім бойынша іздеу"
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Registry search"


def test_keyboard_reaches_the_skip_link_first(page, site):
    page.goto(site + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
