"""registry layer (see DESIGN.md)."""
