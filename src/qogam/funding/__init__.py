"""funding layer (see DESIGN.md)."""
