"""charter layer (see DESIGN.md)."""
