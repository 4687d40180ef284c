"""Find the charter's headings and the topic of each section."""

from __future__ import annotations

import re

from qogam.documents import Paragraph

from . import vocabulary
from .model import Section
from .text import bare

_ARTICLE = re.compile(
    r"^\s*(статья|глава|раздел|часть|бап|тарау|бөлім)\s+[0-9ivxlcдмк]+\b|^\s*\d+\s*-\s*(бап|тарау|бөлім)",
    re.IGNORECASE,
)
_TOP_NUMBER = re.compile(r"^\s*([0-9]{1,2}|[IVXLC]{1,5})\.?\s*$")
_LIST_ITEM_END = (";", ",", ":")


def is_heading(p: Paragraph) -> bool:
    """A chapter or article heading, by style, by number or by shape."""
    text = p.text.strip()
    if not text or len(text) > 160:
        return False
    if text.endswith(_LIST_ITEM_END):
        return False
    if p.level is not None and p.level <= 2:
        return True
    number = (p.number or "").strip()
    if _ARTICLE.match(number) or _ARTICLE.match(text):
        return len(text) < 120
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 4 and sum(c.isupper() for c in letters) / len(letters) > 0.8:
        return True
    # «1. Общие положения»: a top-level number with a dot and a short capitalised title.
    title = bare(p)
    if number and _TOP_NUMBER.match(number) and not number.endswith(")") and title[:1].isupper():
        words = title.split()
        return len(words) <= 8 and not title.endswith((".", ";", ":")) and "." not in title
    return False


def topics_of_title(title: str) -> list[str]:
    norm = vocabulary.normalise(title)
    found = []
    for topic in vocabulary.topic_names():
        pat = vocabulary.pattern("topics", topic, "title")
        exclude = vocabulary.pattern("topics", topic, "title_exclude")
        if pat is not None and pat.search(norm) and not (exclude and exclude.search(norm)):
            found.append(topic)
    # A chapter named after a body («Статья 9. Попечительский совет») is about governance.
    if "governance" not in found and any(pat.search(norm) for _kind, pat in vocabulary.body_kinds()):
        found.append("governance")
    return found


def find_sections(paragraphs: list[Paragraph]) -> list[Section]:
    """The sections of the analysed paragraphs; ``end`` is a document index."""
    end = paragraphs[-1].index + 1 if paragraphs else 0
    heads = [p for p in paragraphs if is_heading(p)]
    sections: list[Section] = []
    for i, head in enumerate(heads):
        stop = heads[i + 1].index if i + 1 < len(heads) else end
        sections.append(
            Section(
                title=head.text.strip(),
                paragraph=head.index,
                end=stop,
                number=head.number,
                topics=topics_of_title(head.full_text),
            )
        )
    return sections
