"""Document -> Charter: the one entry point of the charter layer."""

from __future__ import annotations

from qogam.documents import Document

from . import content, identity, territory
from .model import Charter
from .sections import find_sections

# Topics whose presence makes a text look like a charter.
_CHARTER_TOPICS = ("goals", "membership", "governance", "property", "amendment", "liquidation", "seat")


def parse_charter(document: Document) -> Charter:
    paragraphs, language = identity.russian_part(document.paragraphs)
    charter = Charter(language=language)
    if paragraphs:
        charter.russian_part = (paragraphs[0].index, paragraphs[-1].index + 1)
    charter.sections = find_sections(paragraphs)

    topics = {t: content.topic_paragraphs(paragraphs, charter.sections, t) for t in _CHARTER_TOPICS}
    topics["liquidation_property"] = content.topic_paragraphs(paragraphs, charter.sections, "liquidation_property")
    charter.is_charter = identity.is_charter(paragraphs, sum(1 for t in _CHARTER_TOPICS if topics[t]))
    charter.foreign_country = identity.foreign_country(paragraphs)

    form, in_scope, form_text, form_paragraph = identity.legal_form(paragraphs)
    if form is None and identity.is_commercial(paragraphs):
        form = "other"
    charter.legal_form, charter.in_scope = form, in_scope
    charter.legal_form_text, charter.legal_form_paragraph = form_text, form_paragraph
    identity.names(charter, document.paragraphs)

    charter.membership = topics["membership"]
    charter.property_sources = topics["property"]
    charter.amendment = topics["amendment"]
    charter.liquidation = topics["liquidation"]
    charter.liquidation_property = topics["liquidation_property"]
    charter.seat = territory.seat(paragraphs)
    charter.status, charter.status_paragraph = territory.declared_status(paragraphs)
    content.goals_and_activities(charter, paragraphs, charter.sections)
    content.bodies(charter, paragraphs, topics["governance"])
    goal_indexes = sorted({c.paragraph for c in charter.goals + charter.activities})
    territory.territory(charter, paragraphs, goal_indexes)
    charter.registering_authority = territory.registering_authority(document, paragraphs)
    from qogam.activities import charter_profile

    charter.profile = charter_profile([g.text for g in charter.goals])
    return charter
