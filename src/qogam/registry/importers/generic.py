"""Any CSV/XLSX with a column-mapping file (YAML): organisations or filings.

Example mapping::

    target: organizations
    source_name: Список НПО акимата, 2024
    columns:
      bin: БИН
      name_full_ru: Наименование
      register_status: Статус
    values:
      register_status: {Действующая: registered, Ликвидирована: liquidated}
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import yaml

from ..bulk import ids_by_bin
from ..identifiers import clean_bin
from ..reference import DATA, detect_legal_form, header_key, legal_forms, region_of
from . import tables
from .bns import OrganizationRowsImporter, RowRejected
from .filings import FilingsImporter
from .tables import CellError, ImportFileError, Table

ORGANIZATION_COLUMNS = {
    "bin", "name_full_ru", "name_short_ru", "name_full_kk", "name_short_kk", "legal_form", "territorial_status",
    "kato", "address", "registered_on", "oked", "head_name", "head_since", "icnpo_group", "languages",
    "register_status", "register_status_since",
}
DATE_COLUMNS = {"registered_on", "head_since", "register_status_since"}
# Usual wordings of register status in Russian and Kazakh lists.
STATUS_WORDS = {
    "registered": ["зарегистрирован", "действующ", "активн", "тиркелген", "жумыс истейди"],
    "in_liquidation": ["в стадии ликвидации", "ликвидируется", "в процессе ликвидации", "тарату", "таратылуда"],
    "liquidated": ["ликвидирован", "ликвидирована", "ликвидировано", "прекратил", "таратылды", "таратылган"],
}


def load_mapping(path: str | Path) -> dict:
    path = Path(path)
    try:
        mapping = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ImportFileError(path.name, f"cannot open the mapping file ({exc.strerror})", "Check the path.",
                              "import.mapping") from exc
    except yaml.YAMLError as exc:
        raise ImportFileError(path.name, f"the mapping is not valid YAML ({exc})",
                              "Fix the indentation and quotes.", "import.mapping") from exc
    schema = json.loads((DATA / "mapping.schema.json").read_text(encoding="utf-8"))
    try:
        jsonschema.validate(mapping, schema)
    except jsonschema.ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "the top level"
        raise ImportFileError(path.name, f"the mapping is invalid at {where}: {exc.message}",
                              "See `qogam import generic --help` for the format.", "import.mapping") from exc
    if mapping["target"] == "organizations":
        unknown = sorted(set(mapping["columns"]) - ORGANIZATION_COLUMNS)
        if unknown:
            raise ImportFileError(path.name, f"unknown organisation fields: {', '.join(unknown)}",
                                  f"Use some of: {', '.join(sorted(ORGANIZATION_COLUMNS))}.", "import.mapping")
    return mapping


def resolve_columns(mapping: dict, headers: list[str], name: str) -> dict[str, int]:
    keys = [header_key(h) for h in headers]
    columns = {}
    for field, wanted in mapping["columns"].items():
        if re.fullmatch(r"[A-Z]{1,2}", wanted):
            from openpyxl.utils import column_index_from_string

            columns[field] = column_index_from_string(wanted) - 1
            continue
        try:
            columns[field] = keys.index(header_key(wanted))
        except ValueError:
            raise ImportFileError(name, f"column «{wanted}» (for {field}) is not in the file; its headers are: "
                                  f"{', '.join(h for h in headers if h)[:300]}",
                                  "Correct the header in the mapping file.", "import.columns") from None
    return columns


def register_status(value: str) -> str:
    if value.strip().lower() in STATUS_WORDS:  # already a registry value (e.g. from `values:`)
        return value.strip().lower()
    folded = header_key(value)
    for status in ("in_liquidation", "liquidated", "registered"):
        if any(folded.startswith(word) for word in STATUS_WORDS[status]):
            return status
    raise CellError(f"статус «{value}» не распознан (ожидается: зарегистрирована / в стадии ликвидации / ликвидирована)")


class GenericOrganizationsImporter(OrganizationRowsImporter):
    kind = "generic"

    def __init__(self, as_of, mapping: dict, source_name: str = ""):
        super().__init__(as_of, source_name or mapping.get("source_name", ""))
        self.mapping = mapping
        self.recode = mapping.get("values", {})
        self.known: set[str] = set()

    def options(self) -> dict:
        return {**super().options(), "mapping": self.mapping}

    def open(self, path: Path) -> Table:
        wanted = {header_key(h) for h in self.mapping["columns"].values()}
        table = tables.open_table(path, score=lambda row: sum(1 for c in row if header_key(c) in wanted))
        self.columns = resolve_columns(self.mapping, table.headers, table.name)
        return table

    def prepare(self, rows) -> None:
        """The BINs of the chunk already in the registry (one query instead of one per row)."""
        bins = [self.key(cells) for _row, cells in rows]
        self.known = set(ids_by_bin(bins))

    def value(self, cells: list, name: str):
        raw = self.cell(cells, name)
        recode = self.recode.get(name)
        if recode and tables.text(raw) in recode:
            return recode[tables.text(raw)]
        return raw

    def parse(self, cells: list) -> tuple[str, dict]:
        bin_value = clean_bin(self.cell(cells, "bin"))
        values: dict = {}
        for name in self.columns:
            if name == "bin":
                continue
            raw = self.value(cells, name)
            if name in DATE_COLUMNS:
                values[name] = tables.date(raw)
            elif name == "languages":
                values[name] = [p.strip() for p in re.split(r"[,;/ ]+", tables.text(raw)) if p.strip()]
            elif name == "register_status":
                values[name] = register_status(tables.text(raw)) if tables.text(raw) else None
            else:
                values[name] = tables.text(raw)
        name = values.get("name_full_ru") or values.get("name_full_kk") or ""
        form = values.get("legal_form")
        if form and form not in legal_forms():
            match = detect_legal_form(name, form)
            if match.commercial:
                raise RowRejected(f"коммерческая организация ({match.evidence}) — в реестр НПО не входит")
            values["legal_form"] = match.code or "other"
        elif not form and bin_value not in self.known:
            match = detect_legal_form(name)
            if match.commercial:
                raise RowRejected(f"коммерческая организация ({match.evidence}) — в реестр НПО не входит")
            values["legal_form"] = match.code or "other"
        if values.get("kato") and not region_of(values["kato"]):
            raise CellError(f"КАТО «{values['kato']}» не относится ни к одной из 20 областей и городов")
        if not name and bin_value not in self.known:
            raise CellError("нет наименования для новой организации")
        return bin_value, values


class GenericFilingsImporter(FilingsImporter):
    kind = "generic"

    def __init__(self, as_of, mapping: dict, source_name: str = ""):
        super().__init__(as_of, source_name or mapping.get("source_name", ""))
        self.mapping = mapping

    def options(self) -> dict:
        return {**super().options(), "mapping": self.mapping}

    def open(self, path: Path) -> Table:
        wanted = {header_key(h) for h in self.mapping["columns"].values()}
        table = tables.open_table(path, score=lambda row: sum(1 for c in row if header_key(c) in wanted))
        self.columns = resolve_columns(self.mapping, table.headers, table.name)
        if "year" not in self.columns:
            raise ImportFileError(table.name, "the mapping has no «year» column", "Add `year: <header>`.",
                                  "import.mapping")
        return table


def generic_importer(mapping: dict, as_of, source_name: str = ""):
    if mapping["target"] == "filings":
        return GenericFilingsImporter(as_of, mapping, source_name)
    return GenericOrganizationsImporter(as_of, mapping, source_name)
