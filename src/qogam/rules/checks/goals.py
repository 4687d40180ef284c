"""Goals: how many, how vague, how universal, and whether they cover a tender's sphere."""

from __future__ import annotations

from ..engine import Context, Hit, check


@check("goals.too-many")
def too_many(ctx: Context, rule) -> list[Hit]:
    goals = ctx.charter.goals
    limit = rule.thresholds.get("max_goals", 15)
    if len(goals) <= limit:
        return []
    return [Hit(paragraph=goals[0].paragraph, details={"count": len(goals)})]


@check("goals.vague")
def vague(ctx: Context, rule) -> list[Hit]:
    from qogam.activities import find_catch_all

    hits, seen = [], set()
    for clause in ctx.charter.goals + ctx.charter.activities:
        if clause.paragraph in seen:
            continue
        found = find_catch_all(clause.text)
        if found:
            seen.add(clause.paragraph)
            hits.append(Hit(paragraph=clause.paragraph, details={"quote": _quote(clause.text)}))
    return hits


@check("goals.commercial")
def commercial(ctx: Context, rule) -> list[Hit]:
    from qogam.activities import find_commercial_goal

    hits = []
    for clause in ctx.charter.goals:
        if find_commercial_goal(clause.text):
            hits.append(Hit(paragraph=clause.paragraph, details={"quote": _quote(clause.text)}))
    return hits


@check("goals.universal")
def universal(ctx: Context, rule) -> list[Hit]:
    from qogam.activities import group_name, universal_areas

    areas = universal_areas(ctx.charter.profile)
    if len(areas) < rule.thresholds.get("min_areas", 5) or not ctx.charter.goals:
        return []
    names = ", ".join(" / ".join(group_name(code, ctx.lang) for code in area) for area in areas)
    return [Hit(paragraph=ctx.charter.goals[0].paragraph, details={"count": len(areas), "groups": names})]


@check("goals.outside-sphere")
def outside_sphere(ctx: Context, rule) -> list[Hit]:
    if not ctx.sphere:
        return []
    from qogam.activities import goals_in_sphere, sphere_name

    texts = [c.text for c in ctx.charter.goals + ctx.charter.activities]
    if goals_in_sphere(texts, ctx.sphere):
        return []
    at = ctx.charter.goals[0].paragraph if ctx.charter.goals else ctx.title_paragraph
    return [Hit(paragraph=at, details={"sphere": ctx.sphere, "sphere_name": sphere_name(ctx.sphere, ctx.lang)})]


def _quote(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
