"""Hand-built DOCX/ODT packages with exactly the XML a documents test is about."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
_DOC_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
</Relationships>"""


def docx_bytes(
    body: str, numbering: str = "", styles: str = "", extra: dict[str, str] | None = None, *, macro: bool = False
) -> bytes:
    """A minimal DOCX whose body, numbering.xml and styles.xml are the given XML fragments.

    ``macro``: a macro-enabled package (DOCM) whose main part is word/main.xml.
    """
    ns = f'xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _RELS,
        "word/_rels/document.xml.rels": _DOC_RELS,
        "word/document.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:document {ns}><w:body>{body}</w:body></w:document>',
        "word/numbering.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {ns}>{numbering}</w:numbering>',
        "word/styles.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:styles {ns}>{styles}</w:styles>',
    }
    if macro:
        parts["word/main.xml"] = parts.pop("word/document.xml")
        parts["word/_rels/main.xml.rels"] = parts.pop("word/_rels/document.xml.rels")
        parts["_rels/.rels"] = _RELS.replace("word/document.xml", "word/main.xml")
        parts["[Content_Types].xml"] = _CONTENT_TYPES.replace("/word/document.xml", "/word/main.xml").replace(
            "wordprocessingml.document.main+xml", "ms-word.document.macroEnabled.main+xml"
        ).replace("officedocument.ms-word", "ms-word")
    parts.update(extra or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def p(text: str = "", *, num: tuple[int, int] | None = None, style: str | None = None, ppr: str = "", runs: str | None = None) -> str:
    """A w:p element: text in one run, optional numPr (numId, ilvl) and style."""
    props = ""
    if style:
        props += f'<w:pStyle w:val="{style}"/>'
    props += ppr
    if num is not None:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    content = runs if runs is not None else f"<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>"
    return f"<w:p><w:pPr>{props}</w:pPr>{content}</w:p>"


def abstract(abstract_id: int, levels: list[tuple[str, str]], *, extra: dict[int, str] | None = None, link: str = "") -> str:
    """An abstractNum; ``levels`` are (numFmt, lvlText) per ilvl, ``extra`` adds XML inside a w:lvl."""
    body = ""
    for ilvl, (fmt, text) in enumerate(levels):
        more = (extra or {}).get(ilvl, "")
        body += (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                 f'<w:lvlText w:val="{text}"/>{more}</w:lvl>')
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{link}{body}</w:abstractNum>'


def num(num_id: int, abstract_id: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def odt_bytes(
    body: str, automatic_styles: str = "", styles: str = "", meta: str = "",
    mimetype: str = "application/vnd.oasis.opendocument.text",
) -> bytes:
    """A minimal ODT: mimetype first, content.xml with ``body`` inside office:text."""
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
        'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
        'xmlns:xml="http://www.w3.org/XML/1998/namespace"'
    ).replace(' xmlns:xml="http://www.w3.org/XML/1998/namespace"', "")
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}>'
        f"<office:automatic-styles>{automatic_styles}</office:automatic-styles>"
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    styles_xml = f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {ns}><office:styles>{styles}</office:styles></office:document-styles>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("styles.xml", styles_xml, compress_type=zipfile.ZIP_DEFLATED)
        if meta:
            archive.writestr("meta.xml", meta)
    return buffer.getvalue()


FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def text_pdf(path: Path, pages: list[list[tuple[float, float, str]]], *, size: float = 11.0) -> Path:
    """A PDF with a real text layer: each page is a list of (x, y, text) lines, y from the bottom.

    Written with pdfium itself (DejaVu Sans embedded), so tests can place headers,
    footers and page-crossing paragraphs exactly without LibreOffice.
    """
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument.new()
    font_bytes = Path(FONT).read_bytes()
    font_buffer = (ctypes.c_uint8 * len(font_bytes)).from_buffer_copy(font_bytes)
    font = raw.FPDFText_LoadFont(pdf, font_buffer, len(font_bytes), raw.FPDF_FONT_TRUETYPE, True)
    for lines in pages:
        page = pdf.new_page(595, 842)
        for x, y, text in lines:
            obj = raw.FPDFPageObj_CreateTextObj(pdf, font, size)
            utf16 = ctypes.create_string_buffer((text + "\x00").encode("utf-16-le"))
            raw.FPDFText_SetText(obj, ctypes.cast(utf16, ctypes.POINTER(raw.FPDF_WCHAR)))
            raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
            raw.FPDFPage_InsertObject(page, obj)
        raw.FPDFPage_GenerateContent(page)
    raw.FPDFFont_Close(font)
    pdf.save(path)
    pdf.close()
    return path
