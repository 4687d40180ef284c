"""DOCX (and DOCM/DOTX) → Document: body paragraphs in reading order, tables cell by cell.

Reads the package with zipfile + lxml rather than python-docx's object model: it
is several times faster on a charter, accepts macro-enabled and template
packages, and the numbering and page-break details need the raw XML anyway.

Paragraph numbers come from Word's automatic numbering (docx_numbering) or, when
typed, from the text (clauses.find_number). ``page`` counts Word's
``lastRenderedPageBreak`` marks when the file has them (Word's own pagination
when it last saved), otherwise explicit page and section breaks; when neither
exists it is known only for a document Word says has one page.
"""

from __future__ import annotations

import re
import zipfile

from lxml import etree

from .archive import parse_xml, read_member, resolve_target
from .clauses import ClauseNumber, dense_levels, find_number, heading_rank
from .docx_numbering import Numbering
from .docx_styles import Styles, W, on
from .errors import DocumentError
from .model import Document, Paragraph
from .textflow import clean

_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_STRICT = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_TRANSITIONAL = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Run content and wrappers that never show text in the body.
_SKIP = {
    f"{W}{tag}"
    for tag in (
        "pPr", "rPr", "del", "moveFrom", "instrText", "delText", "delInstrText", "footnoteReference",
        "endnoteReference", "commentReference", "fldChar", "proofErr", "bookmarkStart", "bookmarkEnd",
    )
} | {_MC_FALLBACK}
_ROMAN_FORMATS = {"upperRoman", "lowerRoman"}


def read_docx(archive: zipfile.ZipFile, name: str, size: int | None = None) -> Document:
    main = _main_part(archive, name)
    raw = read_member(archive, main, name)
    if raw is None:
        raise DocumentError(
            name, "the Word package has no main document part", "Save the file again from Word.", "document.corrupt"
        )
    rels = _relations(archive, main, name)
    styles = Styles(_part_xml(archive, rels.get("styles"), name))
    numbering = Numbering(_part_xml(archive, rels.get("numbering"), name), styles)
    body = parse_xml(raw.replace(_STRICT, _TRANSITIONAL), name, main).find(f"{W}body")
    if body is None:
        raise DocumentError(name, "the Word document has no body", "Save the file again from Word.", "document.corrupt")
    walker = _Walker(styles, numbering, rendered=b"lastRenderedPageBreak" in raw)
    walker.block(body, column=None)
    pages = _declared_pages(archive)
    paragraphs = walker.finish(page_known=walker.rendered or walker.explicit_breaks or pages == 1)
    if pages is None and (walker.rendered or walker.explicit_breaks):
        pages = max((p.page or 1 for p in paragraphs), default=1)
    return Document(name=name, format="docx", paragraphs=paragraphs, pages=pages, size=size)


class _Walker:
    """One pass over the body: text, numbers, pages, table columns."""

    def __init__(self, styles: Styles, numbering: Numbering, rendered: bool):
        self.styles = styles
        self.numbering = numbering
        self.rendered = rendered  # count Word's rendered page breaks only
        self.explicit_breaks = False
        self.page = 1
        self.out: list[dict] = []

    def block(self, container: etree._Element, column: int | None) -> None:
        for child in container:
            tag = child.tag
            if tag == f"{W}p":
                self.paragraph(child, column)
            elif tag == f"{W}tbl":
                self.table(child, column)
            elif tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins", f"{W}moveTo"):
                self.block(child, column)

    def table(self, table: etree._Element, outer: int | None) -> None:
        for row in table.iterchildren(f"{W}tr"):
            grid = 0
            for cell in _cells(row):
                self.block(cell, outer if outer is not None else grid)
                span = cell.find(f"{W}tcPr/{W}gridSpan")
                grid += int(span.get(f"{W}val", "1")) if span is not None else 1

    def paragraph(self, p: etree._Element, column: int | None) -> None:
        ppr = p.find(f"{W}pPr")
        style_id = num_id = None
        ilvl = outline = None
        break_before = False
        section_break = False
        if ppr is not None:
            style_el = ppr.find(f"{W}pStyle")
            style_id = style_el.get(f"{W}val") if style_el is not None else None
            num_pr = ppr.find(f"{W}numPr")
            if num_pr is not None:
                num_el = num_pr.find(f"{W}numId")
                num_id = num_el.get(f"{W}val") if num_el is not None else None
                ilvl_el = num_pr.find(f"{W}ilvl")
                ilvl = int(ilvl_el.get(f"{W}val", "0") or 0) if ilvl_el is not None else None
            outline_el = ppr.find(f"{W}outlineLvl")
            if outline_el is not None:
                outline = int(outline_el.get(f"{W}val", "9") or 9)
            if ppr.find(f"{W}pageBreakBefore") is not None:
                break_before = on(ppr.find(f"{W}pageBreakBefore"))
            sect = ppr.find(f"{W}sectPr")
            if sect is not None:
                kind = sect.find(f"{W}type")
                section_break = kind is None or kind.get(f"{W}val") != "continuous"
            if ppr.find(f"{W}rPr/{W}del") is not None and not _has_text(p):
                return  # a deleted paragraph mark of tracked changes
        style_name, _, _, _, style_bold, style_break = self.styles.resolved(style_id)
        if not self.rendered and (break_before or style_break):
            self.explicit_breaks = True
            if self.out:
                self.page += 1

        runs = _Runs(self, style_bold)
        runs.walk(p)
        resolved = self.numbering.resolve(num_id, ilvl, style_id)
        assigned = self.numbering.next_number(*resolved) if resolved else None

        if outline is not None:  # direct outline level wins over the style's
            level = outline + 1 if outline < 9 else None
        else:
            level = self.styles.heading_level(style_id)
        pieces = _split_soft_breaks("".join(runs.text))
        for i, piece in enumerate(pieces):
            record = {
                "text": piece,
                "page": runs.start_page,
                "style": style_name,
                "column": column,
                "styled_level": level if i == 0 else None,
                "bold": runs.all_bold,
                "auto": assigned if i == 0 else None,
            }
            self.out.append(record)
        for box in runs.text_boxes:
            self.block(box, column)
        if section_break and not self.rendered:
            self.explicit_breaks = True
            self.page += 1

    def finish(self, page_known: bool) -> list[Paragraph]:
        records = [r for r in self.out if r["text"]]
        styled = any(r["styled_level"] for r in records)
        paragraphs: list[Paragraph] = []
        ranks: list[float | None] = []
        for index, r in enumerate(records):
            auto = r["auto"]
            number: str | None
            if auto is not None and auto.text:
                number = auto.text
                kind = "roman" if auto.fmt in _ROMAN_FORMATS else "decimal"
                if auto.fmt in ("lowerLetter", "russianLower", "upperLetter", "russianUpper"):
                    kind = "letter"
                clause = ClauseNumber(number, kind, auto.ilvl + 1, 0)
            else:
                clause = find_number(r["text"])
                number = clause.text if clause else None
            if styled:
                ranks.append(None)
            else:
                ranks.append(heading_rank(r["text"], clause, emphasised=r["bold"]))
            paragraphs.append(
                Paragraph(
                    index=index,
                    text=r["text"],
                    number=number,
                    level=r["styled_level"] if styled else None,
                    page=r["page"] if page_known else None,
                    style=r["style"],
                    column=r["column"],
                )
            )
        if not styled:
            for p, level in zip(paragraphs, dense_levels(ranks), strict=True):
                p.level = level
        return paragraphs


class _Runs:
    """Text of one paragraph, with the page it starts on and its text boxes."""

    def __init__(self, walker: _Walker, style_bold: bool):
        self.walker = walker
        self.style_bold = style_bold
        self.text: list[str] = []
        self.has_text = False
        self.start_page = walker.page
        self.all_bold = True
        self.text_boxes: list[etree._Element] = []

    def walk(self, el: etree._Element) -> None:
        for child in el:
            tag = child.tag
            if tag == f"{W}r":
                self.run(child)
            elif tag in _SKIP or not isinstance(tag, str):
                continue
            else:
                self.walk(child)

    def run(self, r: etree._Element) -> None:
        rpr = r.find(f"{W}rPr")
        bold = self.style_bold
        if rpr is not None:
            if on(rpr.find(f"{W}vanish")):
                return
            b = rpr.find(f"{W}b")
            if b is not None:
                bold = on(b)
        for child in r:
            tag = child.tag
            if tag == f"{W}t":
                text = child.text or ""
                if text.strip():
                    if not self.has_text:
                        self.start_page = self.walker.page
                    self.has_text = True
                    self.all_bold = self.all_bold and bold
                self.text.append(text)
            elif tag == f"{W}tab":
                self.text.append(" ")
            elif tag in (f"{W}br", f"{W}cr"):
                if child.get(f"{W}type") == "page":
                    self.text.append("\n")
                    if not self.walker.rendered:
                        self.walker.explicit_breaks = True
                        self.walker.page += 1
                        if not self.has_text:
                            self.start_page = self.walker.page
                elif child.get(f"{W}type") != "column":
                    self.text.append("\n")
            elif tag == f"{W}lastRenderedPageBreak":
                self.walker.page += 1
                if not self.has_text:
                    self.start_page = self.walker.page
            elif tag == f"{W}noBreakHyphen":
                self.text.append("-")
            elif tag in (f"{W}drawing", f"{W}pict", "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"):
                box = _first_text_box(child)
                if box is not None:
                    self.text_boxes.append(box)


def _first_text_box(el: etree._Element) -> etree._Element | None:
    for box in el.iter(f"{W}txbxContent"):
        if not any(a.tag == _MC_FALLBACK for a in box.iterancestors()):
            return box
    return None


def _cells(row: etree._Element):
    for child in row:
        if child.tag == f"{W}tc":
            yield child
        elif child.tag in (f"{W}sdt", f"{W}customXml"):
            yield from child.iter(f"{W}tc")


def _has_text(p: etree._Element) -> bool:
    return any((t.text or "").strip() for t in p.iter(f"{W}t"))


def _split_soft_breaks(text: str) -> list[str]:
    """Soft line breaks join into one paragraph, except before a new clause number."""
    lines = [clean(line) for line in text.split("\n")]
    pieces: list[str] = []
    for line in lines:
        if not line:
            continue
        if pieces and find_number(line) is None:
            pieces[-1] = f"{pieces[-1]} {line}"
        else:
            pieces.append(line)
    return pieces or [""]


def _main_part(archive: zipfile.ZipFile, name: str) -> str:
    rels = read_member(archive, "_rels/.rels", name)
    if rels is not None:
        root = parse_xml(rels, name, "_rels/.rels")
        for rel in root.iter(f"{_REL}Relationship"):
            if rel.get("Type", "").endswith("/officeDocument"):
                return resolve_target("", rel.get("Target", ""))
    return "word/document.xml"


def _relations(archive: zipfile.ZipFile, main: str, name: str) -> dict[str, str]:
    """Kind of related part ("styles", "numbering") → its member name."""
    folder, _, base = main.rpartition("/")
    rels_name = f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"
    found = {"styles": f"{folder}/styles.xml", "numbering": f"{folder}/numbering.xml"}
    raw = read_member(archive, rels_name, name)
    if raw is not None:
        for rel in parse_xml(raw, name, rels_name).iter(f"{_REL}Relationship"):
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            if kind in found and rel.get("TargetMode") != "External":
                found[kind] = resolve_target(main, rel.get("Target", ""))
    return found


def _part_xml(archive: zipfile.ZipFile, member: str | None, name: str) -> etree._Element | None:
    if not member:
        return None
    raw = read_member(archive, member, name)
    if raw is None:
        return None
    return parse_xml(raw.replace(_STRICT, _TRANSITIONAL), name, member)


def _declared_pages(archive: zipfile.ZipFile) -> int | None:
    """Page count Word stored in docProps/app.xml when it last saved."""
    try:
        raw = read_member(archive, "docProps/app.xml", "")
    except DocumentError:  # a damaged statistics part only costs the page count
        return None
    if raw is None:
        return None
    match = re.search(rb"<(?:\w+:)?Pages>(\d+)</", raw)
    words = re.search(rb"<(?:\w+:)?Words>(\d+)</", raw)
    # Files written by programs (python-docx's template says 1 page, 0 words) carry
    # stale figures: trust them only when the word count was filled in too.
    if not match or not words or int(words.group(1)) == 0:
        return None
    return int(match.group(1))
