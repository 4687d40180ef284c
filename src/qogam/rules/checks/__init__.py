"""The checks, one module per rule family; importing this package registers them all."""

from . import document, goals, governance, identity, marks, property, structure, territory  # noqa: F401
