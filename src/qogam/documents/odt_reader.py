"""ODT (OpenDocument text) → Document from content.xml: paragraphs, headings, lists, tables.

List numbers are rebuilt from the list styles (``text:list-level-style-number``:
num-format, prefix/suffix, display-levels, start-value, LibreOffice's
``loext:num-list-format``); a list continues an earlier one with
``text:continue-numbering`` or ``text:continue-list``. Headings outside lists are
numbered by the outline style when it has a format. ``page`` counts LibreOffice's
``text:soft-page-break`` marks.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from .archive import parse_xml, read_member
from .clauses import ClauseNumber, dense_levels, find_number, heading_rank
from .errors import DocumentError
from .model import Document, Paragraph
from .numerals import odf_number
from .textflow import clean

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
LOEXT = "{urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"

_SKIP = {f"{TEXT}note", f"{OFFICE}annotation", f"{OFFICE}annotation-end", f"{TEXT}tracked-changes",
         f"{TEXT}bookmark-ref", f"{TEXT}table-of-content", f"{TEXT}alphabetical-index"}
_PLACEHOLDER = re.compile(r"%(\d)%")


@dataclass
class _LevelStyle:
    fmt: str = ""  # "" = no number (bullets, images)
    prefix: str = ""
    suffix: str = ""
    display: int = 1
    start: int = 1
    letter_sync: bool = False
    pattern: str | None = None  # loext:num-list-format, e.g. "%1%.%2%."


@dataclass
class _ListState:
    counters: list[int | None] = field(default_factory=lambda: [None] * 10)


def read_odt(archive: zipfile.ZipFile, name: str, size: int | None = None) -> Document:
    raw = read_member(archive, "content.xml", name)
    if raw is None:
        raise DocumentError(name, "the OpenDocument file has no content.xml", "Save it again from LibreOffice.", "document.corrupt")
    content = parse_xml(raw, name, "content.xml")
    styles_raw = read_member(archive, "styles.xml", name)
    styles = parse_xml(styles_raw, name, "styles.xml") if styles_raw else None
    reader = _Reader(content, styles)
    text = content.find(f"{OFFICE}body/{OFFICE}text")
    if text is None:
        raise DocumentError(
            name, "the OpenDocument file is not a text document", "Send the charter as a text document (ODT, DOCX or PDF).", "document.unsupported"
        )
    reader.block(text, column=None, list_ctx=None)
    pages = _declared_pages(archive)
    page_known = reader.page > 1 or pages == 1
    paragraphs = reader.finish(page_known)
    if pages is None and reader.page > 1:
        pages = reader.page
    return Document(name=name, format="odt", paragraphs=paragraphs, pages=pages, size=size)


class _Reader:
    def __init__(self, content: etree._Element, styles: etree._Element | None):
        self.list_styles: dict[str, dict[int, _LevelStyle]] = {}
        self.parents: dict[str, str] = {}
        self.display_names: dict[str, str] = {}
        self.automatic: set[str] = set()
        self.outline: dict[int, _LevelStyle] = {}
        for root in (styles, content):
            if root is not None:
                self._load_styles(root)
        self.outline_counters: list[int | None] = [None] * 10
        self.lists_by_id: dict[str, _ListState] = {}
        self.last_list_by_style: dict[str, _ListState] = {}
        self.page = 1
        self.records: list[dict] = []

    def _load_styles(self, root: etree._Element) -> None:
        for el in root.iter(f"{TEXT}list-style"):
            self.list_styles[el.get(f"{STYLE}name", "")] = {
                int(lvl.get(f"{TEXT}level", "1")): _level_style(lvl) for lvl in el
                if isinstance(lvl.tag, str) and lvl.tag.startswith(TEXT)
            }
        for el in root.iter(f"{TEXT}outline-style"):
            self.outline = {int(lvl.get(f"{TEXT}level", "1")): _level_style(lvl) for lvl in el if isinstance(lvl.tag, str)}
        for el in root.iter(f"{STYLE}style"):
            style_name = el.get(f"{STYLE}name", "")
            if el.get(f"{STYLE}parent-style-name"):
                self.parents[style_name] = el.get(f"{STYLE}parent-style-name")
            if el.get(f"{STYLE}display-name"):
                self.display_names[style_name] = el.get(f"{STYLE}display-name")
            if el.getparent().tag == f"{OFFICE}automatic-styles":
                self.automatic.add(style_name)

    def style_name(self, name: str | None) -> str | None:
        seen = 0
        while name in self.automatic and name in self.parents and seen < 10:
            name, seen = self.parents[name], seen + 1
        if name is None:
            return None
        return self.display_names.get(name, name.replace("_20_", " "))

    def block(self, container, column: int | None, list_ctx: tuple | None) -> None:
        for child in container:
            tag = child.tag
            if tag in (f"{TEXT}p", f"{TEXT}h"):
                self.paragraph(child, column, None)
            elif tag == f"{TEXT}list":
                self.list(child, column, list_ctx)
            elif tag == f"{TABLE}table":
                self.table(child, column)
            elif tag == f"{TEXT}soft-page-break":
                self.page += 1
            elif tag in _SKIP or not isinstance(tag, str):
                continue
            else:  # sections, table row groups and the like
                self.block(child, column, list_ctx)

    def list(self, el: etree._Element, column: int | None, outer: tuple | None) -> None:
        if outer is None:
            style = el.get(f"{TEXT}style-name") or ""
            if el.get(f"{TEXT}continue-list") in self.lists_by_id:
                state = self.lists_by_id[el.get(f"{TEXT}continue-list")]
            elif el.get(f"{TEXT}continue-numbering") == "true" and style in self.last_list_by_style:
                state = self.last_list_by_style[style]
            else:
                state = _ListState()
            self.last_list_by_style[style] = state
            if el.get(XML_ID):
                self.lists_by_id[el.get(XML_ID)] = state
            depth = 1
        else:
            style, state, depth = outer
            style = el.get(f"{TEXT}style-name") or style
            depth += 1
        for item in el:
            if item.tag == f"{TEXT}list-header":
                self.block(item, column, (style, state, depth))
            elif item.tag == f"{TEXT}list-item":
                self.list_item(item, column, style, state, depth)
            elif item.tag == f"{TEXT}soft-page-break":
                self.page += 1

    def list_item(self, item: etree._Element, column: int | None, style: str, state: _ListState, depth: int) -> None:
        levels = self.list_styles.get(style, {})
        level = levels.get(depth, _LevelStyle())
        number = None
        if _has_own_paragraph(item):
            override = item.get(f"{TEXT}start-value")
            current = state.counters[depth - 1]
            if override and override.isdigit():
                state.counters[depth - 1] = int(override)
            else:
                state.counters[depth - 1] = level.start if current is None else current + 1
            for deeper in range(depth, 10):
                state.counters[deeper] = None
            number = _render(levels, state.counters, depth) if level.fmt else None
        # else: an item that only wraps a deeper list (LibreOffice writes one when a
        # list resumes at level 2 after a plain paragraph) has no number of its own
        # and neither advances its level nor restarts the deeper ones: 1.2 → 1.3.
        first = True
        for child in item:
            if child.tag in (f"{TEXT}p", f"{TEXT}h") and first:
                self.paragraph(child, column, (number, depth, level.fmt))
                first = False
            elif child.tag == f"{TEXT}list":
                self.list(child, column, (style, state, depth))
            elif child.tag == f"{TEXT}soft-page-break":
                self.page += 1
            else:
                self.block([child], column, (style, state, depth))

    def table(self, table: etree._Element, outer: int | None) -> None:
        for row in table.iter(f"{TABLE}table-row"):
            if _enclosing_table(row) is not table:
                continue
            position = 0
            for cell in row:
                if cell.tag == f"{TABLE}table-cell":
                    self.block(cell, outer if outer is not None else position, None)
                if cell.tag in (f"{TABLE}table-cell", f"{TABLE}covered-table-cell"):
                    position += int(cell.get(f"{TABLE}number-columns-repeated", "1") or 1)

    def paragraph(self, el: etree._Element, column: int | None, listed: tuple | None) -> None:
        start_page = self.page
        parts: list[str] = []
        self._text(el, parts)
        level = None
        number = None
        kind_depth = None
        if el.tag == f"{TEXT}h":
            level = int(el.get(f"{TEXT}outline-level", "1") or 1)
            if listed is None and el.get(f"{TEXT}is-list-header") != "true":
                number = self._outline_number(level)
                kind_depth = ("decimal", level)
        if listed is not None:
            number, depth, fmt = listed
            kind_depth = ("roman" if fmt in ("i", "I") else "letter" if fmt.lower() in ("a", "а") else "decimal", depth)
        text = " ".join(piece for piece in (clean(p) for p in "".join(parts).split("\n")) if piece)
        self.records.append({
            "text": text, "page": start_page, "style": self.style_name(el.get(f"{TEXT}style-name")),
            "column": column, "level": level, "number": number or None, "kind": kind_depth,
        })

    def _outline_number(self, level: int) -> str | None:
        style = self.outline.get(level)
        counters = self.outline_counters
        counters[level - 1] = (style.start if style else 1) if counters[level - 1] is None else counters[level - 1] + 1
        for deeper in range(level, 10):
            counters[deeper] = None
        if not style or not style.fmt:
            return None
        return _render(self.outline, counters, level)

    def _text(self, el: etree._Element, parts: list[str]) -> None:
        if el.text:
            parts.append(el.text)
        for child in el:
            tag = child.tag
            if tag == f"{TEXT}s":
                parts.append(" " * int(child.get(f"{TEXT}c", "1") or 1))
            elif tag == f"{TEXT}tab":
                parts.append(" ")
            elif tag == f"{TEXT}line-break":
                parts.append("\n")
            elif tag == f"{TEXT}soft-page-break":
                self.page += 1
            elif tag in _SKIP or not isinstance(tag, str) or tag.startswith("{urn:oasis:names:tc:opendocument:xmlns:drawing"):
                pass
            else:
                self._text(child, parts)
            if child.tail:
                parts.append(child.tail)

    def finish(self, page_known: bool) -> list[Paragraph]:
        records = [r for r in self.records if r["text"]]
        styled = any(r["level"] for r in records)
        paragraphs: list[Paragraph] = []
        ranks: list[float | None] = []
        for index, r in enumerate(records):
            if r["number"]:
                number = r["number"]
                kind, depth = r["kind"]
                clause = ClauseNumber(number, kind, depth, 0)
            else:
                clause = find_number(r["text"])
                number = clause.text if clause else None
            ranks.append(None if styled else heading_rank(r["text"], clause))
            paragraphs.append(Paragraph(
                index=index, text=r["text"], number=number, level=r["level"],
                page=r["page"] if page_known else None, style=r["style"], column=r["column"],
            ))
        if not styled:
            for p, level in zip(paragraphs, dense_levels(ranks), strict=True):
                p.level = level
        return paragraphs


def _level_style(el: etree._Element) -> _LevelStyle:
    is_number = el.tag in (f"{TEXT}list-level-style-number", f"{TEXT}outline-level-style")
    start = el.get(f"{TEXT}start-value", "1")
    return _LevelStyle(
        fmt=el.get(f"{STYLE}num-format", "") if is_number else "",
        prefix=el.get(f"{STYLE}num-prefix", ""),
        suffix=el.get(f"{STYLE}num-suffix", ""),
        display=int(el.get(f"{TEXT}display-levels", "1") or 1),
        start=int(start) if start.isdigit() else 1,
        letter_sync=el.get(f"{STYLE}num-letter-sync") == "true",
        pattern=el.get(f"{LOEXT}num-list-format"),
    )


def _render(levels: dict[int, _LevelStyle], counters: list[int | None], depth: int) -> str:
    level = levels.get(depth, _LevelStyle())

    def value(i: int) -> str:
        style = levels.get(i, _LevelStyle())
        n = counters[i - 1] if counters[i - 1] is not None else style.start
        return odf_number(n, style.fmt or "1", style.letter_sync)

    if level.pattern:
        return _PLACEHOLDER.sub(lambda m: value(int(m.group(1))) if 0 < int(m.group(1)) <= depth else "", level.pattern).strip()
    first = max(1, depth - level.display + 1)
    return f"{level.prefix}{'.'.join(value(i) for i in range(first, depth + 1))}{level.suffix}".strip()


def _has_own_paragraph(item: etree._Element) -> bool:
    """Does a list item start with a paragraph or heading (rather than a nested list)?"""
    for child in item:
        if child.tag in (f"{TEXT}p", f"{TEXT}h"):
            return True
        if child.tag == f"{TEXT}list":
            return False
    return False


def _enclosing_table(el: etree._Element) -> etree._Element | None:
    for ancestor in el.iterancestors(f"{TABLE}table"):
        return ancestor
    return None


def _declared_pages(archive: zipfile.ZipFile) -> int | None:
    try:
        raw = read_member(archive, "meta.xml", "")
    except DocumentError:  # a damaged statistics part only costs the page count
        return None
    if raw is None:
        return None
    match = re.search(rb'meta:page-count="(\d+)"', raw)
    return int(match.group(1)) if match else None
