"""The six facet columns of every organisation in memory: totals, pages and facets of any search.

Counting facets in the database took one GROUP BY per filtered facet over every matching
row: 80–210 ms for broad searches of 100,000 organisations. Here the columns are read once
per data version (``engine.data_version``, changed by every import, the demo and staff
edits) into numpy arrays of small integer codes — a few megabytes per 100,000
organisations — and a search's facets are a few boolean masks and ``bincount`` calls: one to three
milliseconds, for any combination of filters. The full-text part of a search comes in as
the ids its index matched (``fulltext.matching_ids``). The order of the organisations by
name, registration date and BIN is read from the database too (once per order asked for),
so that a page of a broad search is the first few of its ranks, not a sort of thousands
of rows: PostgreSQL took 400 ms to page «центр развития» by name.

Everything here is as of one data version; importers raise the version with every chunk
they commit, so a search never misses committed rows.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from django.db import connection

from ..models import Organization
from .params import FACETS, SearchParams

NULL_YEAR = -1
_BLANK_MEANS_NONE = ("territorial_status", "icnpo_group")  # "none" in a filter selects "" there


# Sort → (the SQL order of the ranks, descending). Descending orders are the ascending ranks
# reversed: the database's ORDER BY … DESC, … DESC, NULLs included, is exactly that.
ORDERS = {
    "name": ("sort_name, id", False),
    "-name": ("sort_name, id", True),
    "registered": ("registered_on, id", False),
    "-registered": ("registered_on, id", True),
    "bin": ("bin", False),
}


@dataclass(frozen=True)
class Columns:
    version: str
    ids: np.ndarray  # organisation ids, ascending
    codes: dict[str, np.ndarray]  # column → code of each organisation's value
    values: dict[str, list]  # column → the value of each code
    year: np.ndarray  # registration year, NULL_YEAR when unknown
    ranks: dict[str, np.ndarray] = field(default_factory=dict)  # SQL order → rank of each organisation

    def __len__(self) -> int:
        return len(self.ids)

    def positions(self, ids: Sequence[int]) -> np.ndarray:
        """Positions of these ids in the columns (ids added after this version are left out)."""
        wanted = np.fromiter(ids, dtype=np.int64, count=len(ids))
        if not len(wanted) or not len(self.ids):
            return np.zeros(0, dtype=np.int64)
        at = np.minimum(np.searchsorted(self.ids, wanted), len(self.ids) - 1)
        return at[self.ids[at] == wanted]

    def selected(self, params: SearchParams, text_ids: Sequence[int] | None) -> np.ndarray:
        """Mask of the organisations meeting every condition of the search."""
        by_facet, other = self.masks(params, text_ids)
        mask = other if other is not None else np.ones(len(self.ids), dtype=bool)
        for own in by_facet.values():
            mask = mask & own
        return mask

    def rank(self, order: str) -> np.ndarray:
        ranks = self.ranks.get(order)
        if ranks is None:
            with _lock:
                ranks = self.ranks.get(order)
                if ranks is None:
                    ranks = self.ranks[order] = _ranks(self, order)
        return ranks

    def page(self, mask: np.ndarray, sort: str, offset: int, limit: int | None) -> list[int]:
        """Ids of the selected organisations in the order ``sort``, from ``offset`` on."""
        order, descending = ORDERS.get(sort, ORDERS["name"])
        chosen = np.flatnonzero(mask)
        keys = self.rank(order)[chosen]
        if descending:
            keys = -keys
        end = len(chosen) if limit is None else min(len(chosen), offset + limit)
        if end <= offset:
            return []
        if end < len(chosen):
            first = np.argpartition(keys, end - 1)[:end]
            picked = first[np.argsort(keys[first], kind="stable")]
        else:
            picked = np.argsort(keys, kind="stable")
        return [int(i) for i in self.ids[chosen[picked[offset:end]]]]

    def _allowed(self, column: str, wanted: Sequence[str]) -> np.ndarray:
        """Codes whose value the filter selects — the same test as ``engine._apply``'s SQL."""
        if column == "registration_year":
            years = {int(v) for v in wanted if v.isdigit()}
            chosen = [i for i, value in enumerate(self.values[column]) if value in years]
        else:
            accepted = set(wanted)
            if column in _BLANK_MEANS_NONE and "none" in accepted:
                accepted = (accepted - {"none"}) | {""}
            chosen = [i for i, value in enumerate(self.values[column]) if value in accepted]
        lookup = np.zeros(len(self.values[column]) + 1, dtype=bool)
        lookup[chosen] = True
        return lookup

    def masks(self, params: SearchParams,
              text_ids: Sequence[int] | None) -> tuple[dict[str, np.ndarray], np.ndarray | None]:
        """(facet → mask of its own filter, mask of the other conditions: years and text)."""
        by_facet = {}
        for name, column in FACETS.items():
            wanted = getattr(params, name)
            if wanted:
                by_facet[name] = self._allowed(column, wanted)[self.codes[column]]
        other = None
        if params.year_from:
            other = self.year >= params.year_from
        if params.year_to:
            upto = (self.year != NULL_YEAR) & (self.year <= params.year_to)
            other = upto if other is None else other & upto
        if text_ids is not None:
            found = np.zeros(len(self.ids), dtype=bool)
            found[self.positions(text_ids)] = True
            other = found if other is None else other & found
        return by_facet, other

    def counts(self, params: SearchParams, text_ids: Sequence[int] | None) -> dict[str, list[tuple[object, int]]]:
        """(value, count) per facet within the other filters: a facet does not narrow itself."""
        by_facet, other = self.masks(params, text_ids)
        out = {}
        for name, column in FACETS.items():
            mask = other
            for other_name, own in by_facet.items():
                if other_name != name:
                    mask = own if mask is None else mask & own
            codes = self.codes[column] if mask is None else self.codes[column][mask]
            tally = np.bincount(codes, minlength=len(self.values[column]))
            out[name] = [(self.values[column][i], int(tally[i])) for i in np.flatnonzero(tally)]
        return out


def build(version: str) -> Columns:
    """Read the facet columns of every organisation (one SELECT) into arrays."""
    columns = list(FACETS.values())
    quote = connection.ops.quote_name
    table = quote(Organization._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, {', '.join(quote(c) for c in columns)} FROM {table} ORDER BY id")
        rows = cursor.fetchall()
    count = len(rows)
    ids = np.fromiter((row[0] for row in rows), dtype=np.int64, count=count)
    codes, values = {}, {}
    for position, column in enumerate(columns, start=1):
        lookup: dict = {}
        codes[column] = np.fromiter((lookup.setdefault(row[position], len(lookup)) for row in rows),
                                    dtype=np.int32, count=count)
        values[column] = list(lookup)
    year_values = np.array([NULL_YEAR if v is None else int(v) for v in values["registration_year"]] or [0],
                           dtype=np.int32)
    year = year_values[codes["registration_year"]] if count else np.zeros(0, dtype=np.int32)
    return Columns(version=version, ids=ids, codes=codes, values=values, year=year)


def _ranks(columns: Columns, order: str) -> np.ndarray:
    """Rank of each organisation in the database's ORDER BY ``order`` (its own collation)."""
    table = connection.ops.quote_name(Organization._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM {table} ORDER BY {order}")
        ordered = np.fromiter((row[0] for row in cursor.fetchall()), dtype=np.int64)
    ranks = np.full(len(columns.ids), len(ordered), dtype=np.int64)  # a row deleted since: last
    if len(ordered) and len(columns.ids):
        at = np.minimum(np.searchsorted(columns.ids, ordered), len(columns.ids) - 1)
        known = columns.ids[at] == ordered  # rows added since this version are not in the columns
        ranks[at[known]] = np.flatnonzero(known)
    return ranks


_lock = threading.RLock()
_current: Columns | None = None


def current(version: str) -> Columns:
    """The columns of this data version, read again when the version has changed."""
    global _current
    snapshot = _current
    if snapshot is not None and snapshot.version == version:
        return snapshot
    with _lock:
        if _current is None or _current.version != version:
            _current = build(version)
        return _current
