"""The registry of mutation operators and the texts they insert (mutation_texts.yaml).

An operator is registered for one rule slug with ``@operator(rule, variants, forms=…,
statuses=…, allowed=…)``; its function edits a ``CharterText`` in place and returns False
when the charter has nothing it could change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from charter_text import CharterText

HERE = Path(__file__).resolve().parent
OO = ("public_association",)
WITH_MEMBERS = ("public_association", "association_of_legal_entities", "consumer_cooperative")


@cache
def texts() -> dict:
    return yaml.safe_load((HERE / "mutation_texts.yaml").read_text(encoding="utf-8"))


Apply = Callable[[CharterText, dict, str], bool]


@dataclass(frozen=True)
class Operator:
    rule: str
    variants: tuple[str, ...]
    apply: Apply
    forms: tuple[str, ...] | None = None  # None: every legal form
    statuses: tuple[str, ...] | None = None
    allowed: tuple[str, ...] = ()  # rules that may legitimately fire with the injected one

    @property
    def name(self) -> str:
        return self.rule.replace(".", "-")

    def applies_to(self, meta: dict) -> bool:
        if self.forms and meta["legal_form"] not in self.forms:
            return False
        return not (self.statuses and meta.get("status") not in self.statuses)


OPERATORS: list[Operator] = []


def operator(rule: str, variants: tuple[str, ...], **kwargs) -> Callable[[Apply], Apply]:
    def register(fn: Apply) -> Apply:
        OPERATORS.append(Operator(rule, variants, fn, **kwargs))
        return fn

    return register
