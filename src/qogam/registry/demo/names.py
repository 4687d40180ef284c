"""Plausible Russian/Kazakh names, heads and addresses for synthetic organisations (no Django)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache

import yaml

from ..reference import DATA, LegalForm, Place, Region


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    with (DATA / "demo_names.yaml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def region_genitive(region: Region, lang: str) -> str:
    """«Карагандинской области», «области Абай», «города Астана»; «Қарағанды облысының»."""
    if lang == "kk":
        name = region.name("kk")
        if name.endswith(" облысы"):
            return name[: -len(" облысы")] + " облысының"
        if name.endswith(" қ."):
            return name[: -len(" қ.")] + " қаласының"
        return name
    name = region.name("ru")
    if name.endswith("ая область"):
        return name[: -len("ая область")] + "ой области"
    if name.startswith("область "):
        return "области " + name[len("область "):]
    if name.startswith("г. "):
        return "города " + name[len("г. "):]
    return name


@dataclass
class Names:
    full_ru: str
    short_ru: str
    full_kk: str
    short_kk: str


def _cap(text: str) -> str:
    """Upper-case the first letter only (str.capitalize would lower «АИТВ»)."""
    return text[:1].upper() + text[1:]


def _quoted(core: str) -> str:
    return f"«{core}»"


def make_names(rng: random.Random, form: LegalForm, topic: dict, region: Region) -> Names:
    """Russian and Kazakh full and short names built from the form, a topic and a brand."""
    vocab = vocabulary()
    brand = rng.choice(vocab["brands"])
    code = form.code
    if code == "religious_association":
        core_ru, core_kk = f"{_cap(topic['ru'])} {brand}", f"{brand} {topic['kk']}"
    elif code == "trade_union":
        core_ru = f"Профсоюз {topic['ru']} {region_genitive(region, 'ru')}"
        core_kk = f"{region_genitive(region, 'kk')} {topic['kk']}"
    elif code == "consumer_cooperative":
        prefix = "КСК" if topic["icnpo"] == "6 200" else _cap(topic["ru"])
        core_ru, core_kk = f"{prefix} {brand}", f"{brand} {topic['kk']}"
    elif code == "political_party":
        core_ru = core_kk = brand
    elif topic.get("icnpo") == "1 200" and rng.random() < 0.6:
        sport = rng.choice(vocab["sports"])
        if rng.random() < 0.5:
            core_ru = f"Федерация {sport['ru']} {region_genitive(region, 'ru')}"
            core_kk = f"{region_genitive(region, 'kk')} {sport['kk']} федерациясы"
        else:
            core_ru, core_kk = f"Спортивный клуб {brand}", f"{brand} спорт клубы"
    else:
        roll = rng.random()
        if roll < 0.45:
            core_ru = core_kk = brand
        elif roll < 0.7:
            core_ru, core_kk = f"Центр {topic['ru']}", f"{_cap(topic['kk'])} орталығы"
        elif roll < 0.85:
            core_ru = f"Центр {topic['ru']} {region_genitive(region, 'ru')}"
            core_kk = f"{region_genitive(region, 'kk')} {topic['kk']} орталығы"
        elif code == "association_of_legal_entities" or roll < 0.95:
            core_ru, core_kk = f"Ассоциация {topic['ru']}", f"{_cap(topic['kk'])} қауымдастығы"
        else:
            core_ru, core_kk = f"{brand} — {topic['ru']}", f"{brand} — {topic['kk']}"
    core_kk = _cap(core_kk)
    short_ru = f"{form.short['ru']} {_quoted(core_ru)}".strip()
    short_kk = f"{_quoted(core_kk)} {form.short['kk']}".strip()
    return Names(
        full_ru=f"{form.name('ru')} {_quoted(core_ru)}",
        short_ru=short_ru,
        full_kk=f"{_quoted(core_kk)} {form.kk_suffix}".strip(),
        short_kk=short_kk,
    )


def place_label(place: Place) -> str:
    """«г. Семей» for a city administration, the district name otherwise."""
    name = place.name_ru
    if place.kind == "city" and name.endswith(" Г.А."):
        return "г. " + name[: -len(" Г.А.")]
    return name


def make_address(rng: random.Random, place: Place, region: Region) -> str:
    street = rng.choice(vocabulary()["streets"])
    house = rng.randint(1, 180)
    office = f", оф. {rng.randint(1, 60)}" if rng.random() < 0.5 else ""
    if place.kind == "city_district":
        return f"{region.name('ru')}, {place.name_ru}, ул. {street}, {house}{office}"
    if place.kind == "city":
        return f"{region.name('ru')}, {place_label(place)}, ул. {street}, {house}{office}"
    return f"{region.name('ru')}, {place.name_ru}, ул. {street}, {house}"
