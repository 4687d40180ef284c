"""The Bureau of National Statistics' register of legal entities (XLSX/CSV), non-commercial rows only."""

from __future__ import annotations

from pathlib import Path

from ..identifiers import InvalidBIN, clean_bin
from ..models import DataSource
from ..reference import bns_columns, detect_legal_form, legal_forms, match_columns, region_of
from . import tables
from .organizations import Incoming, merge, short_name
from .report import ImportReport
from .runner import Importer
from .tables import CellError, ImportFileError, Table


class RowRejected(Exception):
    pass


class OrganizationRowsImporter(Importer):
    """Shared by the BNS and the generic importer: rows → Incoming, duplicates, merge."""

    def __init__(self, as_of, source_name: str = ""):
        super().__init__(as_of, source_name)
        self.columns: dict[str, int] = {}
        self.seen: dict[str, int] = {}

    def cell(self, cells: list, name: str):
        index = self.columns.get(name)
        if index is None or index >= len(cells):
            return None
        return cells[index]

    def parse(self, cells: list) -> tuple[str, dict]:
        """(BIN, field values) or raise RowRejected / InvalidBIN / CellError; None values = unknown."""
        raise NotImplementedError

    def key(self, cells: list) -> str:
        try:
            return clean_bin(self.cell(cells, "bin"))
        except InvalidBIN:
            return tables.text(self.cell(cells, "bin"))

    def prepare(self, rows) -> None:
        """Look up, once per chunk, what ``parse`` needs from the registry."""

    def observe(self, row_number: int, cells: list) -> None:
        self.seen.setdefault(self.key(cells), row_number)

    def process(self, rows, report: ImportReport) -> None:
        items = []
        self.prepare(rows)
        for row_number, cells in rows:
            raw_bin = tables.text(self.cell(cells, "bin"))
            try:
                bin_value, values = self.parse(cells)
            except InvalidBIN as exc:
                report.note(row_number, raw_bin, "rejected", f"неверный БИН: {exc.problem}")
                continue
            except CellError as exc:
                report.note(row_number, raw_bin, "rejected", f"ошибка в ячейке: {exc}")
                continue
            except RowRejected as exc:
                report.note(row_number, raw_bin, "skipped", str(exc))
                continue
            if bin_value in self.seen:
                report.note(row_number, bin_value, "skipped",
                            f"БИН повторяется в файле (первый раз в строке {self.seen[bin_value]}) — строка не записана")
                continue
            self.seen[bin_value] = row_number
            items.append(Incoming(row=row_number, bin=bin_value, values=values))
        if items:
            merge(items, self.source, self.as_of, report)


class BnsImporter(OrganizationRowsImporter):
    kind = "bns"
    source_kind = DataSource.Kind.BNS

    def open(self, path: Path) -> Table:
        spec = bns_columns()
        table = tables.open_table(path, score=lambda row: len(match_columns(list(row), spec)))
        self.columns = match_columns(table.headers, spec)
        missing = [name for name, item in spec.items() if item.get("required") and name not in self.columns]
        if missing:
            wanted = "; ".join(f"{name}: {', '.join(spec[name]['headers'][:2])}" for name in missing)
            raise ImportFileError(
                table.name, f"required columns not found ({wanted}); the header row read was: "
                f"{', '.join(h for h in table.headers if h)[:300]}",
                "Check that this is the BNS register export, or use `qogam import generic` with a column mapping.",
                "import.columns",
            )
        return table

    def parse(self, cells: list) -> tuple[str, dict]:
        bin_value = clean_bin(self.cell(cells, "bin"))
        name_ru = tables.text(self.cell(cells, "name_ru"))
        name_kk = tables.text(self.cell(cells, "name_kk"))
        if not name_ru and not name_kk:
            raise CellError("no name")
        form = detect_legal_form(name_ru or name_kk, tables.text(self.cell(cells, "legal_form")))
        if form.commercial:
            raise RowRejected(f"коммерческая организация ({form.evidence}) — в реестр НПО не входит")
        if form.code is None:
            raise RowRejected("организационно-правовая форма не распознана по наименованию")
        legal_form = legal_forms()[form.code]
        if not legal_form.in_registry:
            raise RowRejected(legal_form.skip_reason or f"{legal_form.name('ru')} — не входит в реестр")
        kato = tables.text(self.cell(cells, "kato")).replace(" ", "")
        if kato and len(kato) == 8 and kato.isdigit():
            kato = "0" + kato
        if kato and not region_of(kato):
            raise CellError(f"КАТО «{kato}» не относится ни к одной из 20 областей и городов")
        return bin_value, {
            "name_full_ru": name_ru or name_kk,
            "name_short_ru": short_name(name_ru, form.code),
            "name_full_kk": name_kk,
            "legal_form": form.code,
            "registered_on": tables.date(self.cell(cells, "registration_date")),
            "oked": tables.text(self.cell(cells, "oked")).replace(".", "")[:6],
            "kato": kato,
            "address": tables.text(self.cell(cells, "address")),
            "head_name": tables.text(self.cell(cells, "head")),
        }
