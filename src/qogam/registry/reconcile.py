"""Match names from people's spreadsheets to registry organisations (behind /api/reconcile).

Candidates come from the full-text index (every word first, any word as a fallback);
the score is the best string similarity between the query and one of the names,
so «ОФ Мейірім» and «Общественный фонд «Мейірім»» both score high.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from .identifiers import InvalidBIN, clean_bin
from .models import Organization
from .reference import legal_forms, region_name
from .search import fulltext
from .textnorm import fold

CANDIDATES = 40
MATCH_SCORE = 90.0
MATCH_MARGIN = 8.0
LIQUIDATED_FLAG = "[liquidated]"


@dataclass
class Candidate:
    organization: Organization
    score: float
    match: bool = False

    @property
    def name(self) -> str:
        org = self.organization
        flag = f" {LIQUIDATED_FLAG}" if org.register_status == Organization.RegisterStatus.LIQUIDATED else ""
        return f"{org.name_full_ru}{flag}"

    @property
    def description(self) -> str:
        org = self.organization
        parts = [f"БИН {org.bin}", region_name(org.region, "ru")]
        if org.registered_on:
            parts.append(f"рег. {org.registered_on:%d.%m.%Y}")
        if org.register_status != Organization.RegisterStatus.REGISTERED:
            parts.append(org.get_register_status_display())
        return ", ".join(p for p in parts if p)


def _comparable(text: str) -> str:
    """Folded words without quotes and legal-form phrases, for similarity."""
    folded = " ".join(re.findall(r"[0-9a-zа-я]+", fold(text or "")))
    for form in legal_forms().values():
        for pattern in form.patterns:
            folded = re.sub(rf"(?<![а-я]){re.escape(pattern)}(?![а-я])", " ", folded)
        for abbreviation in form.abbreviations:
            folded = re.sub(rf"(?<![а-я]){re.escape(fold(abbreviation))}(?![а-я])", " ", folded)
    return " ".join(folded.split())


def similarity(query: str, org: Organization) -> float:
    wanted = _comparable(query)
    if not wanted:
        return 0.0
    best = 0.0
    for name in (org.name_full_ru, org.name_short_ru, org.name_full_kk, org.name_short_kk):
        if name:
            best = max(best, SequenceMatcher(None, wanted, _comparable(name)).ratio())
    return round(best * 100, 1)


def reconcile(query: str, *, limit: int = 5, region: str | None = None, legal_form: str | None = None,
              bin_value: str | None = None) -> list[Candidate]:
    """Best candidates for a name (or a BIN), most likely first; ``match`` marks a confident one."""
    text = (query or "").strip()
    for maybe_bin in (bin_value, text):
        if maybe_bin:
            try:
                exact = Organization.objects.filter(bin=clean_bin(maybe_bin)).first()
            except InvalidBIN:
                exact = None
            if exact:
                return [Candidate(exact, 100.0, True)]
    queryset = Organization.objects.all()
    if region:
        queryset = queryset.filter(region=region)
    if legal_form:
        queryset = queryset.filter(legal_form=legal_form)
    ids = fulltext.ranked_ids(queryset, text, 0, CANDIDATES)
    if not ids:
        ids = fulltext.ranked_ids(queryset, text, 0, CANDIDATES, any_word=True)
    organizations = Organization.objects.in_bulk(ids)
    candidates = [Candidate(org, similarity(text, org)) for org in organizations.values()]
    candidates.sort(key=lambda c: (-c.score, c.organization.register_status == "liquidated", c.organization.bin))
    candidates = candidates[: max(1, min(limit, 25))]
    if candidates and candidates[0].score >= MATCH_SCORE:
        runner_up = candidates[1].score if len(candidates) > 1 else 0.0
        candidates[0].match = candidates[0].score - runner_up >= MATCH_MARGIN
    return candidates
