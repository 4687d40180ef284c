"""activities layer (see DESIGN.md)."""
