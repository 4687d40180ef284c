"""Where the charter states each mandatory item: goals, membership, bodies, property …"""

from __future__ import annotations

import re

from qogam.documents import Paragraph

from . import vocabulary
from .items import dedupe, list_after
from .model import Body, Charter, Clause, Section
from .sections import is_heading
from .text import norm, sentences

_NUMBER_WORD = r"(\d+|один|одного|два|двух|три|трех|четыре|четырех|пять|пяти|шесть|шести|семь|десять)"
_TERM = re.compile(
    rf"(срок\w*\s+(\S+\s+){{0,4}}(на\s+|в\s+|до\s+|составля\w*\s+|—\s*|-\s*|–\s*)?{_NUMBER_WORD}\b[^.;]{{0,25}}?\s*(год\w*|лет)"
    rf"|\b(на|до)\s+(период\s+(в\s+)?|срок\s+)?{_NUMBER_WORD}\s*(\(\w+\)\s*)?(год\w*|лет)\b"
    rf"|{_NUMBER_WORD}\s*(\(\w+\)\s*)?(год\w*|лет)\w*\s+(\S+\s+){{0,3}}(срок|мерзiм|мерзім)"
    r"|(бессрочн|без\s+ограничения\s+срока|пожизненн)"
    r"|(определени\w*|установлени\w*)\s+(\S+\s+){0,3}срок\w*\s+(их\s+)?полномочи"
    r"|срок\w*\s+(их\s+)?полномочи\w*\s+(\S+\s+){0,4}(определя|устанавлива)"
    r"|(\d+|бiр|бір|екi|екі|үш|төрт|бес)\s*(\(\w+\)\s*)?жыл\w*\s*(мерзiм|мерзім))",
    re.IGNORECASE,
)


def topic_paragraphs(paragraphs: list[Paragraph], sections: list[Section], topic: str) -> list[int]:
    """Indexes of paragraphs that state a topic: its own section, or sentences that say it."""
    settings = vocabulary.raw()["topics"][topic]
    by_index = {p.index: p for p in paragraphs}
    from_sections: list[int] = []
    if not settings.get("content_only"):
        for s in sections:
            if topic in s.topics:
                body = [i for i in range(s.paragraph + 1, s.end) if i in by_index]
                from_sections.extend(body or [s.paragraph])
    pat = vocabulary.pattern("topics", topic, "content")
    exclude = vocabulary.pattern("topics", topic, "content_exclude")
    from_content = [
        p.index
        for p in paragraphs
        if pat is not None and pat.search(norm(p)) and not is_heading(p) and not (exclude and exclude.search(norm(p)))
    ]
    if not from_sections and len(from_content) < settings.get("min_content", 1):
        from_content = []
    return sorted(set(from_sections + from_content))


def goals_and_activities(charter: Charter, paragraphs: list[Paragraph], sections: list[Section]) -> None:
    goal_intro = vocabulary.pattern("topics", "goals", "content")
    activity_intro = vocabulary.pattern("topics", "activities", "content")
    goals: list[Clause] = []
    activities: list[Clause] = []
    for pos, p in enumerate(paragraphs):
        text = norm(p)
        if goal_intro.search(text) and not activities_intro_first(text, activity_intro):
            goals.extend(list_after(paragraphs, pos))
        elif activity_intro.search(text):
            activities.extend(list_after(paragraphs, pos))
    if not goals:
        # A goals chapter whose clauses are the goals themselves, without an introducing phrase.
        by_index = {p.index: pos for pos, p in enumerate(paragraphs)}
        for s in sections:
            if "goals" in s.topics and "activities" not in s.topics:
                for i in range(s.paragraph + 1, s.end):
                    if i in by_index:
                        p = paragraphs[by_index[i]]
                        goals.append(Clause(text=p.text.strip(), paragraph=p.index, number=p.number))
    charter.goals = dedupe(goals)
    charter.activities = dedupe(activities)


def activities_intro_first(text: str, activity_intro: re.Pattern[str]) -> bool:
    """«Для достижения целей … осуществляет …» mentions goals but introduces activities."""
    m = activity_intro.search(text)
    return bool(m) and m.start() < 40


def _body_kind(text: str) -> str | None:
    for kind, pat in vocabulary.body_kinds():
        if pat.search(text):
            return kind
    return None


_BODY_STATEMENT = re.compile(
    r"(высш\w*|исполнительн\w*|коллегиальн\w*|единоличн\w*|контрольн\w*|ревизионн\w*|руководящ\w*|постоянно\s+действующ\w*)"
    r"\s+(\S+\s+){0,2}орган\w*\s+(\S+\s+){0,4}(является|выступает|-|—|–)\s*(?P<name>[^,.;:()]{3,80})",
)
_BRANCH = re.compile(r"филиал|представительств|подразделени")
# «Высшим органом является …» says the kind whatever the body is called.
_STATEMENT_KIND = {
    "высши": "supreme", "высше": "supreme", "высшо": "supreme", "высш": "supreme",
    "контр": "control", "ревиз": "control",
    "испол": "executive", "колле": "executive", "едино": "executive",
}
# The control body is named in many ways («Контроль осуществляет Ревизор, избираемый …»,
# «Ревизионная комиссия в составе трех человек избирается …»); it always needs a term.
_CONTROL_BODY = re.compile(
    r"(?P<name>ревизионн\w*\s+комисси\w*|ревизор\w*)\W+(\S+\s+){0,6}?(избира|назнача|является|формируется)"
)
_ADVISORY = re.compile(r"совещательн|консультативн|экспертн\w*\s+совет|попечител\w*\s+совет\w*\s+(\S+\s+){0,3}не\s+является")
# «Дирекция во главе с Директором – исполнительный орган;» in a list of bodies.
_LISTED_BODY = re.compile(
    r"^(?P<name>[^–—:;,.()-]{3,60}?)\s*[–—-]\s*(?P<kind>высш\w*|исполнительн\w*|контрольн\w*|ревизионн\w*|коллегиальн\w*|единоличн\w*)"
    r"(\s+\S+){0,2}\s+орган"
)
_NAMED_BODY = re.compile(
    r"^(?P<name>(попечительск\w*\s+совет|ревизионн\w*\s+комисси\w*|ревизор|правлени\w|председател\w+(\s+правления)?|"
    r"президент|исполнительн\w*\s+директор|директор|исполнительн\w*\s+дирекци\w*|дирекци\w*|центральн\w*\s+совет|"
    r"совет(\s+\w+)?|общ\w*\s+собрани\w*(\s+членов|\s+участников)?|съезд|конференци\w*))"
    r"(\s+(объединения|общества|федерации|союза|ассоциации|фонда|кооператива|учреждения))?"
    r"\s*(\([^)]*\))?\s*(является|избирается|назначается|состоит|осуществляет|—|-|–|$)"
)


def bodies(charter: Charter, paragraphs: list[Paragraph], governance: list[int]) -> None:
    """Governing bodies with the paragraphs that describe them and their terms of office."""
    by_index = {p.index: p for p in paragraphs}
    found: dict[str, Body] = {}
    order: list[tuple[int, str]] = []
    for i in governance:
        p = by_index.get(i)
        if p is None:
            continue
        text = norm(p)
        names = [
            (m.group("name").strip(), _STATEMENT_KIND.get(m.group(1)[:5]))
            for m in _BODY_STATEMENT.finditer(text)
            if not _BRANCH.search(text[max(0, m.start() - 10) : m.end()])
        ]
        m = _NAMED_BODY.match(_strip_number(text))
        if m:
            names.append((m.group("name"), None))
        m = _LISTED_BODY.match(_strip_number(text))
        if m:
            names.append((m.group("name").strip(), _STATEMENT_KIND.get(m.group("kind")[:5])))
        m = _CONTROL_BODY.search(text)
        if m:
            names.append((m.group("name"), "control"))
        for name, stated_kind in names:
            if "«" in name or '"' in name:
                continue  # a body of another organisation (the founder's), named with its quotes
            if _body_kind(name) is None or _ADVISORY.search(text):
                continue  # «контрольно-ревизионный орган» describes a body; an advisory council governs nothing
            kind = stated_kind or _body_kind(name)
            key = _key(name)
            if kind is None or key in found:
                continue
            found[key] = Body(kind=kind, name=name, paragraph=p.index)
            order.append((p.index, key))
    order.sort()
    blocks = {key: (start, order[n + 1][0] if n + 1 < len(order) else None) for n, (start, key) in enumerate(order)}
    _assign_terms(found, blocks, paragraphs, governance)
    for key, body in found.items():
        start, stop = blocks[key]
        body.competence = [i for i in governance if start <= i < (stop or 10**9)]
    charter.bodies = list(found.values())


def _assign_terms(found: dict[str, Body], blocks: dict, paragraphs: list[Paragraph], governance: list[int]) -> None:
    """Give each body the term of office stated for it.

    In a sentence that names bodies, a term belongs to the body it is about: the subject of a
    passive verb («Правление избирается Конференцией сроком на 3 года») or the object of an
    active one («Конференция избирает Правление сроком на 3 года»); in a sentence that names none, to the body
    whose block it stands in. «Срок полномочий всех выборных органов — 5 лет» covers all.
    """
    general = None
    for p in paragraphs:
        for sentence in sentences(norm(p)):
            m = _TERM.search(sentence)
            if not m:
                continue
            if re.search(r"(всех|выборных)\s+(\S+\s+)?органов", sentence):
                general = general or (m.group(0), p.index)
                continue
            everywhere = sorted((pos, -len(key), key) for key in found for pos in _positions(sentence, key))
            mentions = [x for x in everywhere if x[0] < m.start()]
            active = _ACTIVE_VERB.search(sentence, 0, m.start())
            after_verb = [x for x in mentions if active and x[0] > active.start()]
            if mentions:
                # «Правление избирается … сроком» — the subject; «Съезд избирает Правление сроком» — the object.
                owner = (after_verb or mentions)[0][2]
            elif everywhere:
                # «определение срока полномочий Совета директоров» — the body named after the term.
                owner = everywhere[0][2]
            elif _ANY_BODY.search(sentence, 0, m.start()):
                owner = None  # it speaks of a body the parser did not register: better no term than a wrong one
            else:
                owner = next(
                    (k for k, (start, stop) in blocks.items() if p.index in governance and start <= p.index < (stop or 10**9)),
                    None,
                )
            body = found.get(owner) if owner else None
            if body is not None and body.term_text is None:
                body.term_text, body.term_paragraph = m.group(0), p.index
    for body in found.values():
        if body.term_text is None and general:
            body.term_text, body.term_paragraph = general


_ANY_BODY = re.compile(r"филиал|представительств|ревизор|ревизионн|правлени|совет|председател|директор|президент|дирекци|съезд|конференци|собрани")
_ACTIVE_VERB = re.compile(r"\b(избирает|избирают|назначает|назначают|формирует|образует|утверждает)\b")


def _positions(sentence: str, key: str) -> list[int]:
    """Where a body's name (its stems in order) starts in a sentence."""
    stems = key.split()
    pattern = r"\b" + r"\w*\s+".join(re.escape(stem) for stem in stems)
    # «Председатель Правления», «члены Совета» are people of a body, not the body itself.
    return [m.start() for m in re.finditer(pattern, sentence) if not _OFFICER_BEFORE.search(sentence, 0, m.start())]


_OFFICER_BEFORE = re.compile(r"(председател|заместител|член|секретар|руководител)\w*\s+$")


def _strip_number(text: str) -> str:
    return re.sub(r"^\s*(\d+\.)*\d*\.?\s*", "", text)


_KEY_STOP = {"во", "в", "с", "со", "и", "из", "по", "на", "под", "который", "которое", "которая", "далее"}


def _key(name: str) -> str:
    """A body's name reduced to the stems of its first two words, so «Правление» and
    «Правления во главе с Председателем» are one body."""
    words: list[str] = []
    for w in re.findall(r"\w+", name.lower()):
        if w in _KEY_STOP:
            if words:
                break
            continue
        words.append(w[:6])
        if len(words) == 2:
            break
    return " ".join(words)


_AMENDS = re.compile(r"(внесени\w*|внося\w*|изменени\w*)\s+(\S+\s+){0,4}(в\s+)?(настоящ\w*\s+)?(устав|учредительн)")
_PREPARES = re.compile(r"(предложени|вносит\s+на\s+рассмотрени|проект\w*|подготов|инициатив|представля\w*\s+на)")
_COMPETENCE_INTRO = re.compile(r"(компетенци\w*|полномочи\w*|вправе|относ\w*)\s")


def amendment_bodies(paragraphs: list[Paragraph], governance: list[int]) -> list[tuple[int, str, str]]:
    """(paragraph index, body kind, body text) for every body the charter lets amend the charter.

    The body is named in the same sentence («изменения в Устав вносятся по решению Общего
    собрания»), or the amendment is an item of a body's competence list.
    """
    out: list[tuple[int, str, str]] = []
    for pos, p in enumerate(paragraphs):
        text = norm(p)
        m = _AMENDS.search(text)
        if not m or _PREPARES.search(text[: m.start() + 40]):
            continue
        kind, name = _decider_in(text)
        if kind is None:
            kind, name = _competence_owner(paragraphs, pos)
        if kind is not None:
            out.append((p.index, kind, name))
    return out


def _decider_in(text: str) -> tuple[str | None, str]:
    m = re.search(r"(решени\w*|утвержда\w*|принима\w*|компетенци\w*|осуществля\w*)\s+(\S+\s+){0,3}?(?P<body>[^,.;:]{3,60})", text)
    if m:
        kind = _body_kind(m.group("body"))
        if kind in ("supreme", "executive", "trustees", "control"):
            return kind, m.group("body").strip()
    return None, ""


def _competence_owner(paragraphs: list[Paragraph], pos: int) -> tuple[str | None, str]:
    for back in range(pos - 1, max(pos - 40, -1), -1):
        text = norm(paragraphs[back])
        if _COMPETENCE_INTRO.search(text) and text.rstrip().endswith(":"):
            kind = _body_kind(text)
            return kind, text.strip()
    return None, ""
