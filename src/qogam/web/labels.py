"""Names of codes (regions, legal forms, ICNPO groups, statuses) in the page's language."""

from __future__ import annotations

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from qogam.registry import reference

REGISTER_STATUS = {
    "registered": _("registered"),
    "in_liquidation": _("in liquidation"),
    "liquidated": _("liquidated"),
}
TERRITORIAL_STATUS = {
    "republican": _("republican"),
    "regional": _("regional"),
    "local": _("local"),
    "none": _("not stated"),
}
FACET_TITLES = {
    "region": _("Region"),
    "legal_form": _("Legal form"),
    "register_status": _("Register status"),
    "icnpo": _("Activity (ICNPO group)"),
    "year": _("Registration year"),
    "status": _("Territorial status"),
}
SORT_LABELS = {
    "relevance": _("relevance"),
    "name": _("name A–Z"),
    "-name": _("name Z–A"),
    "-registered": _("newest first"),
    "registered": _("oldest first"),
    "bin": _("BIN"),
}


def lang() -> str:
    code = (get_language() or "ru")[:2]
    return code if code in ("ru", "kk", "en") else "ru"


def region(code: str | None) -> str:
    return reference.region_name(code, lang()) or (code or "")


def legal_form(code: str | None) -> str:
    return reference.legal_form_name(code, lang()) or (code or "")


def icnpo(code: str | None) -> str:
    if code in (None, "", "none"):
        return str(_("not classified"))
    return reference.icnpo_name(code, lang())


def facet_value(facet: str, value: str) -> str:
    if facet == "region":
        return region(value)
    if facet == "legal_form":
        return legal_form(value)
    if facet == "register_status":
        return str(REGISTER_STATUS.get(value, value))
    if facet == "icnpo":
        return icnpo(value)
    if facet == "status":
        return str(TERRITORIAL_STATUS.get(value, value))
    return value


def income_source(code: str) -> str:
    return reference.income_source_name(code, lang())
