"""What a search asks for, read from a query string and written back into links (no Django)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from urllib.parse import urlencode

SORTS = ("relevance", "name", "-name", "-registered", "registered", "bin")
MAX_PAGE_SIZE = 200

# Facet parameter → model column. The order is the order on the page.
FACETS = {
    "region": "region",
    "legal_form": "legal_form",
    "register_status": "register_status",
    "icnpo": "icnpo_group",
    "year": "registration_year",
    "status": "territorial_status",
}


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    region: tuple[str, ...] = ()
    legal_form: tuple[str, ...] = ()
    register_status: tuple[str, ...] = ()
    icnpo: tuple[str, ...] = ()
    year: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    sort: str = ""
    page: int = 1
    page_size: int = 20
    errors: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def from_query(cls, query) -> SearchParams:
        """From a Django QueryDict or a plain dict of strings/lists; bad values are dropped with a note."""
        errors: list[str] = []

        def many(name: str) -> tuple[str, ...]:
            if hasattr(query, "getlist"):
                values = query.getlist(name)
            else:
                raw = query.get(name, [])
                values = raw if isinstance(raw, list | tuple) else [raw]
            out: list[str] = []
            for value in values:
                for part in str(value).split(","):
                    part = part.strip()
                    if part and part not in out:
                        out.append(part)
            return tuple(out)

        def one(name: str) -> str:
            values = many(name)
            return values[0] if values else ""

        def text(name: str) -> str:
            raw = query.get(name, "")
            if isinstance(raw, list | tuple):
                raw = raw[0] if raw else ""
            return str(raw or "").strip()[:200]

        def integer(name: str, default: int | None, low: int, high: int) -> int | None:
            text = one(name)
            if not text:
                return default
            try:
                return min(max(int(text), low), high)
            except ValueError:
                errors.append(f"{name}={text!r}")
                return default

        years = tuple(y for y in many("year") if y.isdigit() and len(y) == 4)
        sort = one("sort")
        if sort and sort not in SORTS:
            errors.append(f"sort={sort!r}")
            sort = ""
        return cls(
            q=text("q"),
            region=many("region"),
            legal_form=many("legal_form"),
            register_status=many("register_status"),
            icnpo=many("icnpo"),
            year=years,
            status=many("status"),
            year_from=integer("year_from", None, 1900, 2100),
            year_to=integer("year_to", None, 1900, 2100),
            sort=sort,
            page=integer("page", 1, 1, 100_000) or 1,
            page_size=integer("page_size", 20, 1, MAX_PAGE_SIZE) or 20,
            errors=tuple(errors),
        )

    @property
    def effective_sort(self) -> str:
        if self.sort:
            return "name" if self.sort == "relevance" and not self.q else self.sort
        return "relevance" if self.q else "name"

    def filters(self) -> dict[str, tuple[str, ...]]:
        return {name: getattr(self, name) for name in FACETS if getattr(self, name)}

    def is_empty(self) -> bool:
        return not (self.q or self.filters() or self.year_from or self.year_to)

    def with_changes(self, **changes) -> SearchParams:
        return replace(self, **changes)

    def toggled(self, facet: str, value: str) -> SearchParams:
        current = getattr(self, facet)
        values = tuple(v for v in current if v != value) if value in current else (*current, value)
        return replace(self, **{facet: values, "page": 1})

    def to_query(self, **changes) -> str:
        """A query string for this search (with changes), without defaults."""
        params = replace(self, **changes) if changes else self
        items: list[tuple[str, str]] = []
        for f in fields(params):
            if f.name in ("errors",):
                continue
            value = getattr(params, f.name)
            if f.name == "page" and value == 1 or f.name == "page_size" and value == 20:
                continue
            if isinstance(value, tuple):
                items.extend((f.name, v) for v in value)
            elif value not in ("", None):
                items.append((f.name, str(value)))
        return urlencode(items)
