"""Registration marks and appendices (issue #7: what a registrar sees on a registered copy)."""

from __future__ import annotations

from qogam.documents.marks import missing_appendices, registration_marks

from ..engine import Context, Hit, check


@check("document.stamp-missing")
def stamp_missing(ctx: Context, rule) -> list[Hit]:
    # A registered copy is what the user says it is (--registered), or a scan: drafts are typed.
    presented_as_registered = ctx.registered or bool(ctx.document.ocr_pages)
    if not presented_as_registered or registration_marks(ctx.document):
        return []
    # On a 1-bit scan a mark stamped over the text is missed about every second time
    # (README, stamp figures): the finding says it is unsure rather than wrong.
    pages = ctx.document.ocr_pages
    black_and_white = bool(pages) and set(pages) <= set(ctx.document.ocr_bitonal_pages)
    return [Hit(paragraph=ctx.title_paragraph, section="Отметка о государственной регистрации",
                details={"scan": "1-bit"} if black_and_white else {}, low_confidence=black_and_white)]


@check("document.appendix-missing")
def appendix_missing(ctx: Context, rule) -> list[Hit]:
    return [
        Hit(paragraph=index, details={"appendix": label or "—"})
        for index, label in missing_appendices(ctx.document)
    ]
