"""Liquidation candidates: what a registrar needs to start the procedure (no Django)."""

from __future__ import annotations

import csv
import io

from .flags import catalogue
from .records import Fact

# Columns of the candidates list (CSV and the page), in order.
FIELDS = (
    "bin", "org_id", "name", "legal_form", "region", "address", "registered_on", "head_name",
    "register_status", "silent_years", "missing_years", "last_filing_year", "last_filing_submitted",
    "inactive_since", "facts",
)
HEADERS = {
    "ru": ("БИН", "Идентификатор", "Наименование", "Форма", "Регион", "Адрес", "Дата регистрации", "Руководитель",
           "Статус в реестре", "Лет без отчёта подряд", "Годы без отчёта", "Последний отчёт за год",
           "Последний отчёт подан", "Отмечена бездействующей с", "Факты"),
    "kk": ("БСН", "Сәйкестендіргіш", "Атауы", "Нысаны", "Өңір", "Мекенжай", "Тіркелген күні", "Басшы",
           "Тізілімдегі мәртебесі", "Қатарынан есепсіз жылдар", "Есепсіз жылдар", "Соңғы есеп жылы",
           "Соңғы есеп тапсырылған күні", "Әрекетсіз деп белгіленген күні", "Фактілер"),
    "en": ("BIN", "Identifier", "Name", "Legal form", "Region", "Address", "Registered on", "Head",
           "Register status", "Years in a row without a filing", "Years without a filing", "Latest filing for",
           "Latest filing submitted", "Marked inactive since", "Facts"),
}


def summary(facts: list[Fact]) -> dict:
    """The facts a registrar cites: which years are missing, the last filing, the inactive mark."""
    out = {"missing_years": [], "last_filing_year": None, "last_filing_submitted": None, "inactive_since": None}
    for fact in facts:
        if fact.code == "filing.missing":
            out["missing_years"].append(fact.values["year"])
        elif fact.code == "filing.last":
            out["last_filing_year"] = fact.values.get("year")
            out["last_filing_submitted"] = fact.date.isoformat() if fact.date else None
        elif fact.code == "register.inactive":
            out["inactive_since"] = fact.date.isoformat() if fact.date else None
    out["missing_years"].sort()
    return out


def basis(lang: str = "ru") -> dict:
    """The title, definition, legal basis and checks shown with the list."""
    return catalogue().liquidation[lang]


def to_csv(rows: list[dict], lang: str = "ru") -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADERS[lang])
    for row in rows:
        values = []
        for name in FIELDS:
            value = row.get(name)
            if isinstance(value, list):
                value = "; ".join(str(v) for v in value)
            values.append("" if value is None else value)
        writer.writerow(values)
    return out.getvalue()
