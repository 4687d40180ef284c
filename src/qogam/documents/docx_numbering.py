"""Word automatic list numbering, rebuilt into the text Word shows ("1.1.", "IV.", "б)").

Word keeps clause numbers of many charters out of the text: a paragraph carries
``w:numPr`` (numId, ilvl), ``numbering.xml`` maps the numId to an abstract list
definition with one ``w:lvl`` per depth. This module replays the counters the way
Word does:

* counters belong to the abstract definition, so two numIds sharing one
  abstractNum continue each other — unless a numId has ``w:lvlOverride/
  w:startOverride``, which restarts that level at the numId's first paragraph;
* a level restarts when a shallower level is used (``w:lvlRestart`` narrows that,
  0 = never);
* ``w:lvlText`` "%1.%2." takes each level's value in that level's ``w:numFmt``
  (all decimal when the level is ``w:isLgl``); bullets are not numbers;
* an abstractNum with ``w:numStyleLink`` borrows the levels of the numbering style's list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from .docx_styles import Styles, W, int_val, on
from .numerals import word_number

MAX_LEVELS = 9
_PLACEHOLDER = re.compile(r"%([1-9])")


@dataclass
class Level:
    start: int = 0  # ECMA-376: w:start absent means 0
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart (1-based level), None = after any shallower level
    legal: bool = False
    style: str | None = None  # w:pStyle: paragraphs of this style get this level


@dataclass
class Num:
    abstract_id: str
    start_override: dict[int, int] = field(default_factory=dict)
    level_override: dict[int, Level] = field(default_factory=dict)


@dataclass
class Assigned:
    """The number Word shows for one paragraph."""

    text: str | None  # "1.1."; None for a bullet; "" when the format hides it
    ilvl: int
    fmt: str


class Numbering:
    """Definitions from numbering.xml plus the running counters of one reading pass."""

    def __init__(self, root: etree._Element | None, styles: Styles):
        self.styles = styles
        self.abstract: dict[str, dict[int, Level]] = {}
        self.links: dict[str, str] = {}  # abstractNumId -> numbering style it links to
        self.nums: dict[str, Num] = {}
        self.level_of_style: dict[str, tuple[str, int]] = {}  # pStyle -> (abstractNumId, ilvl)
        if root is not None:
            self._load(root)
        self._counters: dict[str, list[int | None]] = {}
        self._seen_nums: set[str] = set()

    def _load(self, root: etree._Element) -> None:
        for el in root.iterchildren(f"{W}abstractNum"):
            abstract_id = el.get(f"{W}abstractNumId", "")
            levels = {}
            for lvl in el.iterchildren(f"{W}lvl"):
                ilvl = int(lvl.get(f"{W}ilvl", "0") or 0)
                levels[ilvl] = _level(lvl)
                if levels[ilvl].style:
                    self.level_of_style.setdefault(levels[ilvl].style, (abstract_id, ilvl))
            self.abstract[abstract_id] = levels
            link = el.find(f"{W}numStyleLink")
            if link is not None and link.get(f"{W}val"):
                self.links[abstract_id] = link.get(f"{W}val")
        for el in root.iterchildren(f"{W}num"):
            ref = el.find(f"{W}abstractNumId")
            if ref is None:
                continue
            num = Num(ref.get(f"{W}val", ""))
            for override in el.iterchildren(f"{W}lvlOverride"):
                ilvl = int(override.get(f"{W}ilvl", "0") or 0)
                start = int_val(override.find(f"{W}startOverride"))
                if start is not None:
                    num.start_override[ilvl] = start
                lvl = override.find(f"{W}lvl")
                if lvl is not None:
                    num.level_override[ilvl] = _level(lvl)
            self.nums[el.get(f"{W}numId", "")] = num

    def _abstract_of(self, num: Num) -> str:
        """Follow w:numStyleLink to the abstractNum that really holds the levels."""
        abstract_id = num.abstract_id
        for _ in range(4):
            style = self.links.get(abstract_id)
            if not style:
                break
            target = self.nums.get(self.styles.numbering_style_num(style) or "")
            if target is None or target.abstract_id == abstract_id:
                break
            abstract_id = target.abstract_id
        return abstract_id

    def resolve(self, num_id: str | None, ilvl: int | None, style_id: str | None) -> tuple[str, int] | None:
        """(numId, ilvl) in force for a paragraph, from its own numPr or its style's."""
        _, style_num, style_ilvl, *_ = self.styles.resolved(style_id)
        if num_id is None:
            num_id = style_num
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return None
        if ilvl is None:
            ilvl = style_ilvl
        if ilvl is None and style_id:
            linked = self.level_of_style.get(style_id)
            ilvl = linked[1] if linked else None
        return num_id, min(max(ilvl or 0, 0), MAX_LEVELS - 1)

    def next_number(self, num_id: str, ilvl: int) -> Assigned:
        """Advance the counters for one numbered paragraph and return its number."""
        num = self.nums[num_id]
        abstract_id = self._abstract_of(num)
        levels = self.abstract.get(abstract_id, {})

        def level(i: int) -> Level:
            return num.level_override.get(i) or levels.get(i) or Level()

        def start(i: int) -> int:
            return num.start_override.get(i, level(i).start)

        counters = self._counters.setdefault(abstract_id, [None] * MAX_LEVELS)
        if num_id not in self._seen_nums:
            self._seen_nums.add(num_id)
            for i in set(num.start_override) | {
                i for i, lvl in num.level_override.items() if lvl.start != 0
            }:
                if 0 <= i < MAX_LEVELS:
                    counters[i] = None
        counters[ilvl] = start(ilvl) if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, MAX_LEVELS):
            restart = level(deeper).restart
            if restart is None or restart > deeper:
                restart = deeper  # the level just above it, 1-based
            if restart != 0 and ilvl + 1 <= restart:
                counters[deeper] = None

        current = level(ilvl)
        shown = word_number(counters[ilvl], current.fmt)
        if shown is None:
            return Assigned(None, ilvl, current.fmt)

        def substitute(match: re.Match[str]) -> str:
            i = int(match.group(1)) - 1
            value = counters[i] if counters[i] is not None else start(i)
            if i == ilvl:
                return shown
            fmt = "decimal" if current.legal else level(i).fmt
            return word_number(value, fmt) or ""

        return Assigned(_PLACEHOLDER.sub(substitute, current.text).strip(), ilvl, current.fmt)


def _level(lvl: etree._Element) -> Level:
    level = Level()
    start = int_val(lvl.find(f"{W}start"))
    if start is not None:
        level.start = start
    fmt = lvl.find(f"{W}numFmt")
    if fmt is not None:
        level.fmt = fmt.get(f"{W}val", "decimal")
    text = lvl.find(f"{W}lvlText")
    if text is not None:
        level.text = text.get(f"{W}val", "")
    level.restart = int_val(lvl.find(f"{W}lvlRestart"))
    level.legal = on(lvl.find(f"{W}isLgl")) if lvl.find(f"{W}isLgl") is not None else False
    style = lvl.find(f"{W}pStyle")
    if style is not None:
        level.style = style.get(f"{W}val")
    return level
