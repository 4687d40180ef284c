"""Territorial status against the geography of the charter (ОО Law Art. 7, 12 п.3, 13)."""

from __future__ import annotations

from ..engine import Context, Hit, check

_STATUS_RU = {"republican": "республиканское", "regional": "региональное", "local": "местное"}
# First-level KATO units that are cities of republican significance (Astana, Almaty, Shymkent).
_CITIES = {"710000000", "750000000", "790000000"}


def _names(codes: list[str]) -> str:
    from qogam import geo

    return ", ".join(geo.unit_name(c, "ru") for c in codes)


def _counted(codes: list[str], rule) -> list[str]:
    """The units that count towards "half of the oblasts" under the catalogue's setting."""
    if rule.thresholds.get("count_cities_as_regions"):
        return codes
    return [c for c in codes if c not in _CITIES]


def _half(rule) -> float:
    total = rule.thresholds.get("oblast_count", 17)
    if rule.thresholds.get("count_cities_as_regions"):
        total += rule.thresholds.get("city_count", 3)
    return total / 2


@check("territory.status-missing")
def status_missing(ctx: Context, rule) -> list[Hit]:
    if ctx.charter.status:
        return []
    return [Hit(paragraph=ctx.title_paragraph, section="Общие положения: статус объединения")]


@check("territory.scope-missing")
def scope_missing(ctx: Context, rule) -> list[Hit]:
    t = ctx.charter.territory
    if t.scope_paragraphs or t.whole_country:
        return []
    return [Hit(paragraph=ctx.title_paragraph, section="Общие положения: территория деятельности")]


@check("territory.status-conflict")
def status_conflict(ctx: Context, rule) -> list[Hit]:
    charter = ctx.charter
    status, t = charter.status, charter.territory
    if status is None:
        return []
    where = charter.status_paragraph
    reason = None
    if status == "local":
        if t.whole_country:
            reason = "территория деятельности — вся Республика Казахстан"
        elif len(t.regions) > 1:
            reason = f"устав называет деятельность в {len(t.regions)} регионах ({_names(t.regions)}), а местное объединение действует в пределах одной области"
    elif status == "regional":
        branches = _counted(t.branch_regions, rule)
        if t.whole_country:
            reason = "территория деятельности — вся Республика Казахстан, что соответствует республиканскому статусу"
        elif len(branches) > _half(rule):
            reason = f"филиалы в {len(branches)} областях — это более половины областей"
    elif status == "republican":
        if not t.whole_country and len(t.regions) == 1 and (t.scope_paragraphs or t.branch_regions):
            reason = f"территория деятельности ограничена одним регионом ({_names(t.regions)})"
    if reason is None:
        return []
    evidence = [e for e in t.evidence if e["source"] in ("territory", "branch", "goals")]
    at = where if where is not None else (evidence[0]["paragraph"] if evidence else ctx.title_paragraph)
    return [Hit(paragraph=at, details={"status": _STATUS_RU[status], "reason": reason, "regions": t.regions})]


@check("territory.authority-conflict")
def authority_conflict(ctx: Context, rule) -> list[Hit]:
    charter = ctx.charter
    authority = charter.registering_authority
    if authority is None or charter.status is None:
        return []
    text = authority.text.lower()
    ministry = "министерств" in text or "министрлі" in text
    department = any(w in text for w in ("департамент", "управлени", "департаменті", "басқарма"))
    reason = None
    if charter.status in ("republican", "regional") and department and not ministry:
        reason = "республиканские и региональные объединения регистрирует Министерство юстиции, а не его территориальный орган"
    elif charter.status == "local" and ministry and not department:
        reason = "местные объединения регистрируют территориальные органы юстиции"
    elif charter.territory.whole_country and department and not ministry:
        reason = "территория — вся Республика, а зарегистрировал территориальный орган юстиции"
    elif charter.status == "local" and department and charter.territory.regions:
        from qogam import geo

        where = geo.analyse(authority.text).regions
        if where and not set(where) & set(charter.territory.regions):
            reason = (
                f"орган юстиции региона «{_names(where)}» зарегистрировал местное объединение, "
                f"действующее в регионе «{_names(charter.territory.regions)}»"
            )
    if reason is None:
        return []
    return [
        Hit(
            paragraph=authority.paragraph,
            details={"authority": authority.text[:120], "status": _STATUS_RU[charter.status], "reason": reason},
        )
    ]


@check("territory.outside-scope")
def outside_scope(ctx: Context, rule) -> list[Hit]:
    if not ctx.region:
        return []
    from qogam import geo

    region = geo.region_of(ctx.region)
    t = ctx.charter.territory
    explicit = bool(t.scope_paragraphs or t.branch_regions)
    if t.whole_country or ctx.charter.status == "republican" and not t.regions:
        return []
    if not explicit or not t.regions or region in t.regions:
        return []
    at = t.scope_paragraphs[0] if t.scope_paragraphs else ctx.title_paragraph
    return [
        Hit(
            paragraph=at,
            details={"regions": _names(t.regions), "region": geo.unit_name(region, "ru"), "region_code": region},
        )
    ]
