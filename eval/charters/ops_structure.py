"""Operators for structure.*: a mandatory item of the charter removed."""

from __future__ import annotations

import re

from charter_text import (
    ITEM,
    CharterText,
    sentences,
    split_number,
)
from mutation_finders import (
    AMENDMENT_MENTION,
    AMENDMENT_TITLE,
    GOALS_TITLE,
    GOVERNANCE_TITLE,
    LIQUIDATION_MENTION,
    LIQUIDATION_TITLE,
    MEMBERSHIP_TITLE,
    PROPERTY_TITLE,
    drop_mentions,
    replace_fate,
)
from mutation_registry import WITH_MEMBERS, operator

# --- structure.* ------------------------------------------------------------------------------


@operator("structure.missing-goals", ("delete_chapter",))
def _missing_goals(doc: CharterText, meta: dict, variant: str) -> bool:
    sections = doc.find_sections(GOALS_TITLE)
    doc.delete_sections(sections)
    return bool(sections)


SEAT_START = re.compile(r"^(Местонахождени|Место нахождения|Местом нахождения|Юридический адрес)")
ADDRESS = re.compile(r"\b\d{6}\b|улиц|ул\.|проспект|микрорайон|\bдом\b|офис|строение|город|\bг\.")
STREET_ADDRESS = re.compile(r"\b\d{6}\b|улиц|ул\.|проспект|микрорайон|\bдом\s+\d|офис|строение")


def is_seat_sentence(sentence: str) -> bool:
    if SEAT_START.match(sentence) and ADDRESS.search(sentence):
        return True
    if re.search(r"(?i)по (указанному )?адресу", sentence):
        return True
    return bool(re.search(r"(?i)постоянно действующ", sentence) and STREET_ADDRESS.search(sentence))


@operator("structure.missing-seat", ("delete_clause", "defer_to_body"))
def _missing_seat(doc: CharterText, meta: dict, variant: str) -> bool:
    replacement = (
        "Местонахождение постоянно действующего органа определяется решением высшего органа "
        "и сообщается в регистрирующий орган."
    )
    done = False

    def keep(sentence: str):
        nonlocal done
        if not is_seat_sentence(sentence):
            return True
        first = not done
        done = True
        return replacement if variant == "defer_to_body" and first else False

    for i in doc.indexes:
        if not ITEM.match(doc.lines[i]):
            doc.edit_sentences(i, keep)
    return done


@operator("structure.missing-membership", ("delete_chapter",), forms=WITH_MEMBERS)
def _missing_membership(doc: CharterText, meta: dict, variant: str) -> bool:
    sections = doc.find_sections(MEMBERSHIP_TITLE, exclude=r"собрани|совет|правлени|\bорган")
    doc.delete_sections(sections)
    return bool(sections)


@operator(
    "structure.missing-governance",
    ("delete_chapters",),
    allowed=("governance.term-missing", "fund.no-trustees", "governance.amendment-body"),
)
def _missing_governance(doc: CharterText, meta: dict, variant: str) -> bool:
    sections = doc.find_sections(GOVERNANCE_TITLE, exclude=r"имуществ|филиал|член")
    doc.delete_sections(sections)
    return bool(sections)


SOURCES = re.compile(r"(?i)^источник\w* формирования|формиру\w+ (за счет|из)\b|образу\w+ (за счет|из)\b")
PROPERTY_WORD = re.compile(r"(?i)имуществ|средств|денеж|фонд")


def is_sources_sentence(sentence: str) -> bool:
    return bool(SOURCES.search(sentence) and PROPERTY_WORD.search(sentence))


@operator("structure.missing-property-sources", ("delete_list", "delete_chapter"))
def _missing_property_sources(doc: CharterText, meta: dict, variant: str) -> bool:
    if variant == "delete_chapter":
        sections = doc.find_sections(PROPERTY_TITLE, exclude=LIQUIDATION_TITLE)
        doc.delete_sections(sections)
        return bool(sections)
    doomed: list[int] = []
    for i in doc.indexes:
        _, body = split_number(doc.lines[i])
        if ITEM.match(doc.lines[i]) or doc.heading_level(doc.lines[i]) or not any(map(is_sources_sentence, sentences(body))):
            continue
        if doc.lines[i].endswith(":"):
            doomed += [i, *doc.list_after(i)]
        else:
            doc.edit_sentences(i, lambda s: not is_sources_sentence(s))
            doomed.append(-1)
    doc.delete_lines(i for i in doomed if i >= 0)
    return bool(doomed)


@operator("structure.missing-amendment", ("chapter_and_mentions",))
def _missing_amendment(doc: CharterText, meta: dict, variant: str) -> bool:
    sections = doc.find_sections(AMENDMENT_TITLE)
    if not sections:
        return False
    inside = {i for s in sections for i in range(s.start, s.end)}
    drop_mentions(doc, AMENDMENT_MENTION, skip=inside)
    doc.delete_sections(sections)
    return True


@operator(
    "structure.missing-liquidation",
    ("chapter_and_mentions",),
    allowed=("structure.missing-liquidation-property",),
)
def _missing_liquidation(doc: CharterText, meta: dict, variant: str) -> bool:
    sections = doc.find_sections(LIQUIDATION_TITLE)
    if not sections:
        return False
    inside = {i for s in sections for i in range(s.start, s.end)}
    drop_mentions(doc, LIQUIDATION_MENTION, skip=inside)
    doc.delete_sections(sections)
    return True


@operator("structure.missing-liquidation-property", ("delete_fate",))
def _missing_liquidation_property(doc: CharterText, meta: dict, variant: str) -> bool:
    return replace_fate(doc, None)


