"""Synthetic files in the shape of real deliveries — a BNS register export and NGO-database
submissions — for tests, benchmarks and trying the importers (no Django)."""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

from ..identifiers import complete_bin
from ..reference import legal_forms, places, regions
from .names import make_address, make_names, vocabulary
from .people import make_person
from .series import pick_weighted, registration_date

BNS_HEADERS = ["БИН", "Наименование", "Наименование на казахском языке", "Дата регистрации", "ОКЭД",
               "КАТО", "Юридический адрес", "Руководитель"]
COMMERCIAL = ["ТОО", "АО", "ИП"]


def bns_rows(count: int, seed: int = 7, commercial_share: float = 0.3, today: dt.date | None = None) -> list[list]:
    """Rows of a BNS register export: non-commercial organisations mixed with commercial ones."""
    rng = random.Random(seed)
    today = today or dt.date(2025, 1, 1)
    vocab = vocabulary()
    forms = [(f, f.demo_share) for f in legal_forms().values() if f.demo_share > 0]
    topics = [(t, t["weight"]) for t in vocab["topics"]]
    region_list = [(r, r.population) for r in regions().values()]
    by_region: dict[str, list] = {}
    for place in places():
        by_region.setdefault(place.region, []).append(place)
    used: set[str] = set()
    rows = []
    while len(rows) < count:
        registered = registration_date(rng, today)
        candidate = complete_bin(f"{registered:%y%m}40{rng.randint(0, 99999):05d}")
        if not candidate or candidate in used:
            continue
        used.add(candidate)
        region = pick_weighted(rng, region_list)
        place = rng.choice(by_region[region.kato])
        if rng.random() < commercial_share:
            name_ru = f"{rng.choice(COMMERCIAL)} «{rng.choice(vocab['brands'])}»"
            name_kk, oked = name_ru, "47190"
        else:
            form = pick_weighted(rng, forms)
            special = vocab["form_topics"].get(form.code)
            topic = rng.choice(special) if special else pick_weighted(rng, topics)
            names = make_names(rng, form, topic, region)
            name_ru, name_kk, oked = names.full_ru, names.full_kk, topic["oked"]
        rows.append([candidate, name_ru, name_kk, registered.strftime("%d.%m.%Y"), oked, place.kato,
                     make_address(rng, place, region), make_person(rng)])
    return rows


def write_bns_csv(path: str | Path, rows: list[list], encoding: str = "utf-8", delimiter: str = ";") -> Path:
    """A CSV export; in Windows-1251 Kazakh letters become «?», as in real legacy exports."""
    path = Path(path)
    with path.open("w", encoding=encoding, errors="replace", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(BNS_HEADERS)
        writer.writerows(rows)
    return path


def write_bns_xlsx(path: str | Path, rows: list[list], title: str | None = "Реестр юридических лиц") -> Path:
    import openpyxl

    path = Path(path)
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Лист1")
    if title:
        sheet.append([title])  # BNS exports carry a title row above the header
    sheet.append(BNS_HEADERS)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


FILING_HEADERS = ["БИН", "Отчётный год", "Дата представления", "Доходы всего", "Расходы всего",
                  "Государственные гранты", "Государственный социальный заказ", "Пожертвования",
                  "Благополучатели", "Штатные работники", "Волонтёры", "Учредители"]


def filing_rows(bins: list[str], years: range, seed: int = 11) -> list[list]:
    """Rows of an NGO-database export: one per organisation and reporting year."""
    rng = random.Random(seed)
    rows = []
    for bin_value in bins:
        founders = "; ".join(make_person(rng) for _ in range(rng.randint(1, 3)))
        scale = rng.randint(1, 40) * 250_000
        for year in years:
            income = scale * rng.randint(6, 15) // 10
            state = income * rng.randint(0, 8) // 10 if rng.random() < 0.25 else 0
            submitted = dt.date(year + 1, 1, 10) + dt.timedelta(days=rng.randint(0, 120))
            rows.append([bin_value, year, submitted.strftime("%d.%m.%Y"), income, income * rng.randint(70, 105) // 100,
                         state if rng.random() < 0.5 else "", "" if not state else state // 2, income - state,
                         rng.randint(0, 400), rng.randint(0, 20), rng.randint(0, 40), founders])
    return rows


def write_filings_csv(path: str | Path, rows: list[list], delimiter: str = ";") -> Path:
    path = Path(path)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(FILING_HEADERS)
        writer.writerows(rows)
    return path
