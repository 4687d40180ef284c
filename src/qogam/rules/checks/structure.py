"""Mandatory contents of a charter (ОО Law Art. 12, NPO Law Art. 22, Civil Code Art. 41)."""

from __future__ import annotations

from ..engine import Context, Hit, check


def _missing(ctx: Context, present: bool, section: str) -> list[Hit]:
    if present:
        return []
    return [Hit(paragraph=ctx.title_paragraph, section=section)]


@check("structure.missing-goals")
def missing_goals(ctx: Context, rule) -> list[Hit]:
    return _missing(ctx, bool(ctx.charter.goals), "Предмет и цели деятельности")


@check("structure.missing-seat")
def missing_seat(ctx: Context, rule) -> list[Hit]:
    return _missing(ctx, ctx.charter.seat is not None, "Общие положения: местонахождение")


@check("structure.missing-membership")
def missing_membership(ctx: Context, rule) -> list[Hit]:
    return _missing(ctx, bool(ctx.charter.membership), "Членство")


@check("structure.missing-governance")
def missing_governance(ctx: Context, rule) -> list[Hit]:
    return _missing(ctx, bool(ctx.charter.bodies), "Органы управления")


@check("structure.missing-property-sources")
def missing_property_sources(ctx: Context, rule) -> list[Hit]:
    return _missing(ctx, bool(ctx.charter.property_sources), "Имущество и источники его формирования")


@check("structure.missing-amendment")
def missing_amendment(ctx: Context, rule) -> list[Hit]:
    return _missing(ctx, bool(ctx.charter.amendment), "Порядок внесения изменений и дополнений в устав")


@check("structure.missing-liquidation")
def missing_liquidation(ctx: Context, rule) -> list[Hit]:
    return _missing(ctx, bool(ctx.charter.liquidation), "Реорганизация и ликвидация")


@check("structure.missing-liquidation-property")
def missing_liquidation_property(ctx: Context, rule) -> list[Hit]:
    if not ctx.charter.liquidation:
        # The whole chapter is missing: one finding (missing-liquidation) says so. The fate of
        # property is still a separate mandatory item, reported at the same place.
        return _missing(ctx, bool(ctx.charter.liquidation_property), "Реорганизация и ликвидация: судьба имущества")
    section = next((s for s in ctx.charter.sections if "liquidation" in s.topics), None)
    if ctx.charter.liquidation_property:
        return []
    return [Hit(paragraph=section.paragraph if section else ctx.title_paragraph, section="Судьба имущества при ликвидации")]
