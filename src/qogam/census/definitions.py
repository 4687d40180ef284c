"""The census definitions: states, thresholds and texts read from ``definitions.yaml`` (no Django)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

DEFINITIONS_FILE = Path(__file__).with_name("definitions.yaml")
SCHEMA_FILE = Path(__file__).with_name("definitions.schema.json")
LANGUAGES = ("ru", "kk", "en")

# Precedence is the order of ``states`` in the YAML; these names are what the code tests.
LIQUIDATED = "liquidated"
IN_LIQUIDATION = "in_liquidation"
NEW = "new"
PRESUMED_DEAD = "presumed_dead"
NON_COMPLIANT = "non_compliant"
DORMANT = "dormant"
ACTIVE = "active"
UNCLEAR = "unclear"
STATE_CODES = (LIQUIDATED, IN_LIQUIDATION, NEW, PRESUMED_DEAD, NON_COMPLIANT, DORMANT, ACTIVE, UNCLEAR)


class DefinitionError(ValueError):
    """A bad threshold override or an invalid definitions file, with what to do about it."""


@dataclass(frozen=True)
class Thresholds:
    """Every number that decides a state. Defaults come from ``definitions.yaml``."""

    presumed_dead_years: int
    non_compliant_window: int
    non_compliant_missing: int
    grace_days: int
    dormant_zero_years: int
    dormant_low_spending_share: float
    dormant_low_spending_years: int
    recent_years: int
    new_months: int
    first_reporting_year: int
    liquidation_candidate_years: int

    def replace(self, **changes: Any) -> Thresholds:
        return dataclasses.replace(self, **changes)

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def with_overrides(self, pairs: list[str] | None) -> Thresholds:
        """Apply ``NAME=VALUE`` overrides (from ``qogam census --set``), checking each one."""
        changes: dict[str, Any] = {}
        fields = {f.name: f for f in dataclasses.fields(self)}
        for pair in pairs or []:
            name, sep, text = pair.partition("=")
            name = name.strip()
            if not sep or name not in fields:
                known = ", ".join(fields)
                raise DefinitionError(f"порог «{pair}» не распознан: укажите ИМЯ=ЗНАЧЕНИЕ, где ИМЯ одно из: {known}")
            kind = float if isinstance(getattr(self, name), float) else int
            try:
                value = kind(text)
            except ValueError:
                raise DefinitionError(f"порог {name}: «{text}» не число — укажите, например, {name}={getattr(self, name)}") from None
            if value < 0 or (kind is float and value > 1):
                raise DefinitionError(f"порог {name}: значение {value} вне допустимого диапазона")
            changes[name] = value
        return self.replace(**changes)


@dataclass(frozen=True)
class Definitions:
    thresholds: Thresholds
    sensitivity: dict[str, tuple]
    threshold_texts: dict[str, dict[str, str]]
    life_signals: frozenset[str]
    money_signals: frozenset[str]
    states: tuple[dict, ...]
    working_states: frozenset[str]
    working_with_activity: frozenset[str]
    working_texts: dict[str, dict[str, str]]
    total_texts: dict[str, dict[str, str]]
    fact_texts: dict[str, dict[str, str]]
    dimension_texts: dict[str, dict[str, str]]
    language_texts: dict[str, dict[str, str]]
    unknown_texts: dict[str, str]
    anomaly_texts: dict[str, dict[str, str]]
    status_texts: dict[str, dict[str, str]]

    def state_name(self, code: str, lang: str = "ru") -> str:
        for state in self.states:
            if state["code"] == code:
                return state[lang]["name"]
        return code

    def state_definition(self, code: str, thresholds: Thresholds | None = None, lang: str = "ru") -> str:
        values = (thresholds or self.thresholds).as_dict()
        for state in self.states:
            if state["code"] == code:
                return state[lang]["definition"].format(**values)
        return ""

    def total_name(self, lang: str = "ru") -> str:
        return self.total_texts[lang]["name"]

    def total_definition(self, lang: str = "ru") -> str:
        return self.total_texts[lang]["definition"]

    def working_name(self, lang: str = "ru") -> str:
        return self.working_texts[lang]["name"]

    def working_definition(self, lang: str = "ru") -> str:
        return self.working_texts[lang]["definition"]

    def is_working(self, state: str, recent_activity: bool) -> bool:
        return state in self.working_states or (recent_activity and state in self.working_with_activity)

    def dimension_name(self, dimension: str, lang: str = "ru") -> str:
        return self.dimension_texts.get(dimension, {}).get(lang, dimension)

    def language_name(self, key: str, lang: str = "ru") -> str:
        """A language combination key ("kk+ru") in words; "" is "not stated"."""
        if not key:
            return self.unknown_texts[lang]
        return ", ".join(self.language_texts.get(code, {}).get(lang, code) for code in key.split("+"))

    def anomaly_name(self, code: str, lang: str = "ru") -> str:
        return self.anomaly_texts.get(code, {}).get(lang, code)

    def threshold_text(self, name: str, lang: str = "ru") -> str:
        return self.threshold_texts.get(name, {}).get(lang, name)

    def fact_text(self, code: str, values: dict, lang: str = "ru") -> str:
        template = self.fact_texts.get(code, {}).get(lang)
        if not template:
            return code
        for key in ("to", "status"):
            if values.get(key) in self.status_texts:
                values = {**values, key: self.status_texts[values[key]][lang]}
        return template.format_map(_Printable(values, lang))


MONEY_KEYS = frozenset({"income", "expenses", "amount"})  # tenge: printed with thin spaces, no decimals


class _Printable(dict):
    """Values for a fact template: dates as DD.MM.YYYY, money with thin spaces, a dash when unknown."""

    def __init__(self, values: dict, lang: str):
        super().__init__(values)
        self.lang = lang

    def __getitem__(self, key: str) -> Any:
        value = self.get(key)
        if value is None:
            return "—"
        if isinstance(value, dt.date):
            return value.strftime("%d.%m.%Y")
        if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
            try:
                return dt.date.fromisoformat(value).strftime("%d.%m.%Y")
            except ValueError:
                return value
        if key in MONEY_KEYS and isinstance(value, int | float):
            return f"{value:,.0f}".replace(",", "\u202f")
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        return value

    def __missing__(self, key: str) -> str:
        return "—"


def validate(data: dict) -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    try:
        jsonschema.validate(data, schema)
    except jsonschema.ValidationError as error:
        where = "/".join(str(p) for p in error.absolute_path)
        raise DefinitionError(f"{DEFINITIONS_FILE.name}: {where}: {error.message}") from None
    codes = [s["code"] for s in data["states"]]
    if tuple(codes) != STATE_CODES:
        raise DefinitionError(f"{DEFINITIONS_FILE.name}: states must be, in this order: {', '.join(STATE_CODES)}")
    names = {f.name for f in dataclasses.fields(Thresholds)}
    if set(data["thresholds"]) != names:
        raise DefinitionError(f"{DEFINITIONS_FILE.name}: thresholds must be exactly: {', '.join(sorted(names))}")
    for key in (*data["working"]["states"], *data["working"]["with_recent_activity"]):
        if key not in codes:
            raise DefinitionError(f"{DEFINITIONS_FILE.name}: working names an unknown state {key!r}")


@cache
def load() -> Definitions:
    data = yaml.safe_load(DEFINITIONS_FILE.read_text(encoding="utf-8"))
    validate(data)
    thresholds = Thresholds(**{name: item["value"] for name, item in data["thresholds"].items()})
    working = data["working"]
    return Definitions(
        thresholds=thresholds,
        sensitivity={name: tuple(item["sensitivity"]) for name, item in data["thresholds"].items()},
        threshold_texts={name: {lang: item[lang] for lang in LANGUAGES} for name, item in data["thresholds"].items()},
        life_signals=frozenset(data["life_signals"]),
        money_signals=frozenset(data["money_signals"]),
        states=tuple(data["states"]),
        working_states=frozenset(working["states"]),
        working_with_activity=frozenset(working["with_recent_activity"]),
        working_texts={lang: working[lang] for lang in LANGUAGES},
        total_texts={lang: data["total"][lang] for lang in LANGUAGES},
        fact_texts=data["facts"],
        dimension_texts=data["dimensions"],
        language_texts=data["languages"],
        unknown_texts=data["unknown"],
        anomaly_texts=data["anomaly_names"],
        status_texts=data["register_statuses"],
    )
