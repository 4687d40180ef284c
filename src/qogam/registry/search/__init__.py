"""Registry search: ``search(SearchParams.from_query(request.GET))``."""

from .engine import SearchResult, bump_data_version, facet_counts, iterate, registry_facets, search
from .params import FACETS, SORTS, SearchParams

__all__ = ["FACETS", "SORTS", "SearchParams", "SearchResult", "bump_data_version", "facet_counts", "iterate", "registry_facets",
           "search"]
