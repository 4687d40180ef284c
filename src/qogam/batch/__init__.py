"""batch layer (see DESIGN.md)."""
