"""Word paragraph styles: names, inheritance, heading levels and style-given numbering."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_NAME = re.compile(r"^(?:heading|заголовок)\s*(\d)$", re.IGNORECASE)


def on(el: etree._Element | None) -> bool:
    """A Word toggle property (``<w:b/>``, ``<w:vanish w:val="0"/>``) is set."""
    if el is None:
        return False
    return el.get(f"{W}val", "true") not in ("0", "false", "off")


def int_val(el: etree._Element | None) -> int | None:
    if el is None:
        return None
    try:
        return int(el.get(f"{W}val", ""))
    except ValueError:
        return None


@dataclass
class Style:
    style_id: str
    name: str
    based_on: str | None = None
    num_id: str | None = None
    ilvl: int | None = None
    outline: int | None = None  # w:outlineLvl, 0-based; 9 means body text
    bold: bool | None = None
    page_break_before: bool = False


class Styles:
    """The paragraph styles of a document, with ``basedOn`` inheritance resolved on demand."""

    def __init__(self, root: etree._Element | None):
        self.by_id: dict[str, Style] = {}
        self.default_id: str | None = None
        self._cache: dict[str, tuple] = {}
        if root is None:
            return
        for el in root.iter(f"{W}style"):
            if el.get(f"{W}type", "paragraph") not in ("paragraph", "numbering"):
                continue
            style_id = el.get(f"{W}styleId", "")
            name_el = el.find(f"{W}name")
            name = name_el.get(f"{W}val", style_id) if name_el is not None else style_id
            style = Style(style_id, _display_name(name))
            based = el.find(f"{W}basedOn")
            if based is not None:
                style.based_on = based.get(f"{W}val")
            ppr = el.find(f"{W}pPr")
            if ppr is not None:
                num_pr = ppr.find(f"{W}numPr")
                if num_pr is not None:
                    num = num_pr.find(f"{W}numId")
                    style.num_id = num.get(f"{W}val") if num is not None else None
                    style.ilvl = int_val(num_pr.find(f"{W}ilvl"))
                style.outline = int_val(ppr.find(f"{W}outlineLvl"))
                style.page_break_before = on(ppr.find(f"{W}pageBreakBefore"))
            rpr = el.find(f"{W}rPr")
            if rpr is not None and rpr.find(f"{W}b") is not None:
                style.bold = on(rpr.find(f"{W}b"))
            self.by_id[style_id] = style
            if el.get(f"{W}default") in ("1", "true") and el.get(f"{W}type", "paragraph") == "paragraph":
                self.default_id = style_id

    def chain(self, style_id: str | None) -> list[Style]:
        """The style and the styles it is based on, nearest first (cycles cut)."""
        out: list[Style] = []
        seen: set[str] = set()
        current = style_id if style_id in self.by_id else self.default_id
        while current and current in self.by_id and current not in seen:
            seen.add(current)
            style = self.by_id[current]
            out.append(style)
            current = style.based_on
        return out

    def resolved(self, style_id: str | None) -> tuple[str | None, str | None, int | None, int | None, bool, bool]:
        """(name, num_id, ilvl, outline level, bold, page break before), inherited."""
        key = style_id or ""
        if key in self._cache:
            return self._cache[key]
        chain = self.chain(style_id)
        name = chain[0].name if chain else None
        num_id = next((s.num_id for s in chain if s.num_id is not None), None)
        ilvl = next((s.ilvl for s in chain if s.num_id is not None or s.ilvl is not None), None)
        outline = next((s.outline for s in chain if s.outline is not None), None)
        bold = next((s.bold for s in chain if s.bold is not None), False)
        page_break = any(s.page_break_before for s in chain)
        result = (name, num_id, ilvl, outline, bold, page_break)
        self._cache[key] = result
        return result

    def heading_level(self, style_id: str | None) -> int | None:
        """Level from the style name (Heading 2, Заголовок 2) or its outline level."""
        for style in self.chain(style_id):
            match = _HEADING_NAME.match(style.name)
            if match:
                return max(1, int(match.group(1)))
            if style.outline is not None:
                return style.outline + 1 if style.outline < 9 else None
        return None

    def numbering_style_num(self, style_id: str) -> str | None:
        """numId that a numbering style (w:type="numbering") points to."""
        style = self.by_id.get(style_id)
        return style.num_id if style else None


def _display_name(name: str) -> str:
    """Word stores built-in names in lower case ("heading 1"); show them as Word does."""
    if name.islower() and name.isascii():
        return name[:1].upper() + name[1:]
    return name
