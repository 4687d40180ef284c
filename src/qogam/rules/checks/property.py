"""Income and property never go to members (NPO Law Arts. 2, 28, 33)."""

from __future__ import annotations

from qogam.charter.identity import russian_part
from qogam.charter.text import sentences
from qogam.charter.vocabulary import normalise

from ..engine import Context, Hit, check


def _sentence_hits(ctx: Context, rule, indexes: list[int] | None = None) -> list[Hit]:
    match, negation, context = rule.compiled("match"), rule.compiled("negation"), rule.compiled("context")
    paragraphs, _ = russian_part(ctx.document.paragraphs)
    wanted = set(indexes) if indexes is not None else None
    hits = []
    for p in paragraphs:
        if wanted is not None and p.index not in wanted:
            continue
        for sentence in sentences(p.text):
            text = normalise(sentence)
            if not match.search(text) or (negation and negation.search(text)):
                continue
            if context and not context.search(text):
                continue
            hits.append(Hit(paragraph=p.index, details={"quote": " ".join(sentence.split())[:160]}))
            break
    return hits


@check("property.profit-distribution")
def profit_distribution(ctx: Context, rule) -> list[Hit]:
    return _sentence_hits(ctx, rule)


@check("property.liquidation-to-members")
def liquidation_to_members(ctx: Context, rule) -> list[Hit]:
    charter = ctx.charter
    return _sentence_hits(ctx, rule, sorted(set(charter.liquidation + charter.liquidation_property)))
