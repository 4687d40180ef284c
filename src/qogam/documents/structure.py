"""Rebuilt text blocks → numbered, levelled Paragraphs (readers without styles)."""

from __future__ import annotations

from .clauses import dense_levels, find_number, heading_rank
from .model import Paragraph
from .textflow import Block


def paragraphs_from_blocks(blocks: list[Block], start: int = 0) -> list[Paragraph]:
    """Paragraphs with the number found in the text (kept in it) and guessed heading levels."""
    paragraphs: list[Paragraph] = []
    ranks: list[float | None] = []
    for offset, block in enumerate(blocks):
        clause = find_number(block.text)
        ranks.append(heading_rank(block.text, clause))
        paragraphs.append(
            Paragraph(
                index=start + offset,
                text=block.text,
                number=clause.text if clause else None,
                page=block.page,
                column=block.column,
            )
        )
    for paragraph, level in zip(paragraphs, dense_levels(ranks), strict=True):
        paragraph.level = level
    return paragraphs
