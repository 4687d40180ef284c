"""Reference data of the registry, read from the YAML/CSV files in ``data/`` (no Django).

Legal forms, the 20 first-level regions, filing fields, column headers and ICNPO
group names. The files are the single place where these facts live; this module
only loads and looks them up.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .textnorm import fold

DATA = Path(__file__).with_name("data")
LANGS = ("ru", "kk", "en")


def _load(name: str) -> dict:
    with (DATA / name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _pick(names: dict, lang: str) -> str:
    return names.get(lang) or names.get("ru") or ""


# --- legal forms -----------------------------------------------------------------


@dataclass(frozen=True)
class LegalForm:
    code: str
    names: dict  # {"ru", "kk", "en"}
    short: dict  # {"ru", "kk"}
    kk_suffix: str
    abbreviations: tuple[str, ...]
    patterns: tuple[str, ...]
    in_registry: bool
    files_to_ngo_database: bool
    demo_share: float
    skip_reason: str = ""

    def name(self, lang: str = "ru") -> str:
        return _pick(self.names, lang)


@lru_cache(maxsize=1)
def legal_forms() -> dict[str, LegalForm]:
    data = _load("legal_forms.yaml")
    forms = {}
    for item in data["forms"]:
        forms[item["code"]] = LegalForm(
            code=item["code"],
            names={lang: item[lang] for lang in LANGS},
            short={"ru": item.get("short_ru", ""), "kk": item.get("short_kk", "")},
            kk_suffix=item.get("kk_suffix", ""),
            abbreviations=tuple(item.get("abbreviations", [])),
            patterns=tuple(fold(p) for p in item.get("patterns", [])),
            in_registry=bool(item["in_registry"]),
            files_to_ngo_database=bool(item["files_to_ngo_database"]),
            demo_share=float(item.get("demo_share", 0)),
            skip_reason=item.get("skip_reason", ""),
        )
    return forms


def legal_form_name(code: str | None, lang: str = "ru") -> str:
    form = legal_forms().get(code or "")
    return form.name(lang) if form else ""


@dataclass(frozen=True)
class FormMatch:
    """What a register name says about the organisation's legal form."""

    code: str | None  # a legal_form slug, or None when not recognised
    commercial: bool = False
    evidence: str = ""


def _phrase(pattern: str) -> re.Pattern:
    return re.compile(r"(?<![0-9a-zа-я])" + re.escape(pattern) + r"(?![0-9a-zа-я])")


@lru_cache(maxsize=1)
def _form_matchers() -> tuple[list, list, list, list]:
    data = _load("legal_forms.yaml")
    phrases, abbrevs = [], []
    for form in legal_forms().values():
        phrases += [(_phrase(p), form.code, p) for p in form.patterns]
        abbrevs += [(a, form.code) for a in form.abbreviations]
    commercial = data["commercial"]
    c_phrases = [(_phrase(fold(p)), fold(p), p) for p in commercial["patterns"]]
    c_abbrevs = list(commercial["abbreviations"])
    # Longest phrases first: «некоммерческое акционерное общество» before «акционерное общество».
    phrases.sort(key=lambda t: -len(t[2]))
    return phrases, abbrevs, c_phrases, c_abbrevs


def _leading_abbreviation(name: str) -> str:
    match = re.match(r"\s*([A-ZА-ЯЁӘҒҚҢӨҰҮҺІa-zа-яёәғқңөұүһі]+)", name)
    return match.group(1) if match else ""


def detect_legal_form(name: str, form_text: str | None = None) -> FormMatch:
    """The legal form named in a register row (a form column first, then the name).

    Non-commercial phrases win over commercial ones so that «Некоммерческое
    акционерное общество» is not taken for a joint-stock company.
    """
    phrases, abbrevs, c_phrases, c_abbrevs = _form_matchers()
    for text in (form_text, name):
        if not text:
            continue
        folded = fold(text)
        # ``phrase in folded`` first: a plain substring test is much cheaper than the regex,
        # and the regex (the phrase between word boundaries) cannot match without it.
        for regex, code, phrase in phrases:
            if phrase in folded and regex.search(folded):
                return FormMatch(code, False, phrase)
        for regex, folded_phrase, phrase in c_phrases:
            if folded_phrase in folded and regex.search(folded):
                return FormMatch(None, True, phrase)
        lead = _leading_abbreviation(text)
        for abbreviation, code in abbrevs:
            if lead == abbreviation:
                return FormMatch(code, False, abbreviation)
        if lead in c_abbrevs:
            return FormMatch(None, True, lead)
    return FormMatch(None)


# --- regions and places ----------------------------------------------------------


@dataclass(frozen=True)
class Region:
    kato: str
    names: dict
    short: dict
    population: int
    population_exact: bool
    centre: str
    grid: tuple[int, int]

    def name(self, lang: str = "ru") -> str:
        return _pick(self.names, lang)

    def short_name(self, lang: str = "ru") -> str:
        return _pick(self.short, lang)


@lru_cache(maxsize=1)
def regions() -> dict[str, Region]:
    data = _load("regions.yaml")
    return {
        r["kato"]: Region(
            kato=r["kato"],
            names={lang: r[lang] for lang in LANGS},
            short={lang: r[f"short_{lang}"] for lang in LANGS},
            population=int(r["population"]),
            population_exact=bool(r["population_exact"]),
            centre=r["centre"],
            grid=(int(r["grid"][0]), int(r["grid"][1])),
        )
        for r in data["regions"]
    }


def region_source() -> dict:
    return _load("regions.yaml")["source"]


def region_of(kato: str | None) -> str | None:
    """The first-level unit (region) of any KATO code, or None when it is not one of the 20."""
    if not kato:
        return None
    text = str(kato).strip()
    if len(text) == 8 and text.isdigit():
        text = "0" + text  # a spreadsheet dropped the leading zero — no region starts with 0 today
    if len(text) != 9 or not text.isdigit():
        return None
    code = text[:2] + "0000000"
    return code if code in regions() else None


def region_name(code: str | None, lang: str = "ru") -> str:
    region = regions().get(code or "")
    return region.name(lang) if region else ""


@dataclass(frozen=True)
class Place:
    kato: str
    region: str
    kind: str  # "city", "district", "city_district"
    name_ru: str
    name_kk: str


@lru_cache(maxsize=1)
def places() -> list[Place]:
    """District-level KATO units (and the districts of the three big cities), for the demo."""
    with (DATA / "demo_places.csv").open(encoding="utf-8") as fh:
        return [Place(**row) for row in csv.DictReader(fh)]


# --- filings ---------------------------------------------------------------------


@lru_cache(maxsize=1)
def filing_spec() -> dict:
    return _load("filing_fields.yaml")


def income_sources() -> list[dict]:
    return filing_spec()["income_sources"]


def income_source_name(code: str, lang: str = "ru") -> str:
    for source in income_sources():
        if source["code"] == code:
            return _pick(source, lang)
    return code


# --- ICNPO names -----------------------------------------------------------------


@lru_cache(maxsize=1)
def _icnpo_names() -> dict[str, dict]:
    """ICNPO names from the activities taxonomy (owned by ``qogam.activities``)."""
    path = Path(__file__).parent.parent / "activities" / "icnpo.yaml"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    names = {}
    for group in data.get("groups", []):
        names[str(group["code"])] = group["name"]
        for sub in group.get("subgroups", []):
            names[str(sub["code"])] = sub["name"]
    return names


def icnpo_name(code: str | None, lang: str = "ru") -> str:
    """Name of an ICNPO group ("4") or subgroup ("4 100"); the code itself if unknown."""
    if not code:
        return ""
    try:
        from qogam import activities

        if hasattr(activities, "group_name"):
            name = activities.group_name(str(code), lang)
            if name:
                return name
    except Exception:  # the taxonomy is optional for the registry  # noqa: BLE001
        pass
    names = _icnpo_names().get(str(code))
    return _pick(names, lang) if names else f"ICNPO {code}"


def icnpo_groups() -> list[str]:
    return [str(n) for n in range(1, 13)]


# --- column headers --------------------------------------------------------------


def header_key(header: object) -> str:
    """A header as compared: folded, punctuation to spaces, spaces collapsed."""
    text = fold(str(header or ""))
    return " ".join(re.findall(r"[0-9a-zа-я]+", text))


def _header_matches(key_words: list[str], variant_words: list[str]) -> bool:
    """Each variant word starts the header's word at the same place, allowing a short ending
    (Kazakh and Russian inflections: «тіркелген күні» for «тіркелген күн»)."""
    if len(variant_words) > len(key_words):
        return False
    return all(k.startswith(v) and len(k) - len(v) <= 3 for k, v in zip(key_words, variant_words, strict=False))


def match_columns(headers: list, spec: dict[str, dict]) -> dict[str, int]:
    """Map fields to column indexes by header; the longest matching variant wins.

    ``spec`` is ``{field: {"headers": [...]}}``. A column is used for one field only.
    """
    best: dict[int, tuple[int, str]] = {}
    for index, header in enumerate(headers):
        key = header_key(header)
        if not key:
            continue
        key_words = key.split()
        for field, item in spec.items():
            for variant in item.get("headers", []):
                variant_key = header_key(variant)
                if _header_matches(key_words, variant_key.split()):
                    score = len(variant_key) + (1000 if key == variant_key else 0)
                    if index not in best or score > best[index][0]:
                        best[index] = (score, field)
    columns: dict[str, tuple[int, int]] = {}
    for index, (score, field) in best.items():
        if field not in columns or score > columns[field][1]:
            columns[field] = (index, score)
    return {field: index for field, (index, _score) in columns.items()}


@lru_cache(maxsize=1)
def bns_columns() -> dict:
    return _load("bns_columns.yaml")["fields"]
