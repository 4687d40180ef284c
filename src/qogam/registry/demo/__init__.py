"""The synthetic demo registry.

``generator.generate(size=25_000, seed=2025)`` loads it (Django); ``names``, ``people``
(heads and founders), ``funding`` (grants and contracts), ``series`` (dates, fates,
filings) and ``files`` are pure and importable without Django.
"""
