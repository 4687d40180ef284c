"""census layer (see DESIGN.md)."""
