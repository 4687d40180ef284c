"""Is this an NPO charter of Kazakhstan at all?"""

from __future__ import annotations

from qogam.charter.names import country_name, form_name

from ..engine import Context, Hit, check


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
    return [Hit(paragraph=ctx.title_paragraph, details={"country": country_name(country, ctx.lang) or country})]


@check("document.not-npo")
def not_npo(ctx: Context, rule) -> list[Hit]:
    if ctx.charter.legal_form != "other":
        return []
    return [Hit(paragraph=ctx.title_paragraph, details={"form": form_name("other", ctx.lang)})]


@check("document.out-of-scope")
def out_of_scope(ctx: Context, rule) -> list[Hit]:
    if ctx.charter.in_scope:
        return []
    form = ctx.charter.legal_form or ""
    return [Hit(paragraph=ctx.charter.legal_form_paragraph, details={"form": form_name(form, ctx.lang) or form})]
