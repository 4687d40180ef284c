"""Names of what the census counts by, in a language (no Django)."""

from __future__ import annotations

from qogam.registry import reference

from .definitions import Definitions, load


def key_name(dimension: str, key: str, lang: str = "ru", definitions: Definitions | None = None) -> str:
    """The name of one breakdown value (a KATO code, a legal form, an ICNPO group…)."""
    definitions = definitions or load()
    if dimension == "state":
        return definitions.working_name(lang) if key == "working" else definitions.state_name(key, lang)
    if not key:
        return definitions.unknown_texts[lang]
    if dimension == "region":
        return reference.region_name(key, lang) or key
    if dimension == "legal_form":
        return reference.legal_form_name(key, lang) or key
    if dimension == "icnpo_group":
        return reference.icnpo_name(key, lang) or key
    if dimension == "language":
        return definitions.language_name(key, lang)
    return key
