"""HTML (a charter saved as a web page, or a .doc that Word wrote as HTML) → Document."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from .errors import DocumentError
from .model import Document
from .txt_reader import decode, read_plain_text

_BLOCKS = {
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "br", "table", "ul", "ol",
    "blockquote", "pre", "section", "article", "dt", "dd", "title",
}
_DROP = {"script", "style", "head", "noscript", "template"}
_DECLARED_CHARSET = re.compile(rb"""charset\s*=\s*["']?[\w-]+|<\?xml[^>]*encoding=""", re.IGNORECASE)


def looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or (head.startswith(b"<") and b"<html" in head)


def read_html(data: bytes, name: str) -> Document:
    """Text of the block elements, one per line, then the plain-text paragraph rebuild."""
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
    source: bytes | str = data
    if not _DECLARED_CHARSET.search(data[:4096]):
        # Without a declared charset libxml2 assumes Latin-1 and turns Cyrillic into
        # mojibake: decode the way plain text is decoded (UTF-8, else cp1251/KOI8-R).
        source, _ = decode(data, name)
    try:
        root = lxml.html.document_fromstring(source, parser=parser)
    except etree.ParserError as exc:  # «Document is empty»: a bare doctype, tags without text
        raise DocumentError(
            name, "the HTML page has no text", "Save the charter as DOCX or PDF and try again.", "document.empty"
        ) from exc
    lines: list[str] = [""]
    _walk(root, lines)
    return read_plain_text("\n".join(lines), name, fmt="html")


def _walk(el: etree._Element, lines: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _DROP:
        return
    block = tag in _BLOCKS
    if block:
        lines.append("")
    if el.text and tag:
        lines[-1] += _flat(el.text)
    for child in el:
        _walk(child, lines)
        if child.tail:
            lines[-1] += _flat(child.tail)
    if block:
        lines.append("")


def _flat(text: str) -> str:
    """HTML source line breaks inside a block are just spaces."""
    return text.replace("\r", " ").replace("\n", " ")
