"""Governing bodies: terms of office and who amends the charter (ОО Law Art. 12)."""

from __future__ import annotations

from ..engine import Context, Hit, check


@check("governance.term-missing")
def term_missing(ctx: Context, rule) -> list[Hit]:
    kinds = set(rule.thresholds.get("body_kinds", ["executive", "control", "trustees"]))
    hits = []
    for body in ctx.charter.bodies:
        if body.kind in kinds and body.term_text is None and not _sole_founder(body.name):
            name = body.name.strip()
            hits.append(Hit(paragraph=body.paragraph, details={"body": name, "body_cap": name[:1].upper() + name[1:]}))
    return hits


def _sole_founder(name: str) -> bool:
    return "учредител" in name.lower()


@check("governance.amendment-body")
def amendment_body(ctx: Context, rule) -> list[Hit]:
    from qogam.charter.content import amendment_bodies
    from qogam.charter.identity import russian_part

    paragraphs, _ = russian_part(ctx.document.paragraphs)
    deciders = amendment_bodies(paragraphs, [])
    if not deciders:
        return []
    hits = []
    for index, kind, name in deciders:
        if kind in ("executive", "control"):
            hits.append(Hit(paragraph=index, details={"body": _body_label(name)}))
    return hits


def _body_label(text: str) -> str:
    import re

    for word in ("правлени", "совет", "председател", "президент", "директор", "ревизионн", "исполнительн"):
        m = re.search(rf"\b{word}\w*(\s+\w+)?", text)
        if m:
            return m.group(0)
    return text[:60]
