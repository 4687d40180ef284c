"""Evidence-based flags for "quasi-NGOs", stated as facts (no Django). Texts: ``flags.yaml``.

state_founder              a founder's name shows a state body or a state-owned entity
state_customer_dependence  > 80 % of income from one state customer for 3 years in a row
registered_before_grant    the first state grant or contract soon after registration
shared_person              the head's or a founder's name recurs in many other NGOs
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from .definitions import LANGUAGES, LIQUIDATED, DefinitionError, _Printable
from .records import Fact
from .states import Prepared

FLAGS_FILE = Path(__file__).with_name("flags.yaml")
SCHEMA_FILE = Path(__file__).with_name("flags.schema.json")
FLAG_CODES = ("state_founder", "state_customer_dependence", "registered_before_grant", "shared_person")
MONEY_KINDS = ("grant", "contract")
_LETTERS = "a-zа-яәғқңөұүһі"


@dataclass(frozen=True)
class FlagSettings:
    state_income_share: float
    state_income_years: int
    grant_after_registration_days: int
    shared_person_other_orgs: int


@dataclass(frozen=True)
class FlagCatalogue:
    settings: FlagSettings
    patterns: tuple[re.Pattern, ...]
    abbreviations: re.Pattern
    texts: dict[str, dict[str, dict[str, str]]]
    words: dict[str, dict[str, str]]
    disclaimer: dict[str, str]
    liquidation: dict[str, dict[str, Any]]
    any_pattern: re.Pattern | None = None  # matches wherever one of ``patterns`` does (a quick first test)

    def name(self, code: str, lang: str = "ru") -> str:
        return self.texts[code][lang]["name"]

    def definition(self, code: str, lang: str = "ru") -> str:
        return self.texts[code][lang]["definition"].format(**vars(self.settings))

    def fact_text(self, code: str, values: dict, lang: str = "ru") -> str:
        values = dict(values)
        for key in ("role", "kind", "source"):
            if values.get(key) in self.words:
                values[key] = self.words[values[key]][lang]
        values["sphere"] = self.words["same_sphere"][lang] if values.get("same_sphere") else ""
        return self.texts[code][lang]["fact"].format_map(_Printable(values, lang))

    def state_founder_match(self, name: str, folded: str | None = None) -> str | None:
        """The words of ``name`` that show a state body, or None (``folded``: ``fold_name(name)`` if known)."""
        text = fold_name(name) if folded is None else folded
        if self.any_pattern is None or self.any_pattern.search(text):
            for pattern in self.patterns:
                match = pattern.search(text)
                if match:
                    return match.group(0)
        match = self.abbreviations.match(name.strip())
        return match.group(1) if match else None


@dataclass(frozen=True)
class Flag:
    code: str
    facts: tuple[Fact, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        return {"code": self.code, "facts": [f.to_dict() for f in self.facts]}

    @classmethod
    def from_dict(cls, data: dict) -> Flag:
        return cls(data["code"], tuple(Fact.from_dict(f) for f in data.get("facts", [])))


_QUOTE_MARKS = "«»\"“”„'"
_UNQUOTE = str.maketrans(dict.fromkeys(_QUOTE_MARKS, " "))


def fold_name(name: str) -> str:
    """A name as compared: lower case, ё → е, quotes dropped, single spaces."""
    text = (name or "").lower()
    if "ё" in text:
        text = text.replace("ё", "е")
    # Most names (people's) have no quote marks: substring tests are cheaper than translating every name.
    if any(mark in text for mark in _QUOTE_MARKS):
        text = text.translate(_UNQUOTE)
    return " ".join(text.split())


@cache
def catalogue() -> FlagCatalogue:
    data = yaml.safe_load(FLAGS_FILE.read_text(encoding="utf-8"))
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    try:
        jsonschema.validate(data, schema)
    except jsonschema.ValidationError as error:
        where = "/".join(str(p) for p in error.absolute_path)
        raise DefinitionError(f"{FLAGS_FILE.name}: {where}: {error.message}") from None
    if set(data["flags"]) != set(FLAG_CODES):
        raise DefinitionError(f"{FLAGS_FILE.name}: flags must be exactly {', '.join(FLAG_CODES)}")
    abbreviations = "|".join(sorted((re.escape(a) for a in data["state_founder_abbreviations"]), key=len, reverse=True))
    return FlagCatalogue(
        settings=FlagSettings(**data["thresholds"]),
        patterns=tuple(re.compile(p) for p in data["state_founder_patterns"]),
        any_pattern=re.compile("|".join(f"(?:{p})" for p in data["state_founder_patterns"])),
        abbreviations=re.compile(rf"[\s«\"]*({abbreviations})(?![{_LETTERS}A-ZА-ЯӘҒҚҢӨҰҮҺІ])"),
        texts={code: {lang: data["flags"][code][lang] for lang in LANGUAGES} for code in FLAG_CODES},
        words=data["words"],
        disclaimer=data["disclaimer"],
        liquidation=data["liquidation"],
    )


def _latest_founders_year(p: Prepared) -> int | None:
    """The latest reporting year whose filing lists founders (the founders the flags look at)."""
    year = None
    for y, filing in p.filings.items():
        if filing.founders and (year is None or y > year):
            year = y
    return year


def _state_founder(p: Prepared, cat: FlagCatalogue, matches: dict[str, str | None] | None = None,
                   year: int | None = -1, fold=fold_name) -> Flag | None:
    """``matches`` remembers names already looked at (the same founders recur across organisations);
    ``year``: the latest year with founders when the caller knows it."""
    if year == -1:
        year = _latest_founders_year(p)
    if year is None:
        return None
    facts = []
    for founder in p.filings[year].founders:
        if matches is None:
            match = cat.state_founder_match(founder)
        elif founder in matches:
            match = matches[founder]
        else:
            match = matches[founder] = cat.state_founder_match(founder, fold(founder))
        if match:
            facts.append(Fact("state_founder", p.filings[year].submitted_on, {"founder": founder, "year": year, "match": match}))
    return Flag("state_founder", tuple(facts)) if facts else None


def _money_signals(p: Prepared) -> list:
    signals = [s for s in p.record.signals if s.kind in MONEY_KINDS and s.date is not None and s.date <= p.as_of]
    if len(signals) > 1:
        signals.sort(key=lambda s: s.date)
    return signals


def _state_customer_dependence(p: Prepared, cat: FlagCatalogue, money: list) -> Flag | None:
    s = cat.settings
    named = [m for m in money if (m.detail or {}).get("customer") and m.amount]
    if not named and not any(f.state_income for f in p.filings.values()):
        return None
    by_customer: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for signal in named:
        customer = (signal.detail or {}).get("customer")
        if customer and signal.amount:
            year = int((signal.detail or {}).get("year") or signal.date.year)
            by_customer[year][str(customer)] += signal.amount
    run: list[Fact] = []
    best: list[Fact] = []
    for year in sorted(p.filings):
        filing = p.filings[year]
        share, source = 0.0, None
        if filing.income and filing.income > 0:
            if by_customer.get(year):
                source, amount = max(by_customer[year].items(), key=lambda item: item[1])
                share = amount / filing.income
            elif filing.state_income:
                source, share = "state_sources", filing.state_income / filing.income
        if share > s.state_income_share and (not run or run[-1].values["year"] == year - 1):
            run.append(Fact("state_customer_dependence", filing.submitted_on,
                            {"year": year, "share": round(share, 4), "source": source}))
        elif share > s.state_income_share:
            run = [Fact("state_customer_dependence", filing.submitted_on,
                        {"year": year, "share": round(share, 4), "source": source})]
        else:
            run = []
        if len(run) >= s.state_income_years:
            best = list(run)
    return Flag("state_customer_dependence", tuple(best)) if best else None


def _registered_before_grant(p: Prepared, cat: FlagCatalogue, signals: list) -> Flag | None:
    registered = p.record.registered_on
    if registered is None or not signals:
        return None
    first = signals[0]
    days = (first.date - registered).days
    if days < 0 or days > cat.settings.grant_after_registration_days:
        return None
    detail = first.detail or {}
    sphere = str(detail.get("icnpo") or detail.get("sphere") or "").split(" ")[0]
    same = None
    if sphere and p.record.icnpo_group:
        same = sphere == p.record.icnpo_group
        if not same:
            return None
    return Flag("registered_before_grant", (Fact("registered_before_grant", first.date, {
        "registered": registered.isoformat(), "kind": first.kind, "days": days, "same_sphere": same,
    }),))


def _people(p: Prepared, year: int | None = -1, fold=fold_name) -> list[tuple[str, str, str]]:
    """(folded name, role, name as written) of the head and the latest filing's founders."""
    out = []
    if p.record.head_name:
        out.append((fold(p.record.head_name), "head", p.record.head_name))
    if year == -1:
        year = _latest_founders_year(p)
    if year is not None:
        for founder in p.filings[year].founders:
            out.append((fold(founder), "founder", founder))
    return [item for item in out if " " in item[0]]  # two words at least (folded names have single spaces)


def compute_flags(prepared: Sequence[Prepared], cat: FlagCatalogue | None = None) -> dict[int, list[Flag]]:
    """Flags of every organisation that has any, by record key."""
    cat = cat or catalogue()
    living = [p for p in prepared if p.status != LIQUIDATED]
    founders_year = {p.record.key: _latest_founders_year(p) for p in living}
    folded: dict[str, str] = {}

    def fold(name: str) -> str:
        value = folded.get(name)
        if value is None:
            value = folded[name] = fold_name(name)
        return value

    people = {p.record.key: _people(p, founders_year[p.record.key], fold) for p in living}
    where: dict[str, list[int]] = defaultdict(list)
    for key, items in people.items():
        for name in {name for name, _role, _written in items}:
            where[name].append(key)
    bins = {p.record.key: p.record.bin for p in living}
    minimum = cat.settings.shared_person_other_orgs
    result: dict[int, list[Flag]] = {}
    matches: dict[str, str | None] = {}
    for p in living:
        key = p.record.key
        money = _money_signals(p) if p.record.signals else []
        flags = [f for f in (_state_founder(p, cat, matches, founders_year[key], fold),
                             _state_customer_dependence(p, cat, money),
                             _registered_before_grant(p, cat, money)) if f]
        shared = []
        for name, role, written in people[key]:
            holders = where[name]
            if len(holders) - 1 >= minimum:
                others = sorted(k for k in holders if k != key)
                shared.append(Fact("shared_person", None, {
                    "name": written, "role": role, "count": len(others),
                    "examples": [bins[k] or str(k) for k in others[:3]],
                }))
        if shared:
            flags.append(Flag("shared_person", tuple(shared)))
        if flags:
            result[key] = flags
    return result
