"""Lists inside a charter: the goals, the activities, the competence of a body.

A list is an introducing paragraph («Целями Объединения являются:») followed by items,
or items written inline after the colon and separated by semicolons.
"""

from __future__ import annotations

import re

from qogam.documents import Paragraph

from .model import Clause
from .sections import is_heading
from .text import bare

_ITEM_MARK = re.compile(r"^\s*([-–—•·*]|\d{1,2}\)|[а-яa-z]\)|\d+(\.\d+){2,}\.?)\s*", re.IGNORECASE)
_INTRO_END = re.compile(r":\s*$")
# A paragraph that introduces another list ends the current one.
_NEW_LIST = re.compile(
    r"(для\s+достижени|предмет\w*\s+деятельност|вид\w*\s+деятельност|задач\w*\s+(\S+\s+){0,3}являются|"
    r"осуществляет\s+следующ|вправе|имеет\s+право|компетенци)",
    re.IGNORECASE,
)


def _depth(number: str | None) -> int:
    if not number:
        return 0
    return len([part for part in re.split(r"[.)]", number) if part.strip()])


def _is_item(p: Paragraph, intro: Paragraph) -> bool:
    text = p.text.strip()
    if _ITEM_MARK.match(text) or (p.number and _ITEM_MARK.match(p.number + " ")):
        return True
    if p.number and intro.number and _depth(p.number) > _depth(intro.number):
        return True
    if p.style and "list" in p.style.lower() and not p.number:
        return True
    return text.endswith(";") or (not p.number and len(text) < 400 and text[:1].islower())


def list_after(paragraphs: list[Paragraph], pos: int, limit: int = 80) -> list[Clause]:
    """Items introduced by paragraphs[pos] (a position in the list, not a document index)."""
    intro = paragraphs[pos]
    text = intro.text.strip()
    head, _, tail = text.partition(":")
    items: list[Clause] = []
    if tail.strip():
        parts = [s.strip(" ;.") for s in re.split(r";\s*|\s(?=\d{1,2}\)\s)", tail) if s.strip(" ;.")]
        if len(parts) >= 2 or not _INTRO_END.search(text):
            return [Clause(text=part, paragraph=intro.index, number=intro.number) for part in parts]
    for p in paragraphs[pos + 1 : pos + 1 + limit]:
        if is_heading(p) or _NEW_LIST.search(p.text[:80]) and p.text.rstrip().endswith(":"):
            break
        if not _is_item(p, intro):
            break
        items.append(Clause(text=bare(p).rstrip(" ;.") or p.text.strip(), paragraph=p.index, number=p.number))
        if p.text.rstrip().endswith("."):
            # «…;» continues a list, «….» often closes it — unless the next one is an item too.
            nxt = paragraphs[pos + 1 + len(items)] if pos + 1 + len(items) < len(paragraphs) else None
            if nxt is None or not (_ITEM_MARK.match(nxt.text) or (nxt.number and _depth(nxt.number) > _depth(intro.number))):
                break
    return items


def dedupe(clauses: list[Clause]) -> list[Clause]:
    seen: set[str] = set()
    out = []
    for c in clauses:
        key = re.sub(r"\W+", " ", c.text.lower()).strip()
        if key and key not in seen:
            seen.add(key)
            out.append(c)
    return out
