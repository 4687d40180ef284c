"""Simple, robust text logic over a charter's lines, for the mutation operators.

A charter here is its TXT: one paragraph per line. Operators work on the Russian part only
(for a bilingual charter, the lines from the Russian title on), find chapters by their
headings («1. ОБЩИЕ ПОЛОЖЕНИЯ», «Глава 2.», «Раздел 3.», «Статья 5.», «IV. ИМУЩЕСТВО»),
and edit whole lines, sentences, or «;»-separated list elements inside a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# --- numbers at the start of a line ------------------------------------------------------

_NUMBER = re.compile(
    r"^(?:(?:ГЛАВА|Глава|РАЗДЕЛ|Раздел|СТАТЬЯ|Статья)\s+(?:[IVXLC]+|\d+)\.?"
    r"|[IVXLC]+\."
    r"|\d{1,3}[а-я]?(?:\.\d{1,3})*\."
    r"|\d{1,2}\)|[а-я]\)|[–•-])\s+"
)
_CHAPTER = re.compile(r"^(?:ГЛАВА|Глава|РАЗДЕЛ|Раздел)\s+(?:[IVXLC]+|\d+)\.?\s+\S")
_ROMAN_HEADING = re.compile(r"^[IVXLC]+\.\s+[А-ЯЁ]")
_UPPER_DECIMAL_HEADING = re.compile(r"^\d{1,2}\.\s+[А-ЯЁ«\"][А-ЯЁ0-9 ,.«»\"()–-]+$")
_ARTICLE = re.compile(r"^(?:Статья|СТАТЬЯ)\s+\d+\.?\s+\S")
ITEM = re.compile(r"^(?:\d{1,2}\)|[а-я]\)|[–•-])\s+")  # list items, dashes and bullets included
DECIMAL = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)\.\s+")


def split_number(line: str) -> tuple[str, str]:
    """The typed number with its trailing space («2.3. », «1) », «Статья 5. ») and the text."""
    m = _NUMBER.match(line)
    return (line[: m.end()], line[m.end():]) if m else ("", line)


_UNNUMBERED_HEADING = re.compile(r"^(?!УСТАВ|УТВЕРЖДЕН|ЖАРҒЫ)[А-ЯЁ][А-ЯЁ ,.–-]{5,}[А-ЯЁ]$")


def heading_level(line: str, unnumbered: bool = False) -> int | None:
    """1 for a chapter heading, 2 for an article heading, None for a clause.

    ``unnumbered``: also take a line in capitals («ОБЩИЕ ПОЛОЖЕНИЯ») for a chapter heading, for
    charters whose headings carry no number at all.
    """
    if _CHAPTER.match(line) or _ROMAN_HEADING.match(line) or _UPPER_DECIMAL_HEADING.match(line):
        return 1
    if _ARTICLE.match(line):
        return 2
    if unnumbered and _UNNUMBERED_HEADING.match(line):
        return 1
    return None


# --- sentences and list elements -----------------------------------------------------------

_ABBREVIATIONS = {"г", "ул", "пр", "д", "т", "обл", "им", "кв", "р", "п", "пп", "ст", "см", "т.е", "т.д", "№"}


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences; abbreviations such as «г. Тараз» do not end one."""
    parts, start = [], 0
    for m in re.finditer(r"[.!?]\s+(?=[А-ЯЁӘҒҚҢӨҰҮҺІA-Z«0-9])", text):
        before = text[start: m.start()].split()
        word = before[-1].lower().rstrip(".") if before else ""
        if word in _ABBREVIATIONS or len(word) == 1:
            continue
        parts.append(text[start: m.start() + 1])
        start = m.end()
    tail = text[start:].strip()
    if tail:
        parts.append(tail)
    return parts


def join_sentences(parts: list[str]) -> str:
    return " ".join(p.strip() for p in parts if p.strip())


# --- the charter as lines ------------------------------------------------------------------


@dataclass
class Section:
    start: int  # index of the heading line
    end: int  # one past the last line
    title: str
    level: int


class CharterText:
    """A charter's lines with the range the operators may touch (the Russian part)."""

    def __init__(self, text: str, russian_marker: str | None = None):
        self.lines = [line.strip() for line in text.splitlines() if line.strip()]
        self.start = 0
        self.unnumbered = not any(heading_level(line) for line in self.lines)
        if russian_marker:
            for i, line in enumerate(self.lines):
                if i > 0 and line.startswith(russian_marker):
                    self.start = i
                    break

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"

    def copy(self) -> CharterText:
        other = CharterText.__new__(CharterText)
        other.lines = list(self.lines)
        other.start = self.start
        other.unnumbered = self.unnumbered
        return other

    @property
    def indexes(self) -> range:
        """The lines operators edit: the Russian part."""
        return range(self.start, len(self.lines))

    @property
    def all_indexes(self) -> range:
        """Every line, Kazakh part included (for the name and the status, which a reader may take from either)."""
        return range(len(self.lines))

    def sections(self) -> list[Section]:
        heads = [(i, self.heading_level(self.lines[i])) for i in self.indexes]
        heads = [(i, lvl) for i, lvl in heads if lvl]
        out = []
        for pos, (i, lvl) in enumerate(heads):
            end = len(self.lines)
            for j, other in heads[pos + 1:]:
                if other <= lvl:
                    end = j
                    break
            out.append(Section(i, end, split_number(self.lines[i])[1], lvl))
        return out

    def find_sections(self, title_pattern: str, exclude: str | None = None) -> list[Section]:
        """Sections whose title matches; a matching chapter takes its articles with it."""
        pattern = re.compile(title_pattern, re.IGNORECASE)
        excluded = re.compile(exclude, re.IGNORECASE) if exclude else None
        chosen: list[Section] = []
        for section in self.sections():
            if any(s.start <= section.start < s.end for s in chosen):
                continue
            if pattern.search(section.title) and not (excluded and excluded.search(section.title)):
                chosen.append(section)
        return chosen

    def heading_level(self, line: str) -> int | None:
        return heading_level(line, self.unnumbered)

    def delete_lines(self, indexes) -> None:
        drop = set(indexes)
        self.lines = [line for i, line in enumerate(self.lines) if i not in drop]

    def delete_sections(self, sections: list[Section]) -> None:
        self.delete_lines(i for s in sections for i in range(s.start, s.end))

    def first_body_index(self) -> int:
        """The first line after the title block (the first heading), for the name etc."""
        for i in self.indexes:
            if self.heading_level(self.lines[i]):
                return i
        return self.start

    def list_after(self, index: int) -> list[int]:
        """Indexes of the list items that follow a line ending with «:»."""
        number, _ = split_number(self.lines[index])
        parent = DECIMAL.match(number)
        items = []
        for j in range(index + 1, len(self.lines)):
            line = self.lines[j]
            if ITEM.match(line):
                items.append(j)
                continue
            child = DECIMAL.match(line)
            if parent and child and child.group(1).startswith(parent.group(1) + ".") and child.group(1) != parent.group(1):
                items.append(j)
                continue
            if not number and not split_number(line)[0] and not self.heading_level(line) and line.endswith((";", ".")) and line[:1].islower():
                items.append(j)  # unnumbered list lines («высший орган – …;»)
                continue
            break
        return items

    def edit_sentences(self, index: int, keep) -> None:
        """Keep the sentences of a line for which ``keep(sentence)`` is true (or returns a new text).

        Headings are left alone: a chapter goes only with its whole section.
        """
        if self.heading_level(self.lines[index]):
            return
        number, body = split_number(self.lines[index])
        kept = []
        for sentence in sentences(body):
            result = keep(sentence)
            if result is True:
                kept.append(sentence)
            elif isinstance(result, str) and result.strip():
                kept.append(result)
        self.lines[index] = number + join_sentences(kept) if kept else ""

    def drop_empty(self) -> None:
        """Remove lines left with a number only, and lists whose introducing line is gone."""
        out = []
        for line in self.lines:
            number, body = split_number(line)
            if not line or (number and not body.strip()):
                continue
            out.append(line)
        self.lines = out


def remove_list_elements(sentence: str, pattern: re.Pattern) -> str:
    """Drop the «;»-separated elements of an enumeration that match (the rest is kept)."""
    head, sep, tail = sentence.partition(":")
    if not sep:
        return sentence
    elements = [e.strip() for e in tail.rstrip(".").split(";")]
    kept = [e for e in elements if e and not pattern.search(e)]
    if not kept:
        return ""
    return f"{head}: {'; '.join(kept)}."


# --- regions ---------------------------------------------------------------------------------

# Adjective of each oblast as it stands in «на территории … области», «в … областях».
OBLAST_ADJECTIVE = {
    "110000000": "Акмолинской",
    "150000000": "Актюбинской",
    "190000000": "Алматинской",
    "230000000": "Атырауской",
    "270000000": "Западно-Казахстанской",
    "310000000": "Жамбылской",
    "350000000": "Карагандинской",
    "390000000": "Костанайской",
    "430000000": "Кызылординской",
    "470000000": "Мангистауской",
    "550000000": "Павлодарской",
    "590000000": "Северо-Казахстанской",
    "610000000": "Туркестанской",
    "630000000": "Восточно-Казахстанской",
}
REGION_GENITIVE = {
    **{code: f"{adj} области" for code, adj in OBLAST_ADJECTIVE.items()},
    "100000000": "области Абай",
    "330000000": "области Жетісу",
    "620000000": "области Ұлытау",
    "710000000": "города Астаны",
    "750000000": "города Алматы",
    "790000000": "города Шымкента",
}


def other_oblasts(exclude: list[str], count: int) -> list[str]:
    """``count`` oblast codes not in ``exclude``, in a fixed order."""
    return [code for code in OBLAST_ADJECTIVE if code not in exclude][:count]


def oblasts_phrase(codes: list[str], case: str = "genitive") -> str:
    """«Жамбылской, Туркестанской и Кызылординской областей» (genitive) or «… областях» (prepositional)."""
    adjectives = [OBLAST_ADJECTIVE[c] for c in codes]
    listed = ", ".join(adjectives[:-1]) + " и " + adjectives[-1] if len(adjectives) > 1 else adjectives[0]
    noun = {"genitive": "областей", "prepositional": "областях"}[case]
    if len(adjectives) == 1:
        noun = {"genitive": "области", "prepositional": "области"}[case]
    return f"{listed} {noun}"


def subject_word(lines: list[str]) -> str:
    """What the charter calls the organisation: «(далее – Объединение)» → «Объединение»."""
    for line in lines:
        m = re.search(r"(?:далее(?: по тексту)?\s*[–-]\s*|именуем\w+ (?:в )?(?:дальнейшем|далее)\s+)[«\"]?([А-ЯЁ][а-яё]+)", line)
        if m:
            return m.group(1)
    return "Организация"
