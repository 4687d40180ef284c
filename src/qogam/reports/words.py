"""The report's own words in Russian, Kazakh and English (``messages.yaml``)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

FORM_NAMES = {
    "public_association": {"ru": "общественное объединение", "kk": "қоғамдық бірлестік", "en": "public association"},
    "public_fund": {"ru": "общественный фонд", "kk": "қоғамдық қор", "en": "public fund"},
    "corporate_fund": {"ru": "корпоративный фонд", "kk": "корпоративтік қор", "en": "corporate fund"},
    "private_fund": {"ru": "частный фонд", "kk": "жеке қор", "en": "private fund"},
    "association_of_legal_entities": {"ru": "объединение юридических лиц (ассоциация, союз)", "kk": "заңды тұлғалар бірлестігі", "en": "association of legal entities"},
    "private_institution": {"ru": "частное учреждение", "kk": "жеке мекеме", "en": "private institution"},
    "state_institution": {"ru": "государственное учреждение", "kk": "мемлекеттік мекеме", "en": "state institution"},
    "noncommercial_joint_stock_company": {"ru": "некоммерческое акционерное общество", "kk": "коммерциялық емес акционерлік қоғам", "en": "non-commercial joint-stock company"},
    "consumer_cooperative": {"ru": "потребительский кооператив", "kk": "тұтыну кооперативі", "en": "consumer cooperative"},
    "religious_association": {"ru": "религиозное объединение", "kk": "діни бірлестік", "en": "religious association"},
    "political_party": {"ru": "политическая партия", "kk": "саяси партия", "en": "political party"},
    "trade_union": {"ru": "профессиональный союз", "kk": "кәсіподақ", "en": "trade union"},
    "other": {"ru": "иная (коммерческая) форма", "kk": "өзге (коммерциялық) нысан", "en": "other (commercial) form"},
}
STATUS_NAMES = {
    "republican": {"ru": "республиканское", "kk": "республикалық", "en": "republican"},
    "regional": {"ru": "региональное", "kk": "өңірлік", "en": "regional"},
    "local": {"ru": "местное", "kk": "жергілікті", "en": "local"},
}


@cache
def _messages() -> dict:
    with Path(__file__).with_name("messages.yaml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def word(key: str, lang: str = "ru", **values) -> str:
    text = _messages()[key][lang]
    return text.format(**values) if values else text


def form_name(slug: str | None, lang: str = "ru") -> str:
    return FORM_NAMES[slug][lang] if slug in FORM_NAMES else word("not_stated", lang)


def status_name(slug: str | None, lang: str = "ru") -> str:
    return STATUS_NAMES[slug][lang] if slug in STATUS_NAMES else word("not_stated", lang)


def region_names(codes: list[str], whole_country: bool, lang: str = "ru") -> str:
    if whole_country:
        return word("whole_country", lang)
    if not codes:
        return word("not_stated", lang)
    from qogam import geo

    return ", ".join(geo.unit_name(c, lang) for c in codes)


def where(location, lang: str = "ru") -> str:
    """«п. 4.2, стр. 3» — the clause number when known, else the paragraph."""
    parts = []
    if location.number:
        parts.append(f"{word('clause', lang)} {location.number.rstrip('.')}")
    elif location.paragraph is not None:
        parts.append(f"{word('paragraph', lang)} {location.paragraph + 1}")
    if location.page:
        parts.append(f"{word('page', lang)} {location.page}")
    return ", ".join(parts)
