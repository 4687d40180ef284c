"""Reading documents (DOCX, PDF, ODT, DOC, TXT, images) into positioned paragraphs."""

from .errors import DocumentError
from .model import Document, Paragraph, Stamp
from .reader import read_document, read_text

__all__ = ["Document", "DocumentError", "Paragraph", "Stamp", "read_document", "read_text"]
