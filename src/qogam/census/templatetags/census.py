"""Template helpers of the census pages: state names in the page's language."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from qogam.census.definitions import load

register = template.Library()


def _lang() -> str:
    code = (get_language() or "ru")[:2]
    return code if code in ("ru", "kk", "en") else "ru"


@register.filter
def census_state_name(code: str) -> str:
    return load().state_name(code, _lang()) if code else ""
