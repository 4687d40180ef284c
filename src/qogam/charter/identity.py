"""Is it a charter, of which country, in which legal form, under which name, in which language."""

from __future__ import annotations

import re

from qogam.documents import Paragraph

from . import vocabulary
from .model import Charter
from .text import norm

# How far into the document the title and the name are looked for.
_OPENING = 25


_FORM_CLAUSE = re.compile(r"организационно-правов\w*\s+форм|ұйымдық-құқықтық\s+нысан")


def _form_stated(paragraphs: list[Paragraph]):
    """«Организационно-правовая форма – частное учреждение»: the charter says it outright."""
    for p in paragraphs[:80]:
        text = norm(p)
        m = _FORM_CLAUSE.search(text)
        if not m:
            continue
        tail = text[m.end() :]
        for slug, scope, pat in vocabulary.legal_forms():
            found = pat.search(tail)
            if found and found.start() < 60:
                return slug, scope, found.group(0), p.index
    return None


def _form_in_title(paragraphs: list[Paragraph]):
    """The form named right after «УСТАВ» — not the founder's form in an approval note."""
    title = vocabulary.pattern("charter_title")
    for pos, p in enumerate(paragraphs[:_OPENING]):
        if not title.search(norm(p)):
            continue
        for q in paragraphs[pos : pos + 3]:
            for slug, scope, pat in vocabulary.legal_forms():
                m = pat.search(norm(q))
                if m:
                    return slug, scope, m.group(0), q.index
        return None
    return None


def russian_part(paragraphs: list[Paragraph]) -> tuple[list[Paragraph], str]:
    """The paragraphs to analyse and the charter's language ("ru", "kk" or "bilingual").

    A bilingual charter (Kazakh part then Russian part, or Kazakh and Russian columns) is
    read from its Russian paragraphs only, so nothing is found twice.
    """
    ru_chars = sum(len(p.text) for p in paragraphs if p.language == "ru")
    kk_chars = sum(len(p.text) for p in paragraphs if p.language == "kk")
    total = ru_chars + kk_chars or 1
    if kk_chars / total > 0.8:
        return [p for p in paragraphs if p.language != "ru"], "kk"
    # Kazakh lines inside a Russian charter (the name in the state language) are left out too:
    # everything they say is said again in Russian.
    analysed = [p for p in paragraphs if p.language != "kk"]
    return analysed, "bilingual" if kk_chars / total > 0.15 else "ru"


def is_charter(paragraphs: list[Paragraph], topic_count: int) -> bool:
    title = vocabulary.pattern("charter_title")
    opening = " ".join(norm(p) for p in paragraphs[:_OPENING])
    has_title = bool(title.search(opening))
    # A charter names itself and covers the usual topics; a contract or a novel does neither.
    return (has_title and topic_count >= 3) or topic_count >= 6


def foreign_country(paragraphs: list[Paragraph]) -> str | None:
    text = " ".join(norm(p) for p in paragraphs)
    kz = len(vocabulary.pattern("kazakh_markers").findall(text))
    best, best_count = None, 0
    for country, pat in vocabulary.foreign_markers().items():
        count = len(pat.findall(text))
        if count > best_count:
            best, best_count = country, count
    if best and best_count >= 3 and best_count > kz:
        return best
    return None


def is_commercial(paragraphs: list[Paragraph]) -> bool:
    opening = " ".join(norm(p) for p in paragraphs[:_OPENING])
    return bool(vocabulary.pattern("commercial_forms").search(opening))


def legal_form(paragraphs: list[Paragraph]) -> tuple[str | None, bool, str | None, int | None]:
    """(slug, in_scope, matched text, paragraph) — the form named first in the opening,
    confirmed by being the form named most often in the whole text."""
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, str, int]] = {}
    title = vocabulary.pattern("charter_title")
    # «УТВЕРЖДЕН решением … Общественного объединения …» above the title names the founder.
    start = next((i for i, p in enumerate(paragraphs[:_OPENING]) if title.search(norm(p))), 0)
    for pos, p in enumerate(paragraphs[start:], start):
        text = norm(p)
        taken: list[tuple[int, int]] = []
        for slug, _scope, pat in vocabulary.legal_forms():
            for m in pat.finditer(text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue  # «общественный фонд» is not also a «частный фонд» match
                taken.append(m.span())
                counts[slug] = counts.get(slug, 0) + 1
                if slug not in first:
                    first[slug] = (pos, m.group(0), p.index)
    if not counts:
        return None, True, None, None
    stated = _form_stated(paragraphs) or _form_in_title(paragraphs)
    if stated:
        return stated
    in_scope = {slug: scope for slug, scope, _ in vocabulary.legal_forms()}
    opening = [s for s in first if first[s][0] < _OPENING]
    candidates = opening or list(counts)
    slug = min(candidates, key=lambda s: (first[s][0], -counts[s]))
    _pos, text, index = first[slug]
    return slug, in_scope[slug], text, index


_NAME_WORD = re.compile(r"наименовани|атауы", re.IGNORECASE)
# Keywords that open a name value: its kind (full/short) and its language.
_NAME_TOKENS = re.compile(
    r"(?P<kind>полное|сокращенное|сокращённое|толық|қысқартылған)"
    r"|(?P<lang>на\s+(?:государственном|казахском|русском)\s+языке|мемлекеттiк\s+тiлде|мемлекеттік\s+тілде|орыс\s+тiлiнде|орыс\s+тілінде|қазақ\s+тілінде)"
    r"|(?P<colon>наименование(?:\s+\w+){0,2}?\s*[:–—]|атауы\s*[:–—])",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[«\"“]([^»\"”]{2,120})[»\"”]")
_CONTINUES = re.compile(r"^\s*(на\s+\w+\s+языке|полное|сокращенное|сокращённое|\w+\s+тiлiнде|\w+\s+тілінде)", re.IGNORECASE)


def _name_block(paragraphs: list[Paragraph], pos: int) -> str:
    """A «Наименование: …» paragraph with the lines that continue it («на русском языке: …»)."""
    parts = [paragraphs[pos].text]
    for p in paragraphs[pos + 1 : pos + 6]:
        if not _CONTINUES.match(p.text):
            break
        parts.append(p.text)
    return " ; ".join(parts)


def _name_values(block: str) -> list[tuple[str, str, str]]:
    """(kind, lang, value) for each name stated in a block."""
    tokens = list(_NAME_TOKENS.finditer(block))
    out = []
    kind = "full"
    for n, m in enumerate(tokens):
        if m.group("kind"):
            kind = "short" if m.group("kind").lower().startswith(("сокращ", "қысқа")) else "full"
            continue
        stop = tokens[n + 1].start() if n + 1 < len(tokens) else len(block)
        value = block[m.end() : stop]
        value = re.split(r";|\.\s+(?=[А-ЯЁA-Z0-9])", value)[0].strip(" :–—-;.\t")
        if m.group("lang"):
            lang = "kk" if re.search(r"государствен|казахск|мемлекет|қазақ", m.group("lang"), re.IGNORECASE) else "ru"
        else:  # «Полное наименование: …» with no language named is the Russian name
            lang = "ru"
            if n + 1 < len(tokens) and tokens[n + 1].group("lang") and not value:
                continue
        if len(value) >= 3:
            out.append((kind, lang, value))
    return out


def names(charter: Charter, paragraphs: list[Paragraph]) -> None:
    """Fill the full and short names (Russian and Kazakh) from the name clause, or else
    from the title."""
    for pos, p in enumerate(paragraphs):
        if not _NAME_WORD.search(p.text) or not _NAME_TOKENS.search(p.text):
            continue
        for kind, lang, value in _name_values(_name_block(paragraphs, pos)):
            attr = f"name_{kind}_{lang}"
            if getattr(charter, attr) is None:
                setattr(charter, attr, value)
                charter.name_paragraph = charter.name_paragraph if charter.name_paragraph is not None else p.index
    if charter.name_full_ru is None:
        title = vocabulary.pattern("charter_title")
        for pos, p in enumerate(paragraphs[:_OPENING]):
            if p.language == "kk" or not title.search(norm(p)):
                continue
            # «УСТАВ» then «Общественного объединения» then «"Name"», on one line or several.
            following = [q.text for q in paragraphs[pos : pos + 4] if q.language != "kk"]
            joined = " ".join(following)
            m = re.search(r"устав\w*\s+(.*?[»\"”])", joined, re.IGNORECASE)
            if m and _QUOTED.search(m.group(1)):
                charter.name_full_ru = " ".join(m.group(1).split())
                charter.name_paragraph = p.index
                break


def name_states_form(name: str) -> bool:
    """Does a name carry the organisational-legal form (NPO Law Art. 7)?"""
    text = vocabulary.normalise(name)
    if any(pat.search(text) for _s, _sc, pat in vocabulary.legal_forms()):
        return True
    abbreviations = {a for f in vocabulary.raw()["legal_forms"] for a in f["abbreviations"]}
    words = set(re.findall(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,4}", name))
    return bool(words & abbreviations)
