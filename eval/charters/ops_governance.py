"""Operators for governance.*, goals.* and property.*."""

from __future__ import annotations

import re

from charter_text import (
    ITEM,
    CharterText,
    remove_list_elements,
    sentences,
    split_number,
)
from mutation_finders import (
    AMENDMENT_MENTION,
    AMENDMENT_TITLE,
    GOVERNANCE_TITLE,
    LIQUIDATION_TITLE,
    PROPERTY_TITLE,
    goals_intro,
    insert_goals,
    liquidation_lines,
    members_word,
    replace_fate,
)
from mutation_registry import operator, texts

# --- governance.* ---------------------------------------------------------------------------------

NUMERAL = r"(?:один|одна|одного|два|две|двух|три|трех|четыре|четырех|пять|пяти|шесть|шести|семь|семи|\d+)"
TERM = re.compile(
    rf"(?i),?\s*(?:сроком на|сроком до|на срок до|на срок|на период в|на)\s+{NUMERAL}\s*(?:\([а-я]+\)\s*)?(?:год|года|лет)\b"
    rf"|,?\s*срок полномочий [^.;,]{{0,40}}?[–-]\s*{NUMERAL}\s*(?:\([а-я]+\)\s*)?(?:год|года|лет)\b"
    r"|,?\s*на (?:двух|трех|четырех|пяти)летний срок"
    r"|,?\s*на срок полномочий (?:[А-ЯЁ][а-яё]+)(?: [а-яё]+)?"
)
TERM_SENTENCE = re.compile(r"(?i)^(срок полномочий|полномочия)\b[^.]*\b(год|года|лет)\b")
EXECUTIVE = re.compile(
    r"(?i)исполнительн\w+ орган|^(Исполнительн\w+ )?[Дд]иректор|^Председател\w+ Правлени|^Ректор"
)


@operator("governance.term-missing", ("all_bodies", "executive_only"))
def _term_missing(doc: CharterText, meta: dict, variant: str) -> bool:
    """Remove terms of office: of every body, or only in the clauses about the executive body."""
    found = False

    def keep(sentence: str):
        nonlocal found
        if TERM_SENTENCE.search(sentence):
            found = True
            return False
        if TERM.search(sentence):
            found = True
            return TERM.sub("", sentence)
        return True

    for i in doc.indexes:
        _, body = split_number(doc.lines[i])
        if variant == "executive_only" and not any(EXECUTIVE.search(s) for s in sentences(body)):
            continue
        doc.edit_sentences(i, keep)
    return found


AMENDMENT_SENTENCE = re.compile(
    r"(?i)(изменени\w* и дополнени\w*|изменени\w*)[^.]*(вносятся|вносит|принимаются|принимает|утверждаются)"
    r"|решение о внесении изменений|устав\w* (?:\S+ ){0,3}изменя\w+"
)
NON_SUPREME_BODIES = (
    (r"Центральн\w+ совет", "Центрального совета"),
    (r"\bПравлени[еяю]", "Правления"),
    (r"\bСовет(а|ом|у)? Ассоциации", "Совета Ассоциации"),
    (r"\bСовет(а|ом|у)?\b(?! учредителей| директоров)", "Совета"),
    (r"Исполнительн\w+ директор", "Исполнительного директора"),
)


def non_supreme_body(doc: CharterText) -> str | None:
    text = "\n".join(doc.lines[doc.start:])
    for pattern, genitive in NON_SUPREME_BODIES:
        if re.search(pattern, text):
            return genitive
    return None


@operator("governance.amendment-body", ("chapter_body", "chapter_and_competence"), forms=("public_association", "association_of_legal_entities"))
def _amendment_body(doc: CharterText, meta: dict, variant: str) -> bool:
    body = non_supreme_body(doc)
    sections = doc.find_sections(AMENDMENT_TITLE)
    if not body or not sections:
        return False
    inside = {i for s in sections for i in range(s.start, s.end)}
    done = False

    def keep(sentence: str):
        nonlocal done
        if done or not AMENDMENT_SENTENCE.search(sentence):
            return True
        done = True
        return f"Изменения и дополнения в настоящий Устав вносятся по решению {body}."

    for i in sorted(inside):
        doc.edit_sentences(i, keep)
    if done and variant == "chapter_and_competence":
        governance = {i for s in doc.find_sections(GOVERNANCE_TITLE, exclude=r"имуществ|филиал|член") for i in range(s.start, s.end)}
        for i in sorted(governance - inside):
            line = doc.lines[i]
            if AMENDMENT_MENTION.search(line) and (ITEM.match(line) or line[:1].islower()):
                doc.lines[i] = ""
            elif AMENDMENT_MENTION.search(line):
                doc.edit_sentences(i, lambda s: remove_list_elements(s, AMENDMENT_MENTION) if ":" in s and AMENDMENT_MENTION.search(s) else True)
    return done


# --- goals.* ---------------------------------------------------------------------------------------


def _goal_count(doc: CharterText) -> int:
    intro = goals_intro(doc)
    return len(doc.list_after(intro)) if intro is not None else 0


@operator("goals.too-many", ("18_goals", "25_goals"), allowed=("goals.universal",))
def _too_many(doc: CharterText, meta: dict, variant: str) -> bool:
    target = int(variant.split("_")[0])
    missing = target - _goal_count(doc)
    pool = [g["text"] for g in texts()["goal_pool"]]
    return missing > 0 and insert_goals(doc, pool[:missing])


@operator("goals.vague", tuple(texts()["vague_goals"]))
def _vague(doc: CharterText, meta: dict, variant: str) -> bool:
    return insert_goals(doc, [texts()["vague_goals"][variant]])


@operator("goals.universal", tuple(texts()["universal_sets"]))
def _universal(doc: CharterText, meta: dict, variant: str) -> bool:
    pool = texts()["goal_pool"]
    return insert_goals(doc, [pool[k]["text"] for k in texts()["universal_sets"][variant]])


@operator("goals.commercial", tuple(texts()["commercial_goals"]))
def _commercial(doc: CharterText, meta: dict, variant: str) -> bool:
    return insert_goals(doc, [texts()["commercial_goals"][variant]])


# --- property.* ------------------------------------------------------------------------------------

NO_DISTRIBUTION = re.compile(
    r"(?i)\bне (распределя\w+|подлеж\w+ распределени\w+|перераспределя\w+|передается)[^.]*(между|среди|член|учредител|акционер)"
    r"|(между|среди) (член|учредител|акционер)\w*( [А-ЯЁ]\w+)? не (распределя|перераспределя)\w*"
)


# Distributing profit among members makes profit a purpose: goals.commercial may fire with it.
@operator("property.profit-distribution", ("add_clause", "replace_clause", "dividends"), allowed=("goals.commercial",))
def _profit_distribution(doc: CharterText, meta: dict, variant: str) -> bool:
    who = members_word(doc, meta, "ins")
    if variant == "dividends":
        if "акционер" not in "\n".join(doc.lines):
            return False
        sentence = "По итогам года часть чистого дохода Общества по решению общего собрания акционеров выплачивается акционерам в виде дивидендов."
    else:
        sentence = f"Чистый доход, полученный от предпринимательской деятельности, по итогам года распределяется между {who} пропорционально их взносам."
    liquidation = set(liquidation_lines(doc))
    if variant == "replace_clause":
        done = False

        def keep(s: str):
            nonlocal done
            if done or not NO_DISTRIBUTION.search(s) or re.search(r"(?i)ликвидац|оставш", s):
                return True
            done = True
            return sentence

        for i in doc.indexes:
            if i not in liquidation:
                doc.edit_sentences(i, keep)
        return done
    sections = doc.find_sections(PROPERTY_TITLE, exclude=LIQUIDATION_TITLE)
    if not sections:
        return False
    last = sections[0].end - 1
    if doc.lines[last].endswith(":") or ITEM.match(doc.lines[last]):
        return False
    doc.lines[last] += " " + sentence
    return True


@operator("property.liquidation-to-members", ("distribute_members", "return_founders"))
def _liquidation_to_members(doc: CharterText, meta: dict, variant: str) -> bool:
    if variant == "distribute_members":
        sentence = f"Имущество, оставшееся после удовлетворения требований кредиторов, распределяется между {members_word(doc, meta, 'ins')} пропорционально их взносам."
    else:
        sentence = f"Имущество, оставшееся после расчетов с кредиторами, передается в собственность {members_word(doc, meta, 'dat')} в равных долях."
        sentence = sentence.replace("в собственность членам", "членам").replace("в собственность учредителям", "учредителям")
        sentence = sentence.replace("в собственность Учредителю", "Учредителю").replace("в собственность акционерам", "акционерам")
    return replace_fate(doc, sentence)


