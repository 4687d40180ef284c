"""Findings and the result of a check."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")


@dataclass
class Location:
    paragraph: int | None = None  # paragraph index in the document
    number: str | None = None  # clause number as printed ("4.2.")
    page: int | None = None
    quote: str | None = None
    section: str | None = None  # where a missing item should have been

    def to_dict(self) -> dict:
        return {
            "paragraph": self.paragraph,
            "number": self.number,
            "page": self.page,
            "quote": self.quote,
            "section": self.section,
        }


@dataclass
class Finding:
    rule: str
    severity: str
    message: str
    legal_basis: str
    fix: str
    location: Location = field(default_factory=Location)
    details: dict = field(default_factory=dict)
    # Set when the finding rests on a badly recognised scanned page.
    low_confidence: bool = False

    def to_dict(self) -> dict:
        data = {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "legal_basis": self.legal_basis,
            "location": self.location.to_dict(),
            "fix": self.fix,
        }
        if self.details:
            data["details"] = self.details
        if self.low_confidence:
            data["low_confidence"] = True
        return data
