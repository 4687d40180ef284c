"""Finders shared by the mutation operators: goal lists, fate of property, mentions, members."""

from __future__ import annotations

import re

from charter_text import (
    ITEM,
    CharterText,
    remove_list_elements,
    split_number,
)
from mutation_registry import WITH_MEMBERS

LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"


# --- shared finders --------------------------------------------------------------------------

GOALS_TITLE = r"цел[иья]|предмет"
MEMBERSHIP_TITLE = r"член"
GOVERNANCE_TITLE = r"\bорган(ы|ов)?\b|управлени|совет|правлени|директор|дирекци|ревиз|попечит|собрани|съезд|конференц|аудит|должностн"
PROPERTY_TITLE = r"имуществ|средств"
AMENDMENT_TITLE = r"изменени|дополнени"
LIQUIDATION_TITLE = r"ликвидац|прекращени|реорганизац"

AMENDMENT_MENTION = re.compile(
    r"(?i)(изменени\w*|дополнени\w*)[^.;:]{0,40}\bустав|"
    r"(утверждение|принятие) устава|устав\w* в новой редакции"
)
LIQUIDATION_MENTION = re.compile(r"(?i)ликвидац|реорганизац")
FATE = re.compile(r"(?i)имуществ")
FATE_REMAINING = re.compile(r"(?i)оставш|остающ|после (удовлетворения|расчет)")
FATE_DISTRIBUTION = re.compile(r"(?i)(распредел|перераспредел)\w*[^.]*(член|учредител|акционер|должностн)")


def goals_intro(doc: CharterText) -> int | None:
    """The line introducing the list of goals («Целями Объединения являются:»)."""
    for i in doc.indexes:
        _, body = split_number(doc.lines[i])
        if body.endswith(":") and re.search(r"(?i)\bцел(ью|ями|и|ей|ях)\b", body) and doc.list_after(i):
            return i
    return None


def _next_number(number: str) -> str:
    """The number after «3) », «в) », «2.2.7. »; "" for unnumbered items."""
    token = number.strip()
    if token in ("–", "-", "•"):
        return f"{token} "
    if m := re.fullmatch(r"(\d+)\)", token):
        return f"{int(m.group(1)) + 1}) "
    if m := re.fullmatch(r"([а-я])\)", token):
        return f"{LETTERS[LETTERS.index(m.group(1)) + 1]}) " if m.group(1) in LETTERS else ""
    if m := re.fullmatch(r"((?:\d+\.)*)(\d+)\.", token):
        return f"{m.group(1)}{int(m.group(2)) + 1}. "
    return ""


def insert_goals(doc: CharterText, goals: list[str]) -> bool:
    """Append goals to the charter's list of goals, numbered like the list."""
    intro = goals_intro(doc)
    if intro is None:
        return False
    items = doc.list_after(intro)
    last = items[-1]
    number, body = split_number(doc.lines[last])
    doc.lines[last] = number + body.rstrip(".;") + ";"
    new_lines = []
    for k, goal in enumerate(goals):
        number = _next_number(number)
        new_lines.append(f"{number}{goal}{'.' if k == len(goals) - 1 else ';'}")
    doc.lines[last + 1: last + 1] = new_lines
    return True


def liquidation_lines(doc: CharterText) -> list[int]:
    """Lines of the reorganisation/liquidation chapter, and any line that talks of liquidation."""
    inside = {i for s in doc.find_sections(LIQUIDATION_TITLE) for i in range(s.start, s.end)}
    mentions = {i for i in doc.indexes if re.search(r"(?i)ликвидац", doc.lines[i])}
    return sorted(inside | mentions)


def is_fate_sentence(sentence: str) -> bool:
    return bool(FATE.search(sentence) and (FATE_REMAINING.search(sentence) or FATE_DISTRIBUTION.search(sentence)))


def replace_fate(doc: CharterText, new_sentence: str | None) -> bool:
    """Replace the first fate-of-property sentence (and drop the others)."""
    done = False

    def keep(sentence: str):
        nonlocal done
        if not is_fate_sentence(sentence):
            return True
        if new_sentence and not done:
            done = True
            return new_sentence
        done = True
        return False

    for i in liquidation_lines(doc):
        doc.edit_sentences(i, keep)
    return done


def drop_mentions(doc: CharterText, pattern: re.Pattern, skip: set[int] = frozenset()) -> bool:
    """Delete list items, «;» elements and sentences that match, outside ``skip``."""
    changed = False
    for i in doc.indexes:
        if i in skip or not pattern.search(doc.lines[i]):
            continue
        if ITEM.match(doc.lines[i]) or doc.lines[i][:1].islower():
            doc.lines[i] = ""
            changed = True
            continue

        def keep(sentence: str):
            if not pattern.search(sentence):
                return True
            reduced = remove_list_elements(sentence, pattern)
            return reduced if reduced and reduced != sentence and not pattern.search(reduced) else False

        doc.edit_sentences(i, keep)
        changed = True
    return changed


def members_word(doc: CharterText, meta: dict, case: str) -> str:
    """Whom the profit would go to: members, shareholders or founders (instrumental/dative)."""
    text = "\n".join(doc.lines)
    if meta["legal_form"] in WITH_MEMBERS:
        return {"ins": "членами", "dat": "членам"}[case]
    if "акционер" in text:
        return {"ins": "акционерами", "dat": "акционерам"}[case]
    if meta["legal_form"] == "private_fund" or re.search(r"единственн\w+ учредител|Учредителем .* является", text):
        return {"ins": "Учредителем и работниками", "dat": "Учредителю"}[case]
    return {"ins": "учредителями", "dat": "учредителям"}[case]


