"""Is this an NPO charter of Kazakhstan at all?"""

from __future__ import annotations

from ..engine import Context, Hit, check

_COUNTRY_NAMES = {"RU": "Российская Федерация", "KG": "Кыргызская Республика", "UZ": "Республика Узбекистан", "BY": "Республика Беларусь"}
_FORM_NAMES = {
    "religious_association": "религиозное объединение",
    "political_party": "политическая партия",
    "trade_union": "профессиональный союз",
    "state_institution": "государственное учреждение",
}


@check("document.not-a-charter")
def not_a_charter(ctx: Context, rule) -> list[Hit]:
    if ctx.charter.is_charter:
        return []
    return [Hit(paragraph=ctx.title_paragraph)]


@check("document.foreign")
def foreign(ctx: Context, rule) -> list[Hit]:
    country = ctx.charter.foreign_country
    if not country:
        return []
    return [Hit(paragraph=ctx.title_paragraph, details={"country": _COUNTRY_NAMES.get(country, country)})]


@check("document.not-npo")
def not_npo(ctx: Context, rule) -> list[Hit]:
    if ctx.charter.legal_form != "other":
        return []
    return [Hit(paragraph=ctx.title_paragraph, details={"form": "ТОО / АО"})]


@check("document.out-of-scope")
def out_of_scope(ctx: Context, rule) -> list[Hit]:
    if ctx.charter.in_scope:
        return []
    form = ctx.charter.legal_form or ""
    return [Hit(paragraph=ctx.charter.legal_form_paragraph, details={"form": _FORM_NAMES.get(form, form)})]
