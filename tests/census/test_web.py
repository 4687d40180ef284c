"""Census pages: every number equals the CLI's, links to its list, and the list has that many."""

import io
import json
import re
from contextlib import redirect_stdout

import pytest
from conftest import DEMO_TODAY, HAND_AS_OF
from django.test import Client

from qogam.census.definitions import STATE_CODES
from qogam.census.store import recompute
from qogam.cli import main

NUMBER = re.compile(r'<a href="([^"]+)" data-measure="([^"]+)" data-value="(\d+)">')


def cli_json(*args: str) -> dict:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["census", "--format", "json", *args]) == 0
    return json.loads(out.getvalue())


def numbers(html: str, table: str) -> dict:
    """{(row key, measure): value} of one census table on a page."""
    start = html.index(f'data-dimension="{table}"')
    end = html.index("</table>", start)
    out = {}
    for row in re.finditer(r'<tr data-key="([^"]*)">(.*?)</tr>', html[start:end], re.S):
        for cell in re.finditer(r'data-measure="([^"]+)" data-value="(\d+)"', row.group(2)):
            out[(row.group(1), cell.group(1))] = int(cell.group(2))
    return out


@pytest.fixture
def client():
    return Client(HTTP_ACCEPT_LANGUAGE="ru")


def test_dashboard_numbers_equal_the_cli_numbers(demo_registry, client):
    recompute(DEMO_TODAY, trend_years=5)
    cli = cli_json("--as-of", DEMO_TODAY.isoformat(), "--trend-years", "5")
    html = client.get("/census/").content.decode()
    headline = html[html.index('data-testid="census-states"'):]
    headline = headline[:headline.index("</table>")]
    shown = {m: int(v) for _url, m, v in NUMBER.findall(headline)}
    assert shown == {m: cli["totals"][m] for m in ("total", "working", *STATE_CODES)}
    for dimension in ("region", "legal_form", "icnpo_group", "language", "registration_year"):
        table = numbers(html, dimension)
        expected = {(key, m): row[m] for key, row in cli["breakdowns"][dimension].items()
                    for m in ("total", "working", *STATE_CODES)}
        assert table == expected, dimension
    # The JSON the page offers is the CLI's JSON.
    served = client.get("/census/data.json").json()
    assert {k: v for k, v in served.items() if k != "definitions"} == {k: v for k, v in cli.items() if k != "definitions"}
    assert cli["definitions"]["states"]["dormant"]["definition"] in html


def test_every_number_opens_the_list_of_exactly_that_many_organisations(demo_registry, client):
    recompute(DEMO_TODAY, trend_years=0)
    html = client.get("/census/").content.decode()
    links = NUMBER.findall(html)
    assert len(links) > 100
    checked = 0
    for url, measure, value in links[:12] + links[40:48] + [x for x in links if x[1].startswith("flag:")]:
        page = client.get(url.replace("&amp;", "&")).content.decode()
        count = re.search(r'data-testid="census-list-count" data-value="(\d+)"', page)
        assert count and int(count.group(1)) == int(value), (url, measure)
        checked += 1
    assert checked >= 20


def test_region_page_lists_its_numbers_and_links_to_dormant(demo_registry, client):
    recompute(DEMO_TODAY, trend_years=0)
    cli = cli_json("--as-of", DEMO_TODAY.isoformat(), "--no-sensitivity", "--trend-years", "0")
    region, row = max(cli["breakdowns"]["region"].items(), key=lambda item: item[1]["total"])
    html = client.get(f"/census/region/{region}/").content.decode()
    part = html[html.index('data-testid="region-states"'):]
    part = part[:part.index("</table>")]
    shown = {m: int(v) for m, v in re.findall(r'data-measure="([^"]+)" data-value="(\d+)"', part)}
    assert shown == {m: row[m] for m in ("total", "working", *STATE_CODES)}
    for dimension in ("legal_form", "icnpo_group", "language"):
        table = numbers(html, dimension)
        assert sum(v for (k, m), v in table.items() if m == "total") == row["total"]
    assert client.get("/census/region/123456789/").status_code == 404


def test_list_of_a_state_in_a_region_and_its_csv(hand_registry, client):
    recompute(HAND_AS_OF, trend_years=0)
    page = client.get("/census/orgs/", {"region": "310000000", "state": "dormant"}).content.decode()
    assert 'data-value="1"' in page and "ОФ «Спящий»" in page
    assert "Отчёт за 2023 год: доходы 0, расходы 0, благополучателей нет (подан 01.03.2024)" in page
    csv_text = client.get("/census/orgs/", {"state": "presumed_dead", "format": "csv"}).content.decode("utf-8-sig")
    lines = csv_text.strip().splitlines()
    assert len(lines) == 2 and hand_registry["dead"].bin in lines[1] and "Нет отчёта за 2016 год" in lines[1]
    # Unknown filter values match nothing rather than everything.
    assert 'data-value="9"' in client.get("/census/orgs/", {"state": "nonsense"}).content.decode()
    assert 'data-value="1"' in client.get("/census/orgs/", {"flag": "state_founder"}).content.decode()


def test_organisation_page_shows_state_facts_flags_and_history(hand_registry, client):
    recompute(HAND_AS_OF, trend_years=0)
    html = client.get(f"/census/org/{hand_registry['dead'].bin}/").content.decode()
    assert 'data-state="presumed_dead"' in html
    assert "Нет отчёта за 2025 год (срок — 31.03.2026)" in html
    assert "Ни одного отчёта в базу данных НПО" in html
    assert "Зарегистрирована 20.05.2016" in html
    html = client.get(f"/census/org/{hand_registry['future'].bin}/").content.decode()
    assert "Отчёт за 2025 год с датой 15.07.2026 — позже даты расчёта, не учтён" in html
    assert "(не учтено)" in html  # the future filing on the timeline
    html = client.get(f"/census/org/{hand_registry['state_founded'].bin}/").content.decode()
    assert "Учредитель «ГУ «Управление внутренней политики акимата Жамбылской области»» (отчёт за 2025 год)" in html
    assert "2025 год: 90% доходов — государственные гранты и госсоцзаказ" in html
    assert "не обвинения" in html
    assert client.get("/census/org/000000000000/").status_code == 404


def test_candidates_page_and_csv_have_what_a_registrar_needs(hand_registry, client):
    recompute(HAND_AS_OF, trend_years=0)
    html = client.get("/census/candidates/").content.decode()
    assert hand_registry["dead"].bin in html and "КоАП ст. 489-1" in html
    csv_text = client.get("/census/candidates/", {"format": "csv"}).content.decode("utf-8-sig")
    header, row = csv_text.strip().splitlines()
    assert header.startswith("БИН,Идентификатор,Наименование")
    assert hand_registry["dead"].bin in row and "г. Тараз, ул. Абая 1" in row
    assert "2016; 2017; 2018; 2019; 2020; 2021; 2022; 2023; 2024; 2025" in row


def test_pages_in_kazakh_and_english(hand_registry):
    recompute(HAND_AS_OF, trend_years=2)
    kk = Client(HTTP_ACCEPT_LANGUAGE="kk").get("/census/", HTTP_COOKIE="qogam_language=kk").content.decode()
    assert "ҮЕҰ санағы" in kk and "Жұмыс істеп тұрған ҮЕҰ" in kk
    en = Client().get("/census/definitions/", HTTP_COOKIE="qogam_language=en").content.decode()
    assert "Presumed dead" in en and "Definitions and thresholds" in en


def test_without_a_run_the_dashboard_says_what_to_do(db, client):
    html = client.get("/census/").content.decode()
    assert "qogam census recompute" in html
    assert client.get("/census/data.json").status_code == 404
    assert client.get("/census/definitions/").status_code == 200


def test_dashboard_shows_per_capita_only_after_a_population_import(hand_registry, client):
    from qogam.census.models import RegionPopulation

    recompute(HAND_AS_OF, trend_years=0)
    assert "map=working_per_10k" not in client.get("/census/").content.decode()
    RegionPopulation.objects.create(region="310000000", population=1_215_892, source="Тестовый источник", year=2026)
    html = client.get("/census/", {"map": "working_per_10k"}).content.decode()
    assert "Тестовый источник" in html
    working = 3  # active, future (non-compliant with activity), state_founded in Жамбылская
    assert f'Жамбылская область: {working * 10_000 / 1_215_892:.1f}' in html.replace("aria-label=\"", "")


def test_the_registry_profile_shows_the_census_state(hand_registry, client):
    recompute(HAND_AS_OF, trend_years=0)
    html = client.get(f"/org/{hand_registry['dormant'].bin}/").content.decode()
    badge = re.search(r'<a class="badge" href="([^"]+)" data-testid="census-badge">([^<]+)</a>', html)
    assert badge and badge.group(2) == "Перепись: «Спящая»"
    assert client.get(badge.group(1)).status_code == 200


def test_trend_numbers_open_their_lists(demo_registry, client):
    done = recompute(DEMO_TODAY, trend_years=8)
    html = client.get("/census/").content.decode()
    for row in done.outcome.result["trends"]:
        for name, value in (("registration_year", row["registrations"]), ("liquidated_year", row["liquidations"])):
            if not value:
                continue
            assert f'?{name}={row["year"]}">{value}<' in html
            page = client.get("/census/orgs/", {name: row["year"]}).content.decode()
            assert f'data-testid="census-list-count" data-value="{value}"' in page, (name, row)
