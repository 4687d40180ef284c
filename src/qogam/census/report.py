"""The census as text, CSV and JSON, with every number's definition beside it (no Django)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from .definitions import STATE_CODES, Definitions, load
from .labels import key_name
from .tabulate import DIMENSIONS

MEASURES = ("total", "working", *STATE_CODES)
_HEAD = {
    "title": {"ru": "Перепись НПО на {date}", "kk": "{date} жағдайы бойынша ҮЕҰ санағы", "en": "NGO census as of {date}"},
    "total": {"ru": "Всего в реестре", "kk": "Тізілімде барлығы", "en": "In the register"},
    "excluded": {"ru": "Не учтены (зарегистрированы после даты расчёта)", "kk": "Есепке алынбаған (есеп күнінен кейін тіркелген)",
                 "en": "Not counted (registered after the as-of date)"},
    "candidates": {"ru": "Кандидаты на ликвидацию", "kk": "Таратуға үміткерлер", "en": "Liquidation candidates"},
    "sensitivity": {"ru": "Чувствительность: сколько «работающих НПО» при другом пороге",
                    "kk": "Сезімталдық: басқа шекте «жұмыс істеп тұрған ҮЕҰ» саны",
                    "en": "Sensitivity: working NGOs if one threshold changes"},
    "thresholds": {"ru": "Пороги (изменить: --set ИМЯ=ЗНАЧЕНИЕ)", "kk": "Шектер (өзгерту: --set АТЫ=МӘНІ)",
                   "en": "Thresholds (change with --set NAME=VALUE)"},
    "anomalies": {"ru": "Аномалии в данных", "kk": "Деректердегі ауытқулар", "en": "Data anomalies"},
    "flags": {"ru": "Флаги (факты, не обвинения)", "kk": "Белгілер (фактілер, айыптау емес)", "en": "Flags (facts, not accusations)"},
    "trends": {"ru": "По годам", "kk": "Жылдар бойынша", "en": "By year"},
    "trend_columns": {"ru": ("год", "регистраций", "ликвидаций", "в реестре", "работающих", "доля"),
                      "kk": ("жыл", "тіркелді", "таратылды", "тізілімде", "жұмыс істейді", "үлесі"),
                      "en": ("year", "registered", "liquidated", "on register", "working", "share")},
}


def head(key: str, lang: str):
    return _HEAD[key][lang]


def definitions_dict(definitions: Definitions, thresholds: dict, lang: str) -> dict:
    """The definitions of the states, of "working NGOs" and of each threshold, in one language."""
    th = definitions.thresholds.replace(**thresholds)
    return {
        "states": {code: {"name": definitions.state_name(code, lang),
                          "definition": definitions.state_definition(code, th, lang)} for code in STATE_CODES},
        "working": {"name": definitions.working_name(lang), "definition": definitions.working_definition(lang)},
        "total": {"name": definitions.total_name(lang), "definition": definitions.total_definition(lang)},
        "thresholds": {name: {"value": value, "definition": definitions.threshold_text(name, lang)}
                       for name, value in th.as_dict().items()},
        "precedence": list(STATE_CODES),
    }


def to_json(result: dict, lang: str = "ru", definitions: Definitions | None = None) -> str:
    definitions = definitions or load()
    data = {key: value for key, value in result.items() if key != "timing"}
    data["definitions"] = definitions_dict(definitions, result["thresholds"], lang)
    data["names"] = {dimension: {key: key_name(dimension, key, lang, definitions) for key in rows}
                     for dimension, rows in result["breakdowns"].items()}
    return json.dumps(data, ensure_ascii=False, indent=2)


def to_csv(result: dict, lang: str = "ru", definitions: Definitions | None = None) -> str:
    """Long format: section, key, name, measure, value, definition — one number per row."""
    definitions = definitions or load()
    defs = definitions_dict(definitions, result["thresholds"], lang)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["as_of", "section", "key", "name", "measure", "value", "definition"])
    as_of = result["as_of"]
    totals = result["totals"]
    writer.writerow([as_of, "total", "total", defs["total"]["name"], "count", totals["total"], defs["total"]["definition"]])
    for code in STATE_CODES:
        writer.writerow([as_of, "state", code, defs["states"][code]["name"], "count", totals[code],
                         defs["states"][code]["definition"]])
    writer.writerow([as_of, "state", "working", defs["working"]["name"], "count", totals["working"],
                     defs["working"]["definition"]])
    for dimension in DIMENSIONS:
        for key, row in result["breakdowns"][dimension].items():
            name = key_name(dimension, key, lang, definitions)
            for measure in MEASURES:
                writer.writerow([as_of, dimension, key, name, measure, row[measure], ""])
    for row in result["sensitivity"]:
        writer.writerow([as_of, "sensitivity", f"{row['threshold']}={row['value']}",
                         defs["thresholds"][row["threshold"]]["definition"], "working", row["working"],
                         defs["working"]["definition"]])
    for name, item in defs["thresholds"].items():
        writer.writerow([as_of, "threshold", name, name, "value", item["value"], item["definition"]])
    for row in result.get("trends", []):
        for measure in ("registrations", "liquidations", "registered", "working", "working_share"):
            writer.writerow([row["as_of"], "trend", str(row["year"]), str(row["year"]), measure, row[measure], ""])
    return out.getvalue()


def sensitivity_moves(rows: list[dict]) -> list[tuple[dict, list[tuple[str, int]]]]:
    """Each sensitivity row with the states whose counts move against the current thresholds."""
    base = next((row["states"] for row in rows if row["is_current"]), None)
    out = []
    for row in rows:
        moves = [] if base is None or row["is_current"] else [
            (code, row["states"][code] - base[code]) for code in STATE_CODES if row["states"][code] != base[code]]
        out.append((row, moves))
    return out


def _number(value) -> str:
    return f"{value:,}".replace(",", "\u202f") if isinstance(value, int) else str(value)


def _date(text: str) -> str:
    return dt.date.fromisoformat(text).strftime("%d.%m.%Y")


def to_text(result: dict, lang: str = "ru", dimensions: tuple[str, ...] = ("region",),
            definitions: Definitions | None = None) -> str:
    definitions = definitions or load()
    defs = definitions_dict(definitions, result["thresholds"], lang)
    totals = result["totals"]
    lines = [head("title", lang).format(date=_date(result["as_of"])), ""]
    lines.append(f"{head('total', lang)}: {_number(totals['total'])}")
    if result.get("excluded_registered_after_as_of"):
        lines.append(f"{head('excluded', lang)}: {_number(result['excluded_registered_after_as_of'])}")
    lines.append("")
    width = max(len(item["name"]) for item in (*defs["states"].values(), defs["working"]))
    for code in STATE_CODES:
        item = defs["states"][code]
        lines.append(f"  {item['name']:<{width}} {_number(totals[code]):>9}   {item['definition']}")
    lines.append(f"= {defs['working']['name']:<{width}} {_number(totals['working']):>9}   {defs['working']['definition']}")
    lines.append("")
    for dimension in dimensions:
        rows = result["breakdowns"].get(dimension, {})
        lines.append(definitions.dimension_name(dimension, lang))
        columns = ["total", "working", *STATE_CODES]
        header_names = [head("total", lang)[:10], defs["working"]["name"][:10], *(defs["states"][c]["name"][:10] for c in STATE_CODES)]
        lines.append(f"  {'':<34}" + "".join(f"{h:>12}" for h in header_names))
        for key, row in rows.items():
            name = key_name(dimension, key, lang, definitions)[:34]
            lines.append(f"  {name:<34}" + "".join(f"{_number(row[c]):>12}" for c in columns))
        lines.append("")
    lines.append(f"{head('candidates', lang)}: {_number(result.get('liquidation_candidates', 0))}")
    if result.get("flags"):
        from .flags import catalogue

        flag_names = catalogue()
        lines.append(head("flags", lang) + ":")
        for code, n in result["flags"].items():
            lines.append(f"  {flag_names.name(code, lang)}: {_number(n)}")
    if result.get("anomalies"):
        lines.append(head("anomalies", lang) + ":")
        for code, n in result["anomalies"].items():
            lines.append(f"  {definitions.anomaly_name(code, lang)}: {_number(n)}")
    if result.get("sensitivity"):
        lines += ["", head("sensitivity", lang)]
        for row, moves in sensitivity_moves(result["sensitivity"]):
            mark = "*" if row["is_current"] else " "
            change = f"{row['working_change']:+,}".replace(",", "\u202f") if not row["is_current"] else ""
            moved = ", ".join(f"{defs['states'][code]['name']} {delta:+}" for code, delta in moves)
            lines.append(f"  {mark} {row['threshold']:<30} = {row['value']:<6} {_number(row['working']):>9} {change:>9}"
                         + (f"   ({moved})" if moved else ""))
    if result.get("trends"):
        names = head("trend_columns", lang)
        lines += ["", head("trends", lang), "  " + "".join(f"{n:>14}" for n in names)]
        for row in result["trends"]:
            share = f"{row['working_share']:.1%}" if row["working_share"] is not None else "—"
            values = (row["year"], _number(row["registrations"]), _number(row["liquidations"]),
                      _number(row["registered"]), _number(row["working"]), share)
            lines.append("  " + "".join(f"{str(v):>14}" for v in values))
    lines += ["", head("thresholds", lang)]
    for name, item in defs["thresholds"].items():
        lines.append(f"  {name} = {item['value']}: {item['definition']}")
    return "\n".join(lines) + "\n"
