"""Synthetic people and founders of demo organisations (no Django).

Names are drawn with weights that fall off with their rank in ``demo_names.yaml`` (a few
surnames and first names are common, most are rare), so that two heads share a full
name about as rarely as in life. A small pool of "serial" people (``serial_pool``, sized
for the registry) heads or founds many organisations at once: what the census's
shared-person flag is there to notice.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from ..reference import Region
from .names import region_genitive, vocabulary

FEMALE_SHARE = 0.55
PEOPLE_PER_ORGANISATION = 1.7  # the head and, on average, 0.7 founders who are people
# Founders by legal form: (least, most) founders and the chances that one is a company
# or another NGO rather than a person. Forms not listed have one or two persons.
FOUNDER_SHAPES = {
    "public_association": (1, 3, 0.0, 0.0),
    "public_fund": (1, 2, 0.25, 0.05),
    "corporate_fund": (1, 2, 0.6, 0.05),
    "private_fund": (1, 2, 0.3, 0.0),
    "association_of_legal_entities": (2, 4, 0.8, 0.2),
    "private_institution": (1, 1, 0.4, 0.05),
    "noncommercial_joint_stock_company": (1, 2, 0.5, 0.1),
}
DEFAULT_SHAPE = (1, 2, 0.0, 0.0)
# How often a state body or state-owned entity is among the founders, by legal form.
STATE_FOUNDED = {"public_association": 0.005, "private_institution": 0.06, "noncommercial_joint_stock_company": 0.3,
                 "association_of_legal_entities": 0.04, "public_fund": 0.02, "corporate_fund": 0.04}
STATE_FOUNDED_OTHER = 0.01


@dataclass(frozen=True)
class _Ranked:
    items: tuple[str, ...]
    cumulative: tuple[float, ...]

    def pick(self, rng: random.Random) -> str:
        return rng.choices(self.items, cum_weights=self.cumulative)[0]


@dataclass(frozen=True)
class _Tables:
    surnames: _Ranked
    male: _Ranked
    female: _Ranked
    patronymics: _Ranked


def _ranked(items: list[str], skew: float) -> _Ranked:
    return _Ranked(tuple(items), tuple(accumulate(1.0 / (rank + 1) ** skew for rank in range(len(items)))))


def feminine_surname(surname: str) -> str:
    """Иванов → Иванова, Ковальский → Ковальская; Ким, Шевченко, Мельник stay."""
    if surname.endswith(("ов", "ев", "ин")):
        return surname + "а"
    if surname.endswith("ский"):
        return surname[:-2] + "ая"
    return surname


def feminine_patronymic(patronymic: str) -> str:
    """Ерланович → Ерлановна, Сергеевич → Сергеевна."""
    return patronymic[:-2] + "на"


def _compose(rng: random.Random, tables: _Tables) -> str:
    surname = tables.surnames.pick(rng)
    patronymic = tables.patronymics.pick(rng)
    if rng.random() < FEMALE_SHARE:
        return f"{feminine_surname(surname)} {tables.female.pick(rng)} {feminine_patronymic(patronymic)}"
    return f"{surname} {tables.male.pick(rng)} {patronymic}"


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    heads = vocabulary()["heads"]
    skew = float(heads["skew"])
    return _Tables(
        surnames=_ranked(heads["surnames"], skew), male=_ranked(heads["male_first"], skew),
        female=_ranked(heads["female_first"], skew), patronymics=_ranked(heads["patronymics"], skew),
    )


def serial_pool(rng: random.Random, organisations: int) -> tuple[str, ...]:
    """The people who head or found many of ``organisations`` (about ``serial_holdings`` each)."""
    heads = vocabulary()["heads"]
    slots = float(heads["serial_share"]) * organisations * PEOPLE_PER_ORGANISATION
    wanted = max(1, round(slots / int(heads["serial_holdings"]))) if slots >= 2 else 0
    pool: dict[str, None] = {}
    while len(pool) < wanted:
        pool.setdefault(_compose(rng, _tables()), None)
    return tuple(pool)


def make_person(rng: random.Random, serial: tuple[str, ...] = ()) -> str:
    """«Фамилия Имя Отчество» of a head or a founder; now and then one of the ``serial`` people."""
    if serial and rng.random() < float(vocabulary()["heads"]["serial_share"]):
        return rng.choice(serial)
    return _compose(rng, _tables())


def company_name(rng: random.Random) -> str:
    founders = vocabulary()["founders"]
    return f"{rng.choice(founders['company_types'])} «{rng.choice(vocabulary()['brands'])} " \
           f"{rng.choice(founders['company_words'])}{rng.choice(founders['company_tails'])}»"


def ngo_name(rng: random.Random, region: Region) -> str:
    return f"{rng.choice(vocabulary()['founders']['ngo_types'])} «{rng.choice(vocabulary()['brands'])}» " \
           f"({region.name('ru')})"


def state_body(rng: random.Random, region: Region) -> str:
    """A state body or state-owned entity: mostly of the organisation's region, sometimes national."""
    founders = vocabulary()["founders"]
    if rng.random() < 0.2:
        return rng.choice(founders["state_national"])
    return rng.choice(founders["state_regional"]).format(region=region_genitive(region, "ru"))


def is_state_founded(rng: random.Random, form_code: str) -> bool:
    return rng.random() < STATE_FOUNDED.get(form_code, STATE_FOUNDED_OTHER)


def make_founders(rng: random.Random, form_code: str, head: str, region: Region, state_founded: bool,
                  serial: tuple[str, ...] = ()) -> list[str]:
    """The founders an organisation lists in its filings: people, companies, NGOs, a state body."""
    least, most, company, ngo = FOUNDER_SHAPES.get(form_code, DEFAULT_SHAPE)
    founders: list[str] = []
    for _ in range(rng.randint(least, most)):
        roll = rng.random()
        if roll < company:
            founders.append(company_name(rng))
        elif roll < company + ngo:
            founders.append(ngo_name(rng, region))
        elif not founders and rng.random() < 0.6:
            founders.append(head)  # the head is often a founder too
        else:
            founders.append(make_person(rng, serial))
    if state_founded:
        founders[0] = state_body(rng, region)
    return list(dict.fromkeys(founders))
