"""HTML (a charter saved as a web page, or a .doc that Word wrote as HTML) → Document."""

from __future__ import annotations

import lxml.html
from lxml import etree

from .model import Document
from .txt_reader import read_plain_text

_BLOCKS = {
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "br", "table", "ul", "ol",
    "blockquote", "pre", "section", "article", "dt", "dd", "title",
}
_DROP = {"script", "style", "head", "noscript", "template"}


def looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or (head.startswith(b"<") and b"<html" in head)


def read_html(data: bytes, name: str) -> Document:
    """Text of the block elements, one per line, then the plain-text paragraph rebuild."""
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
    root = lxml.html.document_fromstring(data, parser=parser)
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
