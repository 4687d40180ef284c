"""What qogam understands of a charter: a structured view over the document's paragraphs.

Every extracted item keeps the paragraph indexes it came from, so that a finding
can say where it is and a report can quote it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Clause:
    """A piece of the charter: its text and the paragraph it stands in."""

    text: str
    paragraph: int
    number: str | None = None


@dataclass
class Section:
    """A chapter or article of the charter and the paragraphs under it."""

    title: str
    paragraph: int  # index of the heading paragraph
    end: int  # index one past the last paragraph of the section
    number: str | None = None
    topics: list[str] = field(default_factory=list)  # "goals", "membership", "governance" …


@dataclass
class Body:
    """A governing body named in the charter."""

    kind: str  # "supreme", "executive", "control", "trustees", "other"
    name: str
    paragraph: int
    term_text: str | None = None  # e.g. "сроком на 3 (три) года"
    term_paragraph: int | None = None
    competence: list[int] = field(default_factory=list)  # paragraph indexes


@dataclass
class Territory:
    """Where the organisation acts, with the paragraphs that say so."""

    regions: list[str] = field(default_factory=list)  # KATO codes of first-level units
    whole_country: bool = False
    scope_paragraphs: list[int] = field(default_factory=list)  # the territory clause(s)
    evidence: list[dict] = field(default_factory=list)  # {"kato", "region", "text", "paragraph", "source"}
    branch_regions: list[str] = field(default_factory=list)


@dataclass
class Charter:
    legal_form: str | None = None
    legal_form_text: str | None = None
    legal_form_paragraph: int | None = None
    in_scope: bool = True  # False for parties, religious associations, trade unions, state institutions
    is_charter: bool = True
    foreign_country: str | None = None  # e.g. "RU" when the charter is of another country's NGO
    language: str = "ru"  # "ru", "kk" or "bilingual"
    russian_part: tuple[int, int] | None = None  # paragraph range used for analysis
    name_full_ru: str | None = None
    name_short_ru: str | None = None
    name_full_kk: str | None = None
    name_short_kk: str | None = None
    name_paragraph: int | None = None
    seat: Clause | None = None
    status: str | None = None  # "republican", "regional", "local"
    status_paragraph: int | None = None
    registering_authority: Clause | None = None
    sections: list[Section] = field(default_factory=list)
    goals: list[Clause] = field(default_factory=list)
    activities: list[Clause] = field(default_factory=list)
    bodies: list[Body] = field(default_factory=list)
    membership: list[int] = field(default_factory=list)
    property_sources: list[int] = field(default_factory=list)
    amendment: list[int] = field(default_factory=list)
    liquidation: list[int] = field(default_factory=list)
    liquidation_property: list[int] = field(default_factory=list)
    branches: list[Clause] = field(default_factory=list)
    territory: Territory = field(default_factory=Territory)
    profile: list[dict] = field(default_factory=list)  # activity categories with their goals

    def summary(self) -> dict:
        """The ``charter`` object of the check JSON."""
        return {
            "legal_form": self.legal_form,
            "in_scope": self.in_scope,
            "language": self.language,
            "name": {
                "full_ru": self.name_full_ru,
                "short_ru": self.name_short_ru,
                "full_kk": self.name_full_kk,
                "short_kk": self.name_short_kk,
            },
            "seat": self.seat.text if self.seat else None,
            "status": self.status,
            "regions": self.territory.regions,
            "whole_country": self.territory.whole_country,
            "goals": [g.text for g in self.goals],
            "activities": [a.text for a in self.activities],
            "bodies": [
                {"kind": b.kind, "name": b.name, "term": b.term_text, "paragraph": b.paragraph}
                for b in self.bodies
            ],
            "sections": [
                {"title": s.title, "number": s.number, "paragraph": s.paragraph, "topics": s.topics}
                for s in self.sections
            ],
            "branches": [b.text for b in self.branches],
            "profile": self.profile,
        }
