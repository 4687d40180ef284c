"""ICNPO groups and subgroups, the social-order spheres, and the crosswalks between them.

The data live in icnpo.yaml, spheres.yaml and crosswalk.yaml; this module only reads them.
Names come in "ru", "kk" and "en".
"""

from __future__ import annotations

from functools import lru_cache

from .data import load

LANGS = ("ru", "kk", "en")


class UnknownCodeError(ValueError):
    """A code that is not in the classification; the message lists the valid ones."""


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}")


@lru_cache(maxsize=1)
def _icnpo() -> tuple[dict[str, dict], dict[str, dict]]:
    groups, subgroups = {}, {}
    for group in load("icnpo")["groups"]:
        groups[group["code"]] = group
        for subgroup in group["subgroups"]:
            subgroups[subgroup["code"]] = subgroup
    return groups, subgroups


@lru_cache(maxsize=1)
def _spheres() -> dict[str, dict]:
    return {sphere["code"]: sphere for sphere in load("spheres")["spheres"]}


def group_codes() -> list[str]:
    """ICNPO groups in the Handbook's order: "1" … "12"."""
    return list(_icnpo()[0])


def subgroup_codes() -> list[str]:
    """ICNPO subgroups in the Handbook's order: "1 100" … "12 100"."""
    return list(_icnpo()[1])


def group_of(code: str) -> str:
    """The group of a group or subgroup code: "4 100" → "4"."""
    return code.split(" ", 1)[0]


def icnpo_order(code: str) -> tuple[int, int]:
    """Sort key in the Handbook's order for group and subgroup codes."""
    head, _, tail = code.partition(" ")
    return int(head), int(tail or 0)


def group_name(code: str, lang: str = "ru") -> str:
    """Name of an ICNPO group ("4") or subgroup ("4 100") in "ru", "kk" or "en"."""
    _check_lang(lang)
    groups, subgroups = _icnpo()
    entry = groups.get(code) or subgroups.get(code)
    if entry is None:
        raise UnknownCodeError(
            f"unknown ICNPO code {code!r}: groups are {', '.join(groups)}; subgroups look like '4 100'"
        )
    return entry["name"][lang]


def group_names(code: str) -> dict[str, str]:
    """{"ru": ..., "kk": ..., "en": ...} for an ICNPO group or subgroup."""
    return {lang: group_name(code, lang) for lang in LANGS}


def sphere_codes() -> list[str]:
    """Spheres in the law's order: "1", "2", … "13-1", "13-2", "15", "16", "p2-1" …"""
    return list(_spheres())


def check_sphere(code: str) -> str:
    """``code`` if it is a sphere of the law, else UnknownCodeError listing the valid codes."""
    if code not in _spheres():
        raise UnknownCodeError(
            f"unknown social-order sphere {code!r}: valid codes are {', '.join(_spheres())}"
        )
    return code


def sphere_name(code: str, lang: str = "ru") -> str:
    """Name of a sphere of the social order law (Art. 5) in "ru", "kk" or "en"."""
    _check_lang(lang)
    return _spheres()[check_sphere(code)]["name"][lang]


def sphere_names(lang: str = "ru") -> dict[str, str]:
    """All spheres in the law's order: code -> name."""
    _check_lang(lang)
    return {code: sphere["name"][lang] for code, sphere in _spheres().items()}


def sphere_citation(code: str, lang: str = "ru") -> str:
    """«Закон … № 36-III, ст. 5 п.1 пп.7» — where the sphere is in the law."""
    _check_lang(lang)
    law = load("spheres")["law"][lang]
    return f"{law}, {_spheres()[check_sphere(code)]['citation']}"


def sphere_order(code: str) -> int:
    return sphere_codes().index(code)


@lru_cache(maxsize=1)
def _crosswalk() -> dict:
    return load("crosswalk")


def spheres_of_subgroup(code: str) -> list[str]:
    """Spheres an ICNPO subgroup implies by definition (crosswalk.yaml)."""
    return list(_crosswalk()["icnpo_to_spheres"].get(code, []))


def icnpo_for_oked(oked: str) -> str | None:
    """ICNPO subgroup for an OKED code ("88.99", "88.99.0" or "88990"); None if unknown or generic."""
    digits = "".join(ch for ch in oked if ch.isdigit())
    if len(digits) < 4:
        return None
    return _crosswalk()["oked_to_icnpo"].get(f"{digits[:2]}.{digits[2:4]}")


def related_group_pairs() -> list[tuple[str, str]]:
    return [tuple(pair) for pair in _crosswalk()["related_groups"]]
