"""The charter checker as the web app uses it: the same core functions as `qogam check`.

Nothing here stores anything: the upload's bytes live for one request.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.conf import settings

DOWNLOADS = {
    "json": ("application/json; charset=utf-8", ".json"),
    "html": ("text/html; charset=utf-8", ".html"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
}


class CheckerUnavailable(RuntimeError):
    """The checking core failed to load (a broken installation), said plainly."""


@dataclass
class Checked:
    result: object  # qogam.rules.CheckResult
    data: dict  # result.to_dict(): the JSON of the CLI
    source: bytes
    name: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.source).hexdigest()


def check_bytes(source: bytes, name: str, *, region: str | None = None, sphere: str | None = None,
                lang: str = "ru") -> Checked:
    """Read and check an upload; raises ``qogam.documents.DocumentError`` for unreadable files."""
    try:
        from qogam.documents import read_bytes
        from qogam.rules import check_document
    except ImportError as exc:  # pragma: no cover - a broken installation
        raise CheckerUnavailable(str(exc)) from exc
    document = read_bytes(source, name, max_bytes=settings.QOGAM_MAX_UPLOAD_BYTES)
    result = check_document(document, region=region or None, sphere=sphere or None, lang=lang)
    return Checked(result=result, data=result.to_dict(), source=source, name=name)


def download(checked: Checked, fmt: str) -> tuple[bytes, str, str]:
    """(content, content type, file name) of a report; DOCX only for a DOCX source."""
    from qogam import reports

    content_type, suffix = DOWNLOADS[fmt]
    stem = checked.name.rsplit(".", 1)[0] or "charter"
    if fmt == "json":
        body = reports.render_json(checked.result, file=checked.name).encode("utf-8")
    elif fmt == "html":
        body = reports.render_html(checked.result).encode("utf-8")
    else:
        body = reports.annotate_docx(checked.result, checked.source)
    return body, content_type, f"{stem}-qogam{suffix}"


def is_docx(checked: Checked) -> bool:
    return checked.data.get("document", {}).get("format") == "docx"


def paragraphs_with_findings(checked: Checked) -> tuple[list[dict], list[dict]]:
    """The document's paragraphs with their findings' severities, and findings with anchors."""
    findings = []
    by_paragraph: dict[int, list[int]] = {}
    for number, finding in enumerate(checked.data.get("findings", []), start=1):
        paragraph = (finding.get("location") or {}).get("paragraph")
        findings.append({**finding, "id": number, "paragraph": paragraph})
        if paragraph is not None:
            by_paragraph.setdefault(paragraph, []).append(number)
    order = {"error": 0, "warning": 1, "info": 2}
    severity_of = {f["id"]: f["severity"] for f in findings}
    paragraphs = []
    for p in checked.result.document.paragraphs:
        ids = by_paragraph.get(p.index, [])
        severities = sorted({severity_of[i] for i in ids}, key=order.get)
        paragraphs.append({
            "index": p.index, "text": p.full_text, "level": p.level, "page": p.page,
            "language": p.language, "findings": ids, "severity": severities[0] if severities else "",
        })
    return paragraphs, findings
