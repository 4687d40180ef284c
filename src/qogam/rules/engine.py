"""Run the catalogue's checks over a charter and collect findings.

A check is a function ``check(ctx, rule) -> list[Hit]`` registered for one slug with
``@check("structure.missing-goals")`` in ``qogam/rules/checks/<family>.py``. It says what is wrong
and where; the engine turns that into a Finding with the rule's texts in the chosen language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from qogam.charter import Charter, parse_charter
from qogam.documents import Document, read_document

from . import catalogue as catalogue_module
from .model import Finding, Location


@dataclass
class Hit:
    """One occurrence of a problem: where, and the values for the message placeholders."""

    paragraph: int | None = None
    section: str | None = None
    details: dict = field(default_factory=dict)
    low_confidence: bool = False  # the check itself is unsure (besides OCR's page confidence)


@dataclass
class Context:
    document: Document
    charter: Charter
    region: str | None = None  # KATO code asked about (--region)
    sphere: str | None = None  # social-order sphere asked about (--sphere)
    lang: str = "ru"
    registered: bool = False  # presented as the registered charter (--registered)

    def paragraph(self, index: int | None):
        if index is None or not (0 <= index < len(self.document.paragraphs)):
            return None
        return self.document.paragraphs[index]

    @property
    def title_paragraph(self) -> int | None:
        """Where a missing item's comment goes when no better place is known."""
        if self.charter.russian_part:
            return self.charter.russian_part[0]
        return 0 if self.document.paragraphs else None


CheckFunction = Callable[[Context, "catalogue_module.Rule"], list[Hit]]
_CHECKS: dict[str, CheckFunction] = {}


def check(slug: str) -> Callable[[CheckFunction], CheckFunction]:
    def register(fn: CheckFunction) -> CheckFunction:
        if slug in _CHECKS:
            raise ValueError(f"two checks registered for {slug}")
        _CHECKS[slug] = fn
        return fn

    return register


def registered_checks() -> dict[str, CheckFunction]:
    from . import checks  # noqa: F401  (importing registers every check)

    return dict(_CHECKS)


# Rules that decide whether the rest makes sense: if one fires, the charter checks are skipped.
_GATES = ("document.not-a-charter", "document.foreign", "document.not-npo", "document.out-of-scope")


@dataclass
class CheckResult:
    document: Document
    charter: Charter
    findings: list[Finding]
    lang: str = "ru"

    @property
    def exit_code(self) -> int:
        return 1 if any(f.severity == "error" for f in self.findings) else 0

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            out[f.severity] += 1
        return out

    def to_dict(self) -> dict:
        return {
            "document": self.document.summary(),
            "charter": self.charter.summary(),
            "findings": [f.to_dict() for f in self.findings],
            "summary": self.counts(),
        }


def _finding(ctx: Context, rule, hit: Hit, cat) -> Finding:
    p = ctx.paragraph(hit.paragraph)
    details = dict(hit.details)
    values = {**rule.thresholds, **details}
    values.setdefault("quote", _short(p.text) if p else "")

    def render(texts: dict) -> str:
        try:
            return texts[ctx.lang].format(**values)
        except (KeyError, IndexError):
            return texts[ctx.lang]

    low = hit.low_confidence
    if not low and p is not None and p.confidence is not None:  # a recognised page: OCR's own threshold decides
        from qogam.documents.ocr import is_low_confidence

        low = is_low_confidence(ctx.document, p.index)
    return Finding(
        rule=rule.slug,
        severity=rule.severity_of(ctx.charter.legal_form),
        message=render(rule.message),
        legal_basis=cat.legal_basis_text(rule, ctx.lang),
        fix=render(rule.fix),
        location=Location(
            paragraph=hit.paragraph,
            number=p.number if p else None,
            page=p.page if p else None,
            quote=_short(p.full_text) if p else None,
            section=hit.section,
        ),
        details=details,
        low_confidence=low,
    )


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def check_document(
    document: Document,
    *,
    region: str | None = None,
    sphere: str | None = None,
    lang: str = "ru",
    registered: bool = False,
) -> CheckResult:
    """Check a read document; the findings come in document order, errors first at a tie."""
    if lang not in catalogue_module.LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {catalogue_module.LANGUAGES}")
    cat = catalogue_module.load()
    charter = parse_charter(document)
    ctx = Context(document=document, charter=charter, region=region, sphere=sphere, lang=lang, registered=registered)
    checks = registered_checks()
    findings: list[Finding] = []
    for slug in _GATES:
        rule = cat.get(slug)
        hits = checks[slug](ctx, rule) if rule.applies(charter.legal_form) or slug == "document.not-npo" else []
        findings.extend(_finding(ctx, rule, h, cat) for h in hits)
        if hits:
            return CheckResult(document, charter, findings, lang)
    for rule in cat.rules:
        if rule.slug in _GATES or not rule.applies(charter.legal_form):
            continue
        fn = checks.get(rule.slug)
        if fn is None:
            continue
        findings.extend(_finding(ctx, rule, h, cat) for h in fn(ctx, rule))
    order = {"error": 0, "warning": 1, "info": 2}
    findings.sort(key=lambda f: (f.location.paragraph if f.location.paragraph is not None else -1, order[f.severity]))
    return CheckResult(document, charter, findings, lang)


def check_file(
    path: str | Path,
    *,
    region: str | None = None,
    sphere: str | None = None,
    lang: str = "ru",
    registered: bool = False,
) -> CheckResult:
    """Read and check a file. Raises ``DocumentError`` when it cannot be read."""
    return check_document(read_document(path), region=region, sphere=sphere, lang=lang, registered=registered)
