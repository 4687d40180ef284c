"""Operators for fund.no-trustees and name.no-legal-form."""

from __future__ import annotations

import re

from charter_corpus import FUNDS
from charter_text import (
    ITEM,
    CharterText,
    sentences,
    split_number,
)
from mutation_registry import operator

# --- fund.*, name.* --------------------------------------------------------------------------------

SUPREME_FORMS = {  # nominative: (nominative, genitive, instrumental, dative)
    "Общее собрание учредителей": ("Общее собрание учредителей", "Общего собрания учредителей", "Общим собранием учредителей", "Общему собранию учредителей"),
    "Совет учредителей": ("Совет учредителей", "Совета учредителей", "Советом учредителей", "Совету учредителей"),
    "Учредитель": ("Учредитель", "Учредителя", "Учредителем", "Учредителю"),
}


def supreme_body_forms(doc: CharterText) -> tuple[str, str, str, str]:
    for line in doc.lines[doc.start:]:
        m = re.search(r"Высшим органом \w+ является ([А-ЯЁ][^.,;–]*)", line)
        if m:
            name = m.group(1).strip()
            for nominative, forms in SUPREME_FORMS.items():
                if name.startswith(nominative):
                    return forms
    return ("высший орган", "высшего органа", "высшим органом", "высшему органу")


BOARD_SUBJECT = re.compile(r"(?i)^(попечительск|большинство членов попечит|председател\w* попечит|члены попечит|заседани\w* попечит)")


@operator("fund.no-trustees", ("remove_board",), forms=FUNDS, allowed=("governance.term-missing",))
def _no_trustees(doc: CharterText, meta: dict, variant: str) -> bool:
    """Delete the board of trustees; its powers pass to the supreme body."""
    sections = doc.find_sections(r"попечит")
    doc.delete_sections(sections)
    nominative, genitive, instrumental, dative = supreme_body_forms(doc)
    found = bool(sections)

    def keep(sentence: str):
        if BOARD_SUBJECT.search(sentence) or re.search(r"(?i)состав\w* попечительск", sentence):
            return False
        sentence = re.sub(r",?\s*(член\w*|председател\w*) Попечительского совета", "", sentence)
        for board, supreme in (
            ("Попечительским советом", instrumental),
            ("Попечительского совета", genitive),
            ("Попечительскому совету", dative),
            ("Попечительский совет", nominative),
        ):
            sentence = sentence.replace(f"{board} и {supreme}", supreme).replace(board, supreme)
        return sentence

    for i in doc.indexes:
        line = doc.lines[i]
        if not re.search(r"(?i)попечительск", line):
            continue
        found = True
        _, body = split_number(line)
        first = sentences(body)[:1]
        if ITEM.match(line) or line[:1].islower() or (first and BOARD_SUBJECT.search(first[0])):
            doc.lines[i] = ""
            continue
        doc.edit_sentences(i, keep)
    return found


FORMS_RU = (
    r"(?:(?:Региональн|Республиканск|Местн)\w*\s+)?Общественн\w+\s+объединени\w+|Общественн\w+\s+фонд\w*"
    r"|Корпоративн\w+\s+фонд\w*|Частн\w+\s+фонд\w*|Частн\w+\s+учреждени\w+"
    r"|Объединени\w+\s+юридических\s+лиц(?:\s+в\s+форме\s+ассоциации(?:\s+\(союза\))?)?"
    r"|Некоммерческ\w+\s+акционерн\w+\s+обществ\w+|Потребительск\w+\s+кооператив\w*(?:\s+водопользователей)?"
)
FORMS_KK = (
    r"(?:республикалық\s+|өңірлік\s+|жергілікті\s+)?(?:қоғамдық бірлестігі|қоғамдық қоры|корпоративтік қоры|жеке қоры"
    r"|жеке мекемесі|заңды тұлғалар бірлестігі|коммерциялық емес акционерлік қоғамы|тұтыну кооперативі)(?:нің|ның)?"
)
ABBREVIATIONS_RU = r"(?:ОО|РОО|ОФ|КФ|ЧФ|ЧУ|ОЮЛ|НАО|ПКВ)"
ABBREVIATIONS_KK = r"(?:ҚБ|РҚБ|ӨҚБ|ҚҚ|КҚ|ЖҚ|ЖМ|ЗТБ|КеАҚ|СПТК)"


def own_name(doc: CharterText) -> str | None:
    """The start of the organisation's quoted name: the first form + «…» from the title «УСТАВ» on.

    (The approval note above the title may name another organisation, e.g. the founder.)
    """
    title = next((i for i in doc.indexes if re.match(r"(?i)^устав\b", doc.lines[i])), doc.start)
    text = "\n".join(doc.lines[title:])
    m = re.search(rf"(?i)(?:{FORMS_RU})\s*\n?\s*«([^»\n]{{4,}})", text)
    return m.group(1)[:12] if m else None


@operator("name.no-legal-form", ("strip_form",))
def _no_legal_form(doc: CharterText, meta: dict, variant: str) -> bool:
    name = own_name(doc)
    if not name or re.match(r"(?i)(фонд|ассоциаци|союз)", name):
        return False  # the quoted name itself names a form: removing the form word is not a clean defect
    quoted = re.escape("«" + name)
    changed = False
    for i in doc.all_indexes:
        line = doc.lines[i]
        new = re.sub(rf"(?i)(?:{FORMS_RU})\s+(?={quoted})", "", line)
        new = re.sub(rf"\b{ABBREVIATIONS_RU}\s+(?=«)", "", new)
        new = re.sub(rf"»\s+{FORMS_KK}", "»", new)
        new = re.sub(rf"»\s+{ABBREVIATIONS_KK}\b", "»", new)
        if re.fullmatch(rf"(?i){FORMS_RU}", line) and i + 1 < len(doc.lines) and doc.lines[i + 1].lower().startswith(("«" + name).lower()):
            new = ""
        if new != line:
            doc.lines[i] = new
            changed = True
    return changed


