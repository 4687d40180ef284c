"""Findings -> text / JSON / HTML / Word file with comments. No Django here.

    render_text(result, color=False) -> str
    render_json(result) -> str          (the JSON contract of DESIGN.md)
    render_html(result) -> str          (standalone page)
    annotate_docx(result, source_bytes) -> bytes
"""

from __future__ import annotations

import json

from .docx import annotate_docx
from .html import render_html
from .text import render_text


def render_json(result, *, indent: int | None = 2, file: str | None = None) -> str:
    data = result.to_dict()
    if file is not None:
        data = {"file": file, **data}
    return json.dumps(data, ensure_ascii=False, indent=indent)


__all__ = ["annotate_docx", "render_html", "render_json", "render_text"]
