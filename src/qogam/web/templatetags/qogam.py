"""Template helpers: code names, facet links, numbers."""

from __future__ import annotations

from django import template

from qogam.web import labels

register = template.Library()


@register.filter
def region_name(code):
    return labels.region(code)


@register.filter
def legal_form_name(code):
    return labels.legal_form(code)


@register.filter
def icnpo_name(code):
    return labels.icnpo(code)


@register.filter
def register_status_name(code):
    return labels.REGISTER_STATUS.get(code, code)


@register.filter
def territorial_status_name(code):
    return labels.TERRITORIAL_STATUS.get(code or "none", code)


@register.filter
def income_source_name(code):
    return labels.income_source(code)


@register.filter
def money(value):
    """1234567.8 → «1 234 568» (thin spaces, no decimals: amounts are in tenge)."""
    if value in (None, ""):
        return "—"
    return f"{float(value):,.0f}".replace(",", "\u202f")


@register.filter
def count(value):
    if value in (None, ""):
        return "—"
    return f"{int(value):,}".replace(",", "\u202f")


@register.simple_tag
def toggle_url(params, facet, value):
    return "?" + params.toggled(facet, value).to_query()


@register.simple_tag
def page_url(params, page):
    return "?" + params.to_query(page=page)


@register.simple_tag
def sort_url(params, sort):
    return "?" + params.to_query(sort=sort, page=1)


@register.filter
def get_item(mapping, key):
    return (mapping or {}).get(key)
