"""Territorial status and the territory of activity (ОО Law Art. 7 and Art. 12 п.3)."""

from __future__ import annotations

import re

from qogam.documents import Paragraph

from . import vocabulary
from .model import Charter, Clause, Territory
from .sections import is_heading
from .text import norm, sentences
from .vocabulary import normalise as norm_text

_STATUS_CONTEXT = re.compile(r"(статус\w*|является|мәртебе\w*|объединение\s+имеет|действует\s+как|в\s+качестве)")


def declared_status(paragraphs: list[Paragraph]) -> tuple[str | None, int | None]:
    """The status the charter declares: «Объединение имеет статус местного …»,
    «является республиканским общественным объединением»."""
    status_pat = vocabulary.pattern("topics", "status", "content")
    for p in paragraphs:
        text = norm(p)
        if not status_pat.search(text) or not _STATUS_CONTEXT.search(text):
            continue
        for status, pat in vocabulary.statuses():
            for m in pat.finditer(text):
                window = text[max(0, m.start() - 60) : m.end() + 60]
                # «местного исполнительного органа», «местных сообществ» are not a status.
                if re.search(r"(статус|является|мәртебе|объединени|бiрлестi|бірлесті|действует\s+как)", window) and not re.search(
                    r"(исполнительн|сообществ|самоуправлен|бюджет|органов\s+власти)", text[m.end() : m.end() + 30]
                ):
                    return status, p.index
    return None, None


_BRANCH_WORD = re.compile(r"филиал\w*|представительств\w*|структурн\w*\s+подразделени\w*|филиалдар\w*|өкiлдiк|өкілдік")
# «филиалы в …», «филиалы на территории …», «имеет филиалы в …» — not «филиалы могут создаваться».
_BRANCH_PLACE = re.compile(r"(филиал\w*|представительств\w*|подразделени\w*)\W+(\S+\s+){0,4}(в|на)\s")


def territory(charter: Charter, paragraphs: list[Paragraph], goal_indexes: list[int]) -> None:
    """Regions where the organisation acts, from the territory clause, branches, goals and seat."""
    from qogam import geo

    from .items import list_after

    scope_pat = vocabulary.pattern("topics", "territory", "content")
    by_index = {p.index: p for p in paragraphs}
    result = Territory()
    regions: list[str] = []

    def add(text: str, index: int, source: str) -> list[str]:
        found = geo.analyse(text)
        for place in found.places:
            if place.region:
                result.evidence.append(
                    {"kato": place.kato, "region": place.region, "text": place.text, "paragraph": index, "source": source}
                )
        # ``regions`` also holds an ambiguous place whose candidates all lie in one region.
        return list(found.regions)

    def add_branches(text: str, p: Paragraph) -> None:
        codes = add(text, p.index, "branch")
        result.branch_regions.extend(codes)
        regions.extend(codes)
        if codes:
            charter.branches.append(Clause(text=text.strip(), paragraph=p.index, number=p.number))

    for pos, p in enumerate(paragraphs):
        text = norm(p)
        if is_heading(p):
            continue
        is_scope = bool(scope_pat.search(text))
        if is_scope:
            result.scope_paragraphs.append(p.index)
            if geo.states_whole_country(p.text):
                result.whole_country = True
        if not _BRANCH_WORD.search(text):
            if is_scope:
                regions.extend(add(p.text, p.index, "territory"))
            continue
        # A paragraph may state the territory and the branches in different sentences.
        for sentence in sentences(p.text):
            lowered = norm_text(sentence)
            if _BRANCH_PLACE.search(lowered):
                add_branches(sentence, p)
            elif is_scope:
                regions.extend(add(sentence, p.index, "territory"))
        if p.text.rstrip().endswith(":"):  # «Структурными подразделениями являются филиалы:» + a list
            for item in list_after(paragraphs, pos):
                add_branches(item.text, by_index[item.paragraph])
    for i in goal_indexes:
        if i in by_index and i not in result.scope_paragraphs:
            regions.extend(add(by_index[i].text, i, "goals"))
    if not regions and charter.seat is not None and charter.seat.paragraph in by_index:
        regions.extend(add(charter.seat.text, charter.seat.paragraph, "seat"))
    result.regions = sorted(set(regions))
    result.branch_regions = sorted(set(result.branch_regions))
    charter.territory = result


_OTHER_ORGANISATION = re.compile(r"\bбин\b|\bиин\b|товариществ\w*\s+с\s+ограниченн|\bтоо\b|акционерн\w*\s+обществ")


def seat(paragraphs: list[Paragraph]) -> Clause | None:
    pat = vocabulary.pattern("topics", "seat", "content")
    for p in paragraphs:
        text = norm(p)
        m = pat.search(text)
        # «по месту нахождения» of someone else is not the seat; the seat comes with an address.
        if _OTHER_ORGANISATION.search(text):
            continue  # a founder's or a partner's address, not the organisation's seat
        if m and re.search(r"(республик|област|город|г\.|ул\.|улиц|проспект|пр\.|район|дом|д\.|облыс|қала|көше|индекс|\d{6})", text[m.end() :]):
            return Clause(text=p.text.strip(), paragraph=p.index, number=p.number)
    return None


def registering_authority(document, paragraphs: list[Paragraph]) -> Clause | None:
    """The justice body that registered the charter: from a registration mark stamped on a
    scan or typed in the text («Зарегистрирован Департаментом юстиции г. Алматы …»)."""
    from qogam.documents.marks import registration_marks

    for mark in registration_marks(document):
        if not mark.authority:
            continue
        on_page = [p.index for p in paragraphs if mark.page is None or p.page == mark.page]
        index = next((p.index for p in paragraphs if mark.authority[:20] in p.text), None)
        at = index if index is not None else (on_page[0] if on_page else (paragraphs[0].index if paragraphs else 0))
        return Clause(text=mark.authority, paragraph=at)
    return None
