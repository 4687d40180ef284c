"""Population files: residents per first-level region, with their source (read, checked, stored).

The figures set the dashboard's "per 10,000 inhabitants" numbers. A file replaces the
previous figures in one transaction; every row is checked (region known, population a
plausible whole number, no region twice) and nothing is written when any row is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from django.db import transaction

from qogam.registry.importers.tables import CellError, ImportFileError, integer, open_table, text
from qogam.registry.reference import header_key, match_columns, region_of, regions
from qogam.registry.textnorm import fold, words

from .models import RegionPopulation

SPEC_FILE = Path(__file__).with_name("population.yaml")
NEW_2022 = ("100000000", "330000000", "620000000")  # Абай, Жетісу, Ұлытау (created 8 June 2022)


@cache
def spec() -> dict:
    return yaml.safe_load(SPEC_FILE.read_text(encoding="utf-8"))


@cache
def _names() -> dict[str, str]:
    """Folded region names (full and short, three languages) → KATO code."""
    out = {}
    for code, region in regions().items():
        for names in (region.names, region.short):
            for name in names.values():
                out[_name_key(name)] = code
    return out


def _name_key(name: str) -> str:
    """A region name as compared: folded words, without «г.» and punctuation."""
    return " ".join("область" if w == "обл" else w for w in words(name))


def region_code(value: object) -> str | None:
    raw = text(value)
    if not raw:
        return None
    if raw.replace(" ", "").isdigit():
        return region_of(raw.replace(" ", ""))
    return _names().get(_name_key(raw))


@dataclass
class Parsed:
    figures: dict[str, int] = field(default_factory=dict)
    years: set[int] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def parse(path: str | Path) -> Parsed:
    """Read and check a population file; raise ImportFileError when it cannot be used at all."""
    fields = spec()["fields"]
    lo, hi = spec()["limits"]["min"], spec()["limits"]["max"]

    def score(row: list) -> int:
        return len(match_columns(row, fields))

    table = open_table(path, score)
    columns = match_columns(table.headers, fields)
    if "population" not in columns or not ({"kato", "region"} & set(columns)):
        found = ", ".join(h for h in table.headers if header_key(h)) or "нет"
        raise ImportFileError(
            table.name, f"не найдены столбцы региона (КАТО или название) и численности населения (строка {table.header_row}: {found})",
            "Назовите столбцы, например «КАТО» и «Численность населения», и повторите импорт.", "population.columns")
    parsed = Parsed()

    def pick(cells: list, name: str):
        index = columns.get(name)
        return cells[index] if index is not None and index < len(cells) else None

    for number, cells in table.rows:
        def cell(name: str, cells=cells):
            return pick(cells, name)

        raw_region = cell("kato") if cell("kato") not in (None, "") else cell("region")
        code = region_code(raw_region)
        if code is None:
            if not text(raw_region) or fold(text(raw_region)) in ("итого", "всего", "республика казахстан", "барлыгы"):
                continue  # a total or an empty line
            parsed.errors.append(f"строка {number}: «{text(raw_region)}» — не регион первого уровня "
                                 "(укажите 9-значный код КАТО или название области/города)")
            continue
        try:
            value = integer(cell("population"))
            year = integer(cell("year")) if "year" in columns else None
        except CellError as exc:
            parsed.errors.append(f"строка {number}: {exc}")
            continue
        if value is None or not lo <= value <= hi:
            parsed.errors.append(f"строка {number}: численность «{text(cell('population'))}» вне пределов {lo}–{hi}")
            continue
        if code in parsed.figures:
            parsed.errors.append(f"строка {number}: регион {code} встречается второй раз")
            continue
        parsed.figures[code] = value
        if year:
            parsed.years.add(year)
    missing = [code for code in regions() if code not in parsed.figures]
    if missing:
        note = " (в файле нет областей, созданных в 2022 г.: возможно, он старше)" if set(NEW_2022) & set(missing) else ""
        parsed.warnings.append(f"нет данных по {len(missing)} регионам: {', '.join(missing)}{note}")
    if len(parsed.years) > 1:
        parsed.warnings.append(f"в файле несколько лет: {', '.join(map(str, sorted(parsed.years)))}")
    return parsed


def store(parsed: Parsed, source: str, file_name: str, year: int | None) -> int:
    with transaction.atomic():
        RegionPopulation.objects.all().delete()
        RegionPopulation.objects.bulk_create([
            RegionPopulation(region=code, population=value, year=year, source=source, file_name=file_name)
            for code, value in parsed.figures.items()
        ])
    return len(parsed.figures)
