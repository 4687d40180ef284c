"""The checked DOCX returned with a Word comment on each offending paragraph.

Lawyers review documents in Word: every finding becomes a comment anchored on its paragraph;
a missing section's comment goes on the title (where the finding points).
"""

from __future__ import annotations

import io
import re

from qogam.rules import CheckResult

from .words import where, word

_SPACE = re.compile(r"\s+")


def _key(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def _word_paragraphs(doc) -> list:
    """Every paragraph of the body in reading order, table cells included."""
    from docx.text.paragraph import Paragraph as DocxParagraph

    body = doc.element.body
    return [DocxParagraph(p, doc._body) for p in body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")]


def _align(result: CheckResult, word_paragraphs: list) -> dict[int, object]:
    """Map qogam paragraph indexes to Word paragraphs by walking both in order."""
    texts = [_key(p.text) for p in word_paragraphs]
    mapping: dict[int, object] = {}
    cursor = 0
    for para in result.document.paragraphs:
        probe = _key(para.text)[:40]
        if not probe:
            continue
        for j in range(cursor, len(texts)):
            if probe in texts[j]:
                mapping[para.index] = word_paragraphs[j]
                # One Word paragraph may hold several of ours (soft line breaks): stay on it.
                cursor = j
                break
    return mapping


def annotate_docx(result: CheckResult, source: bytes) -> bytes:
    """The source DOCX with one comment per finding. Raises ValueError if it is not a DOCX."""
    import docx

    try:
        doc = docx.Document(io.BytesIO(source))
    except Exception as exc:  # python-docx raises several types for a non-DOCX
        raise ValueError(f"not a DOCX file: {exc}") from exc
    lang = result.lang
    paragraphs = _word_paragraphs(doc)
    mapping = _align(result, paragraphs)
    fallback = next((p for p in paragraphs if p.text.strip()), None)
    for f in result.findings:
        target = mapping.get(f.location.paragraph) if f.location.paragraph is not None else None
        target = target or fallback
        if target is None:
            continue
        runs = [r for r in target.runs if r.text] or target.runs or [target.add_run("")]
        parts = [f"[{word(f.severity, lang)}] {f.message}"]
        if f.location.section:
            parts.append(f"{word('should_be', lang)} «{f.location.section}».")
        parts.append(f"{word('basis', lang)}: {f.legal_basis}.")
        parts.append(f"{word('fix', lang)}: {f.fix}")
        parts.append(f"({f.rule}{', ' + where(f.location, lang) if where(f.location, lang) else ''})")
        doc.add_comment(runs, text="\n".join(parts), author=word("comment_author", lang), initials="Q")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
