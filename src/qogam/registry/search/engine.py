"""Search the registry: filters, full text, facets with counts, sorting, paging."""

from __future__ import annotations

import hashlib
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Q, QuerySet

from ..identifiers import InvalidBIN, clean_bin
from ..models import Organization, RegistrySetting
from . import columns, fulltext
from .params import FACETS, SearchParams

_ORDER = {
    "name": ("sort_name", "id"),
    "-name": ("-sort_name", "-id"),
    "registered": ("registered_on", "id"),
    "-registered": ("-registered_on", "-id"),
    "bin": ("bin",),
}
FACET_CACHE_SECONDS = 300
# On PostgreSQL, above this many matches results come in name order: relevance says little
# there (every name holds «фонд») and ranking every match cost hundreds of milliseconds.
# SQLite ranks inside its FTS5 index cheaply and always orders by relevance.
RANK_LIMIT = 5000


@dataclass
class SearchResult:
    params: SearchParams
    total: int
    items: list[Organization]
    facets: dict[str, list[tuple[str, int]]]  # facet → [(value, count)], most frequent first
    bin_match: bool = False  # the query was a BIN (exact or prefix)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.params.page_size))


@dataclass
class _Plan:
    """The non-text filters as a queryset, and the words to match (None: no full text)."""

    base: QuerySet
    text: str | None
    is_bin: bool = False

    def queryset(self) -> QuerySet:
        return self.base if self.text is None else fulltext.match(self.base, self.text)


def _bin_filter(queryset: QuerySet, digits: str) -> QuerySet:
    if len(digits) >= 10:
        try:
            return queryset.filter(bin=clean_bin(digits))
        except InvalidBIN:
            return queryset.filter(bin=digits)
    # A prefix as a range, so that the unique index on bin serves it on every database.
    return queryset.filter(bin__gte=digits, bin__lt=digits + "~")


def _apply(queryset: QuerySet, params: SearchParams, skip: str | None = None) -> QuerySet:
    for name, column in FACETS.items():
        values = getattr(params, name)
        if not values or name == skip:
            continue
        if column == "registration_year":
            queryset = queryset.filter(registration_year__in=[int(v) for v in values if v.isdigit()])
        elif column in ("territorial_status", "icnpo_group") and "none" in values:
            real = [v for v in values if v != "none"]
            queryset = queryset.filter(Q(**{f"{column}__in": real}) | Q(**{column: ""}))
        else:
            queryset = queryset.filter(**{f"{column}__in": list(values)})
    if params.year_from:
        queryset = queryset.filter(registration_year__gte=params.year_from)
    if params.year_to:
        queryset = queryset.filter(registration_year__lte=params.year_to)
    return queryset


def plan(params: SearchParams, skip_facet: str | None = None) -> _Plan:
    queryset = Organization.objects.all()
    text = None
    is_bin = False
    if params.q:
        digits = params.q.replace(" ", "")
        if digits.isdigit() and len(digits) >= 4:
            queryset, is_bin = _bin_filter(queryset, digits), True
        else:
            text = params.q
    return _Plan(_apply(queryset, params, skip_facet), text, is_bin)


def filtered(params: SearchParams, skip_facet: str | None = None) -> tuple[QuerySet, bool, bool]:
    """(queryset, is_bin_query, has_full_text) — the ORM view of a search."""
    p = plan(params, skip_facet)
    return p.queryset(), p.is_bin, p.text is not None


def data_version() -> str:
    """Changes whenever registry data change (bumped by importers, the demo and staff edits)."""
    return str(RegistrySetting.get("data_version", 0))


def bump_data_version(refresh: bool = False) -> None:
    """Mark the registry data as changed; with ``refresh``, recompute the whole-registry facets now.

    The version is a counter and a random token: a counter alone comes back to an earlier
    value when a transaction that raised it is rolled back, and data kept in memory for a
    version (``columns``) must never be taken for another registry's.
    """
    version = str(RegistrySetting.get("data_version", 0) or 0)
    counter = int(version.split(".")[0]) if version.split(".")[0].isdigit() else 0
    RegistrySetting.put("data_version", f"{counter + 1}.{uuid.uuid4().hex[:12]}")
    if refresh:
        registry_facets()


def _counts(p: _Plan, column: str) -> list[tuple[object, int]]:
    if p.text is not None:
        return fulltext.group_counts(p.base, p.text, column)
    return list(p.base.order_by().values_list(column).annotate(n=Count("id")))


def _combined_counts(p: _Plan, columns: list[str]) -> dict[str, Counter]:
    """Counts of several columns from one GROUP BY over all of them (one pass over the rows)."""
    if p.text is not None:
        rows = fulltext.group_counts_many(p.base, p.text, columns)
    else:
        rows = p.base.order_by().values_list(*columns).annotate(n=Count("id"))
    out = {column: Counter() for column in columns}
    for row in rows:
        n = row[-1]
        for column, value in zip(columns, row[:-1], strict=True):
            out[column][value] += n
    return out


def _format(column: str, pairs) -> list[tuple[str, int]]:
    counts = [("none" if value in ("", None) else str(value), n) for value, n in pairs if n]
    if column == "registration_year":
        counts.sort(key=lambda item: item[0], reverse=True)
    else:
        counts.sort(key=lambda item: (-item[1], item[0]))
    return counts


def _compute_facets(params: SearchParams, text_ids: list[int] | None = None) -> dict[str, list[tuple[str, int]]]:
    """Counts from the in-memory facet columns; for a BIN query (a handful of rows), from the database."""
    p = plan(params)
    if not p.is_bin:
        if p.text is not None and text_ids is None:
            text_ids = fulltext.matching_ids(p.text)
        snapshot = columns.current(data_version())
        counted = snapshot.counts(params, text_ids if p.text is not None else None)
        return {name: _format(column, counted[name]) for name, column in FACETS.items()}
    return _database_facets(params)


def _database_facets(params: SearchParams) -> dict[str, list[tuple[str, int]]]:
    """Facets not filtered share one query; a filtered facet counts without its own filter."""
    facets: dict[str, list[tuple[str, int]]] = {}
    open_facets = [name for name in FACETS if not getattr(params, name)]
    if open_facets:
        combined = _combined_counts(plan(params), [FACETS[name] for name in open_facets])
        for name in open_facets:
            facets[name] = _format(FACETS[name], combined[FACETS[name]].items())
    for name, column in FACETS.items():
        if name in facets:
            continue
        if params.with_changes(**{name: ()}).is_empty():
            facets[name] = registry_facets()[name]  # the whole registry: kept in the database
        else:
            facets[name] = _format(column, _counts(plan(params, name), column))
    return {name: facets[name] for name in FACETS}


def registry_facets() -> dict[str, list[tuple[str, int]]]:
    """Facet counts of the whole registry, kept in the database until the data change.

    The search page opens with them and the home page shows them, so they are computed
    once per data version (importers and the demo do it as they finish), not per visit.
    """
    version = data_version()
    stored = RegistrySetting.get("facets_all") or {}
    if stored.get("version") != version:
        facets = _compute_facets(SearchParams())
        stored = {"version": version, "facets": {k: [list(item) for item in v] for k, v in facets.items()}}
        RegistrySetting.put("facets_all", stored)
    return {k: [tuple(item) for item in v] for k, v in stored["facets"].items()}


def facet_counts(params: SearchParams, text_ids: list[int] | None = None) -> dict[str, list[tuple[str, int]]]:
    """Counts per facet value within the other filters (a facet does not narrow itself).

    ``text_ids``: the ids the full-text index matched for ``params.q``, when the caller has them.
    """
    if params.is_empty():
        return registry_facets()
    key_source = f"{data_version()}|{params.with_changes(page=1, sort='', page_size=20).to_query()}"
    key = "qogam:facets:" + hashlib.sha1(key_source.encode()).hexdigest()
    cached = cache.get(key)
    if cached is not None:
        return cached
    facets = _compute_facets(params, text_ids)
    cache.set(key, facets, FACET_CACHE_SECONDS)
    return facets


def _relevance(params: SearchParams, p: _Plan, total: int) -> bool:
    if p.text is None or params.effective_sort != "relevance":
        return False
    return total <= RANK_LIMIT or fulltext.vendor() != "postgresql"


def ordered(queryset: QuerySet, params: SearchParams, ranked: bool) -> QuerySet:
    sort = params.effective_sort
    if sort == "relevance":
        sort = "name"
    return queryset.order_by(*_ORDER.get(sort, _ORDER["name"]))


def _in_order(ids: list[int]) -> list[Organization]:
    by_id = Organization.objects.in_bulk(ids)
    return [by_id[i] for i in ids if i in by_id]


def _pg_ranked_page(snapshot: columns.Columns, mask, text: str, offset: int, limit: int) -> list[int]:
    """PostgreSQL: a page in relevance order — ``ts_rank`` of the (at most RANK_LIMIT) matches,
    then name, as ``fulltext.ranked_ids`` orders them."""
    positions = mask.nonzero()[0]
    ids = [int(i) for i in snapshot.ids[positions]]
    ranks = fulltext.pg_ranks(ids, text)
    by_name = snapshot.rank(columns.ORDERS["name"][0])[positions]
    order = sorted(range(len(ids)), key=lambda i: (-ranks.get(ids[i], 0.0), by_name[i]))
    return [ids[i] for i in order[offset: offset + limit]]


def search(params: SearchParams, with_facets: bool = True) -> SearchResult:
    p = plan(params)
    offset = (params.page - 1) * params.page_size
    if p.is_bin:  # a handful of rows: the database answers directly
        total = p.base.count()
        items = list(ordered(p.queryset(), params, False)[offset: offset + params.page_size])
        facets = facet_counts(params) if with_facets else {}
        return SearchResult(params=params, total=total, items=items, facets=facets, bin_match=True)
    text_ids = fulltext.matching_ids(p.text) if p.text is not None else None
    snapshot = columns.current(data_version())
    mask = snapshot.selected(params, text_ids)
    total = int(mask.sum())
    if _relevance(params, p, total):
        if fulltext.vendor() == "postgresql":
            ids = _pg_ranked_page(snapshot, mask, p.text, offset, params.page_size)
        else:  # SQLite ranks inside its FTS5 index
            ids = fulltext.ranked_ids(p.base, p.text, offset, params.page_size)
    else:
        sort = params.effective_sort
        ids = snapshot.page(mask, "name" if sort == "relevance" else sort, offset, params.page_size)
    facets = facet_counts(params, text_ids) if with_facets else {}
    return SearchResult(params=params, total=total, items=_in_order(ids), facets=facets, bin_match=False)


def iterate(params: SearchParams, chunk: int = 2000) -> Iterator[Organization]:
    """Every organisation of a search, in its order (for exports), without loading all at once."""
    p = plan(params)
    total = fulltext.count(p.base, p.text) if p.text is not None else 0
    if _relevance(params, p, total):
        ids = fulltext.ranked_ids(p.base, p.text, 0, None)
        for start in range(0, len(ids), chunk):
            part = ids[start: start + chunk]
            by_id = Organization.objects.in_bulk(part)
            yield from (by_id[i] for i in part if i in by_id)
        return
    yield from ordered(p.queryset(), params, False).iterator(chunk_size=chunk)
