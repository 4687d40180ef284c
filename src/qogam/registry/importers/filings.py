"""NGO-database submissions (CSV/XLSX): one row per organisation and reporting year."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.utils import timezone

from ..bulk import ids_by_bin, insert_rows, update_rows
from ..identifiers import InvalidBIN, clean_bin
from ..models import DataSource, Filing, Signal
from ..reference import filing_spec, income_sources, match_columns
from . import tables
from .report import ImportReport
from .runner import Importer
from .tables import CellError, ImportFileError, Table

VALUE_FIELDS = ("submitted_on", "income", "expenses", "assets", "beneficiaries", "staff", "volunteers",
                "income_sources", "founders")


def _spec() -> dict:
    spec = dict(filing_spec()["fields"])
    for source in income_sources():
        spec[f"source:{source['code']}"] = {"headers": source["headers"]}
    return spec


class FilingsImporter(Importer):
    kind = "filings"
    source_kind = DataSource.Kind.NGO_DATABASE

    def __init__(self, as_of, source_name: str = "", columns: dict[str, int] | None = None):
        super().__init__(as_of, source_name)
        self.columns = columns or {}
        self.seen: dict[tuple[str, int], int] = {}

    def open(self, path: Path) -> Table:
        spec = _spec()
        table = tables.open_table(path, score=lambda row: len(match_columns(list(row), spec)))
        if not self.columns:
            self.columns = match_columns(table.headers, spec)
        missing = [name for name in ("bin", "year") if name not in self.columns]
        if missing:
            raise ImportFileError(
                table.name, f"required columns not found: {', '.join(missing)} (headers read: "
                f"{', '.join(h for h in table.headers if h)[:300]})",
                "The file needs at least the columns «БИН» and «Отчётный год».", "import.columns",
            )
        return table

    def cell(self, cells: list, name: str):
        index = self.columns.get(name)
        return cells[index] if index is not None and index < len(cells) else None

    def parse(self, cells: list) -> tuple[str, int, dict]:
        bin_value = clean_bin(self.cell(cells, "bin"))
        year = tables.integer(self.cell(cells, "year"))
        if year is None or not 2000 <= year <= dt.date.today().year:
            raise CellError(f"отчётный год «{tables.text(self.cell(cells, 'year'))}» вне диапазона 2000–{dt.date.today().year}")
        sources = {}
        for source in income_sources():
            amount = tables.number(self.cell(cells, f"source:{source['code']}"))
            if amount:
                sources[source["code"]] = int(amount)
        founders = tables.text(self.cell(cells, "founders"))
        values = {
            "submitted_on": tables.date(self.cell(cells, "submitted_on")),
            "income": tables.number(self.cell(cells, "income")),
            "expenses": tables.number(self.cell(cells, "expenses")),
            "assets": tables.number(self.cell(cells, "assets")),
            "beneficiaries": tables.integer(self.cell(cells, "beneficiaries")),
            "staff": tables.integer(self.cell(cells, "staff")),
            "volunteers": tables.integer(self.cell(cells, "volunteers")),
            "income_sources": sources,
            "founders": [f.strip() for f in founders.split(";") if f.strip()] if founders else [],
        }
        for name in ("income", "expenses", "assets", "beneficiaries", "staff", "volunteers"):
            if values[name] is not None and values[name] < 0:
                raise CellError(f"{name}: отрицательное значение {values[name]}")
        return bin_value, year, values

    def observe(self, row_number: int, cells: list) -> None:
        try:
            bin_value, year, _values = self.parse(cells)
        except (InvalidBIN, CellError):
            return
        self.seen.setdefault((bin_value, year), row_number)

    def process(self, rows, report: ImportReport) -> None:
        parsed = []
        for row_number, cells in rows:
            raw = tables.text(self.cell(cells, "bin"))
            try:
                bin_value, year, values = self.parse(cells)
            except InvalidBIN as exc:
                report.note(row_number, raw, "rejected", f"неверный БИН: {exc.problem}")
                continue
            except CellError as exc:
                report.note(row_number, raw, "rejected", f"ошибка в ячейке: {exc}")
                continue
            key = (bin_value, year)
            if key in self.seen:
                report.note(row_number, f"{bin_value}/{year}", "skipped",
                            f"сведения за этот год повторяются в файле (первый раз в строке {self.seen[key]})")
                continue
            self.seen[key] = row_number
            parsed.append((row_number, bin_value, year, values))
        org_ids = ids_by_bin(sorted({p[1] for p in parsed}))
        existing: dict[tuple[int, int], dict] = {}
        ids, years = sorted(set(org_ids.values())), sorted({p[2] for p in parsed})
        for start in range(0, len(ids), 900):
            rows = Filing.objects.filter(organization_id__in=ids[start: start + 900], year__in=years)
            for row in rows.values("id", "organization_id", "year", "as_of", *VALUE_FIELDS):
                existing[(row["organization_id"], row["year"])] = row
        create, update, signals = [], [], []
        now = timezone.now()
        for row_number, bin_value, year, values in parsed:
            key = f"{bin_value}/{year}"
            org_id = org_ids.get(bin_value)
            if org_id is None:
                report.note(row_number, key, "rejected",
                            "организации с таким БИН нет в реестре — сначала импортируйте реестр (qogam import bns)")
                continue
            filing = existing.get((org_id, year))
            if filing is None:
                create.append({"organization_id": org_id, "year": year, "source_id": self.source.pk,
                               "as_of": self.as_of, **values})
                signals.append({"organization_id": org_id, "kind": Signal.Kind.FILING, "source_id": self.source.pk,
                                "date": values["submitted_on"] or self.as_of, "detail": {"year": year}})
                report.note(row_number, key, "added")
                continue
            if filing["as_of"] and filing["as_of"] > self.as_of:
                report.note(row_number, key, "skipped",
                            "в реестре более новые сведения за этот год — старые не записаны")
                continue
            changes = {name: value for name, value in values.items()
                       if value not in (None, {}, []) and filing[name] != value}
            if not changes:
                report.note(row_number, key, "unchanged")
                continue
            filing.update(changes)
            update.append((filing["id"], *(filing[name] for name in VALUE_FIELDS), self.source.pk, self.as_of, now))
            report.note(row_number, key, "changed")
        insert_rows(Filing, create)
        update_rows(Filing, [*VALUE_FIELDS, "source", "as_of", "updated_at"], update)
        insert_rows(Signal, signals)
