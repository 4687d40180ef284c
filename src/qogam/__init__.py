"""qogam: software for Kazakhstan's non-governmental sector.

The core layers (documents, geo, activities, charter, rules, reports) are plain
Python and never import Django; see DESIGN.md for the layer map.
"""

__version__ = "0.1.0"
