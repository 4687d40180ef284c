"""The data every reader produces: a document as a list of positioned paragraphs."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Paragraph:
    """One paragraph of a document, with where it stands.

    ``number`` is the clause number as a reader reconstructed it ("1.1.",
    "Статья 3"), also when Word keeps it in automatic list numbering rather than
    in the text. ``level`` is the heading level (1 = top) or None for body text.
    ``confidence`` is the OCR confidence (0–100) of the page, None for text layers.
    ``column`` is the table column (0 = leftmost) a paragraph came from when the
    document sets text side by side (bilingual charters: Kazakh left, Russian
    right), or the text column of a two-column PDF page; None for running text.
    """

    index: int
    text: str
    number: str | None = None
    level: int | None = None
    page: int | None = None
    language: str = "other"  # "ru", "kk" or "other"
    style: str | None = None
    confidence: float | None = None
    column: int | None = None

    @property
    def full_text(self) -> str:
        """The paragraph as a reader sees it: number and text."""
        if self.number and not self.text.startswith(self.number):
            return f"{self.number} {self.text}"
        return self.text


@dataclass
class Stamp:
    """A seal or registration mark found on a page of a scanned document."""

    kind: str  # "seal" (round) or "registration_mark" (rectangular, with text)
    page: int
    box: tuple[int, int, int, int]  # x, y, width, height in page pixels
    text: str = ""
    authority: str | None = None  # registering body, where legible
    date: str | None = None  # ISO date, where legible
    bin: str | None = None
    confidence: float | None = None


@dataclass
class Document:
    """A read document: its paragraphs and what the reader learned on the way."""

    name: str
    format: str  # "docx", "pdf", "odt", "doc", "txt", "image"
    paragraphs: list[Paragraph]
    pages: int | None = None
    ocr_pages: list[int] = field(default_factory=list)
    ocr_confidence: dict[int, float] = field(default_factory=dict)
    # Scanned pages in pure black and white (1-bit): stamps on them are found less often.
    ocr_bitonal_pages: list[int] = field(default_factory=list)
    stamps: list[Stamp] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    size: int | None = None

    @property
    def text(self) -> str:
        return "\n".join(p.full_text for p in self.paragraphs)

    def language_share(self) -> dict[str, float]:
        """Share of characters per detected language."""
        totals: dict[str, int] = {}
        for p in self.paragraphs:
            totals[p.language] = totals.get(p.language, 0) + len(p.text)
        whole = sum(totals.values()) or 1
        return {lang: n / whole for lang, n in totals.items()}

    def summary(self) -> dict:
        """The ``document`` object of the check JSON."""
        return {
            "name": self.name,
            "format": self.format,
            "size": self.size,
            "pages": self.pages,
            "paragraphs": len(self.paragraphs),
            "languages": {k: round(v, 3) for k, v in sorted(self.language_share().items())},
            "ocr_pages": self.ocr_pages,
            "ocr_confidence": {str(k): round(v, 1) for k, v in self.ocr_confidence.items()},
            "ocr_bitonal_pages": self.ocr_bitonal_pages,
            "stamps": [asdict(s) for s in self.stamps],
            "warnings": self.warnings,
        }
