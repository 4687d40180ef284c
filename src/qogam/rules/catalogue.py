"""The rule catalogue: load ``catalogue.yaml``, validate it, and render rule texts."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

CATALOGUE_FILE = Path(__file__).with_name("catalogue.yaml")
SCHEMA_FILE = Path(__file__).with_name("catalogue.schema.json")
LANGUAGES = ("ru", "kk", "en")


@dataclass(frozen=True)
class Rule:
    slug: str
    severity: str
    applies_to: tuple[str, ...] | str
    legal_basis: dict
    message: dict
    fix: dict
    thresholds: dict = field(default_factory=dict)
    severity_for: dict = field(default_factory=dict)
    patterns: dict = field(default_factory=dict)

    def compiled(self, key: str):
        """The rule's patterns under ``key`` as one compiled alternation (None when absent)."""
        return _compile(tuple(self.patterns.get(key, ())))

    def applies(self, legal_form: str | None) -> bool:
        if self.applies_to == "all":
            return True
        return legal_form in self.applies_to

    def severity_of(self, legal_form: str | None) -> str:
        if not self.severity_for:
            return self.severity
        return self.severity_for.get(legal_form or "", self.severity_for.get("default", self.severity))


@dataclass(frozen=True)
class Catalogue:
    acts: dict
    rules: tuple[Rule, ...]

    def get(self, slug: str) -> Rule:
        for rule in self.rules:
            if rule.slug == slug:
                return rule
        raise KeyError(slug)

    def legal_basis_text(self, rule: Rule, lang: str = "ru") -> str:
        basis = rule.legal_basis
        act = self.acts[basis["act"]][lang]
        article = {"ru": "ст.", "kk": "-бап", "en": "Art."}[lang]
        point = {"ru": "п.", "kk": "-тармақ", "en": "para."}[lang]
        if lang == "kk":
            text = f"{act}, {basis['article']}{article}"
            if basis.get("paragraph"):
                text += f" {basis['paragraph']}{point}"
        else:
            text = f"{act}, {article} {basis['article']}"
            if basis.get("paragraph"):
                text += f" {point} {basis['paragraph']}"
        if basis.get("also"):
            text += f"; {basis['also']}"
        return text


@cache
def _compile(patterns: tuple[str, ...]):
    import re

    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def validate(data: dict) -> None:
    """Raise ``jsonschema.ValidationError`` (or ValueError) when the catalogue is malformed."""
    import jsonschema

    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    slugs = [r["slug"] for r in data["rules"]]
    duplicates = {s for s in slugs if slugs.count(s) > 1}
    if duplicates:
        raise ValueError(f"duplicate rule slugs: {sorted(duplicates)}")
    for r in data["rules"]:
        if r["legal_basis"]["act"] not in data["acts"]:
            raise ValueError(f"{r['slug']}: unknown act {r['legal_basis']['act']!r}")


@cache
def load(path: Path = CATALOGUE_FILE) -> Catalogue:
    with Path(path).open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    validate(data)
    rules = tuple(
        Rule(
            slug=r["slug"],
            severity=r["severity"],
            applies_to=r["applies_to"] if r["applies_to"] == "all" else tuple(r["applies_to"]),
            legal_basis=r["legal_basis"],
            message=r["message"],
            fix=r["fix"],
            thresholds=r.get("thresholds") or {},
            severity_for=r.get("severity_for") or {},
            patterns=r.get("patterns") or {},
        )
        for r in data["rules"]
    )
    return Catalogue(acts=data["acts"], rules=rules)
