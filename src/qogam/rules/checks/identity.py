"""The name and the form-specific bodies (NPO Law Arts. 7 and 12)."""

from __future__ import annotations

from qogam.charter import vocabulary
from qogam.charter.identity import name_states_form, russian_part
from qogam.charter.vocabulary import normalise

from ..engine import Context, Hit, check


@check("name.no-legal-form")
def no_legal_form(ctx: Context, rule) -> list[Hit]:
    name = ctx.charter.name_full_ru
    # Only a name the charter states explicitly is judged; a title without quotes is not a name.
    if not name or ctx.charter.name_paragraph is None or name_states_form(name):
        return []
    return [Hit(paragraph=ctx.charter.name_paragraph, details={"name": name})]


@check("fund.no-trustees")
def no_trustees(ctx: Context, rule) -> list[Hit]:
    paragraphs, _ = russian_part(ctx.document.paragraphs)
    trustees = dict(vocabulary.body_kinds())["trustees"]
    if any(trustees.search(normalise(p.text)) for p in paragraphs):
        return []
    governance = next((s for s in ctx.charter.sections if "governance" in s.topics), None)
    at = governance.paragraph if governance else ctx.title_paragraph
    return [Hit(paragraph=at, section="Органы фонда: попечительский совет")]
