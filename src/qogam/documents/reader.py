"""Choose a reader by the file's content (not its name) and run it.

Temporary minimal version: plain text only. The full dispatcher (DOCX, PDF,
ODT, DOC, images, limits) replaces it.
"""

from __future__ import annotations

from pathlib import Path

from .errors import DocumentError
from .model import Document, Paragraph


def read_text(text: str, name: str = "<text>") -> Document:
    """A document from a string: one paragraph per non-empty line."""
    paragraphs = [
        Paragraph(index=i, text=line.strip())
        for i, line in enumerate(line for line in text.splitlines() if line.strip())
    ]
    return Document(name=name, format="txt", paragraphs=paragraphs, size=len(text.encode()))


def read_document(path: str | Path) -> Document:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(path.name, f"cannot open the file ({exc.strerror})", "Check the path.", "document.missing") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1251")
    return read_text(text, path.name)
