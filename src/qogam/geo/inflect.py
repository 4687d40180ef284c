"""Inflected forms of place names, generated when the gazetteer is built.

pymorphy3 does not know most Kazakh place names, so the forms come from rules:
Russian adjectives (Жамбылская → Жамбылской, Жамбылскую …), Russian nouns
(Шымкент → Шымкента, Караганда → Караганде, Семей → Семее; Алматы does not
decline) and Kazakh case suffixes with vowel harmony and consonant assimilation
(Алматыда, Шымкентте, Өскеменнен). Over-generation is harmless: a form that no
one writes is never matched.

Only the build (``qogam.geo.build``) imports this module; the runtime matcher reads
the forms from the derived gazetteer file.
"""

from __future__ import annotations

# Every case and number of an adjective, masculine, feminine and neuter, because a
# region adjective agrees with «область», «регион» or «областной» alike.
_ADJECTIVE_ENDINGS = (
    "ий", "ый", "ого", "ому", "им", "ым", "ом",
    "ая", "ой", "ою", "ую",
    "ое",
    "ие", "ые", "их", "ых", "ими", "ыми",
)

_INDECLINABLE_ENDINGS = tuple("оеиуыэюё")
_HUSHING = "кгхжшчщц"


def adjective_forms(adjective: str) -> set[str]:
    """All case forms of a Russian adjective given in any form ending -ий/-ый/-ая/-ое."""
    word = adjective.strip()
    for ending in ("ий", "ый", "ой", "ая", "ое", "яя"):
        if word.endswith(ending):
            stem = word[: -len(ending)]
            return {stem + e for e in _ADJECTIVE_ENDINGS}
    raise ValueError(f"not an adjective: {adjective!r}")


def russian_noun_forms(name: str) -> set[str]:
    """Case forms of a Russian (or russified) city name; only the last word declines."""
    name = name.strip()
    head, sep, last = name.rpartition(" ")
    prefix = head + sep
    forms = {name}
    low = last.lower()
    if low.endswith(("ый", "ий")) and len(low) > 3:  # Рудный: an adjective
        stem = last[:-2]
        forms |= {prefix + stem + e for e in ("ого", "ому", "ым", "им", "ом")}
    elif low.endswith("ия"):
        stem = last[:-1]
        forms |= {prefix + stem + e for e in ("и", "ю", "ей")}
    elif low.endswith("а"):
        stem = last[:-1]
        genitive = "и" if stem[-1:].lower() in _HUSHING else "ы"
        forms |= {prefix + stem + e for e in (genitive, "е", "у", "ой", "ою", "ей")}
    elif low.endswith("я"):
        stem = last[:-1]
        forms |= {prefix + stem + e for e in ("и", "е", "ю", "ей")}
    elif low.endswith("й"):
        stem = last[:-1]
        forms |= {prefix + stem + e for e in ("я", "ю", "ем", "ём", "е")}
    elif low.endswith("ь"):
        stem = last[:-1]
        forms |= {prefix + stem + e for e in ("и", "ью", "я", "ю", "ем", "е")}
    elif low.endswith(_INDECLINABLE_ENDINGS) or low[-1:].isdigit():
        pass
    else:
        # no instrumental -ом after -ск: «Уральском», «Семипалатинском» read as adjectives
        # («в Уральском регионе», «на Семипалатинском полигоне») far more often
        endings = ("а", "у", "е") if low.endswith("ск") else ("а", "у", "ом", "ем", "е")
        forms |= {prefix + last + e for e in endings}
        if low.endswith(("ов", "ев", "ин", "ын")):  # Конаев → Конаевым
            forms.add(prefix + last + "ым")
    return forms


# Kazakh phonology for suffix choice.
_BACK_VOWELS = set("аоұыяё")
_FRONT_VOWELS = set("әөүіеэи")
_VOWELS = _BACK_VOWELS | _FRONT_VOWELS | set("ую")
_VOICELESS = set("кқпстфхцчшщбвгд")  # б в г д devoice at the end of a word
_NASALS = set("мнң")
_SONORANTS = set("лрйу")
_VOICED = set("жз")


def _is_front(word: str) -> bool:
    for ch in reversed(word.lower()):
        if ch in _FRONT_VOWELS:
            return True
        if ch in _BACK_VOWELS:
            return False
    return False


def _sound_class(word: str) -> str:
    last = word.lower()[-1:]
    if last == "у" and len(word) > 1 and word.lower()[-2] in _VOWELS:
        return "sonorant"  # Атырау, Көкшетау: у after a vowel is a glide
    if last in _VOWELS:
        return "vowel"
    if last in _NASALS:
        return "nasal"
    if last in _SONORANTS:
        return "sonorant"
    if last in _VOICED:
        return "voiced"
    return "voiceless"


# suffix per case: (after a vowel, м н ң, л р й у, ж з, a voiceless consonant),
# each as a (back, front) pair
_KAZAKH_CASES: dict[str, tuple[tuple[str, str], ...]] = {
    "genitive": (("ның", "нің"), ("ның", "нің"), ("дың", "дің"), ("дың", "дің"), ("тың", "тің")),
    "dative": (("ға", "ге"), ("ға", "ге"), ("ға", "ге"), ("ға", "ге"), ("қа", "ке")),
    "accusative": (("ны", "ні"), ("ды", "ді"), ("ды", "ді"), ("ды", "ді"), ("ты", "ті")),
    "locative": (("да", "де"), ("да", "де"), ("да", "де"), ("да", "де"), ("та", "те")),
    "ablative": (("дан", "ден"), ("нан", "нен"), ("дан", "ден"), ("дан", "ден"), ("тан", "тен")),
    "instrumental": (("мен", "мен"), ("бен", "бен"), ("мен", "мен"), ("бен", "бен"), ("пен", "пен")),
    "locative_attribute": (
        ("дағы", "дегі"), ("дағы", "дегі"), ("дағы", "дегі"), ("дағы", "дегі"), ("тағы", "тегі"),
    ),
}
_CLASS_INDEX = {"vowel": 0, "nasal": 1, "sonorant": 2, "voiced": 3, "voiceless": 4}


def kazakh_case_forms(name: str) -> set[str]:
    """A Kazakh noun with each case suffix: Алматы → Алматыда, Алматының …"""
    name = name.strip()
    letters = set(name.lower())
    # Names of Russian origin mix vowel rows (Қонаев): people use either suffix row.
    if letters & _BACK_VOWELS and letters & _FRONT_VOWELS - {"и"}:
        rows = (0, 1)
    else:
        rows = (1,) if _is_front(name) else (0,)
    index = _CLASS_INDEX[_sound_class(name)]
    forms = {name}
    for variants in _KAZAKH_CASES.values():
        for row in rows:
            forms.add(name + variants[index][row])
    return forms


def spacing_variants(form: str) -> set[str]:
    """A hyphenated name also written with a space (Нур-Султан, Нур Султан)."""
    variants = {form}
    if "-" in form:
        variants.add(form.replace("-", " "))
    return variants
