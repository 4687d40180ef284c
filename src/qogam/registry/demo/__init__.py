"""The synthetic demo registry.

``generator.generate(size=25_000, seed=2025)`` loads it (Django); ``names``,
``series`` and ``files`` are pure and importable without Django.
"""
