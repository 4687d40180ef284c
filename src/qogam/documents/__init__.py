"""Reading documents (DOCX, PDF, ODT, DOC, RTF, TXT, images) into positioned paragraphs."""

from .errors import DocumentError
from .model import Document, Paragraph, Stamp
from .reader import DEFAULT_MAX_BYTES, read_bytes, read_document, read_text

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Document",
    "DocumentError",
    "Paragraph",
    "Stamp",
    "read_bytes",
    "read_document",
    "read_text",
]
