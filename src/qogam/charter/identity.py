"""Is it a charter, of which country, in which legal form, under which name, in which language."""

from __future__ import annotations

import re

from qogam.documents import Paragraph

from . import vocabulary
from .model import Charter
from .text import norm

# How far into the document the title and the name are looked for.
_OPENING = 25


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
    for pos, p in enumerate(paragraphs):
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
    in_scope = {slug: scope for slug, scope, _ in vocabulary.legal_forms()}
    opening = [s for s in first if first[s][0] < _OPENING]
    candidates = opening or list(counts)
    slug = min(candidates, key=lambda s: (first[s][0], -counts[s]))
    _pos, text, index = first[slug]
    return slug, in_scope[slug], text, index


_NAME_LINE = re.compile(
    r"(полное|сокращенное|сокращённое)\s+наименование[^:–—-]*[:–—-]\s*(?P<name>.*)",
    re.IGNORECASE,
)
_KK_MARK = re.compile(r"(мемлекеттiк|мемлекеттік|казахском|государственном)\s+(тiлде|тілде|языке)", re.IGNORECASE)
_QUOTED = re.compile(r"[«\"“]([^»\"”]{2,120})[»\"”]")


def names(charter: Charter, paragraphs: list[Paragraph]) -> None:
    """Fill the full and short names (Russian and Kazakh) from «Полное наименование: …» lines
    (also when the languages follow on their own lines), or else from the title."""
    for pos, p in enumerate(paragraphs[:60]):
        for sentence in re.split(r"(?<=[;.])\s+", p.text):
            m = _NAME_LINE.search(sentence)
            if not m:
                continue
            full = m.group(1).lower().startswith("полн")
            value = m.group("name").strip().rstrip(";.").strip()
            pairs = [(sentence, value)] if value else _language_lines(paragraphs[pos + 1 : pos + 3])
            for line, name in pairs:
                lang = "kk" if _KK_MARK.search(line) else "ru"
                attr = f"name_{'full' if full else 'short'}_{lang}"
                if getattr(charter, attr) is None and name:
                    setattr(charter, attr, name)
                    charter.name_paragraph = charter.name_paragraph or p.index
    if charter.name_full_ru is None:
        for p in paragraphs[:_OPENING]:
            if not _QUOTED.search(p.text):
                continue
            if vocabulary.pattern("charter_title").search(norm(p)):
                m = re.search(r"устав\w*\s+(.+)", p.text, re.IGNORECASE)
                if not m:
                    continue
                name = m.group(1)
            else:
                name = p.text
            charter.name_full_ru = " ".join(name.split()).rstrip(".")
            charter.name_paragraph = charter.name_paragraph or p.index
            break


_LANGUAGE_LINE = re.compile(r"^\s*(на\s+\w+\s+языке|\w+\s+тілінде)\s*[:–—-]\s*(?P<name>.*)", re.IGNORECASE)


def _language_lines(paragraphs: list[Paragraph]) -> list[tuple[str, str]]:
    out = []
    for p in paragraphs:
        m = _LANGUAGE_LINE.match(p.text)
        if m:
            out.append((p.text, m.group("name").strip().rstrip(";.").strip()))
    return out


def name_states_form(name: str) -> bool:
    """Does a name carry the organisational-legal form (NPO Law Art. 7)?"""
    text = vocabulary.normalise(name)
    if any(pat.search(text) for _s, _sc, pat in vocabulary.legal_forms()):
        return True
    abbreviations = {a for f in vocabulary.raw()["legal_forms"] for a in f["abbreviations"]}
    words = set(re.findall(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,4}", name))
    return bool(words & abbreviations)
