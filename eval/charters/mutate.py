"""Mutation operators: inject one known defect into a clean charter's text.

    .venv/bin/python eval/charters/mutate.py                 # how many mutants per rule
    .venv/bin/python eval/charters/mutate.py --out /tmp/m    # write every mutant as TXT + YAML
    .venv/bin/python eval/charters/mutate.py --show 01_oo_local_zhambyl_youth--goals-vague--any_kind

An operator is registered for one rule slug with the legal forms (and, for territorial rules,
statuses) it applies to, its variants (several ways the defect is written), and the rules that
may legitimately fire with it (``allowed``: deleting the liquidation chapter also deletes the
fate of property). It edits the charter's Russian part with the plain text logic in
``charter_text.py``; it returns False when the charter has nothing it could change, and the test
suite checks that this happens only where the operator should not apply.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

# Importing the operator modules registers their operators.
import ops_governance  # noqa: E402, F401
import ops_identity  # noqa: E402, F401
import ops_structure  # noqa: E402, F401
import ops_territory  # noqa: E402, F401
from charter_corpus import CorpusDocument, clean_charters  # noqa: E402
from charter_text import CharterText  # noqa: E402
from mutation_finders import goals_intro  # noqa: E402, F401  (re-exported for the tests)
from mutation_registry import OPERATORS, Operator  # noqa: E402
from ops_governance import TERM  # noqa: E402, F401
from ops_identity import own_name  # noqa: E402, F401


@dataclass
class Mutant:
    id: str
    charter: str
    rule: str
    operator: str
    variant: str
    allowed: tuple[str, ...]
    text: str
    meta: dict  # the clean charter's metadata (legal form, DOCX layout …)


def mutate(document: CorpusDocument, op: Operator, variant: str) -> str | None:
    """The mutated text, or None when the operator has nothing to change in this charter."""
    doc = CharterText(document.text, document.russian_marker)
    if not op.apply(doc, document.meta, variant):
        return None
    doc.drop_empty()
    text = _tidy(doc.text())
    return text if text != _tidy(CharterText(document.text).text()) else None


def mutants(document: CorpusDocument) -> list[Mutant]:
    out = []
    for op in OPERATORS:
        if not op.applies_to(document.meta):
            continue
        for variant in op.variants:
            text = mutate(document, op, variant)
            if text is not None:
                out.append(Mutant(f"{document.id}--{op.name}--{variant}", document.id, op.rule, op.name, variant, op.allowed, text, document.meta))
    return out


def all_mutants(documents: list[CorpusDocument] | None = None) -> list[Mutant]:
    return [m for d in (documents or clean_charters()) for m in mutants(d)]


def _tidy(text: str) -> str:
    text = re.sub(r"[ \t]+([.,;:])", r"\1", text)
    text = re.sub(r",\s*\.", ".", text)
    return re.sub(r"[ \t]{2,}", " ", text)


# --- command line ----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate the mutants of the clean charters.")
    parser.add_argument("--out", type=Path, help="write every mutant as <id>.txt and <id>.yaml here")
    parser.add_argument("--show", help="print one mutant's text (its id)")
    args = parser.parse_args(argv)
    found = all_mutants()
    if args.show:
        for m in found:
            if m.id == args.show:
                print(m.text)
                return 0
        print(f"no mutant {args.show}", file=sys.stderr)
        return 1
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        for m in found:
            (args.out / f"{m.id}.txt").write_text(m.text, encoding="utf-8")
            info = {"charter": m.charter, "rule": m.rule, "operator": m.operator, "variant": m.variant, "allowed": list(m.allowed)}
            (args.out / f"{m.id}.yaml").write_text(yaml.safe_dump(info, allow_unicode=True), encoding="utf-8")
    per_rule = Counter(m.rule for m in found)
    for rule, count in sorted(per_rule.items()):
        print(f"{rule:40} {count:4}")
    print(f"{'total':40} {len(found):4}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
