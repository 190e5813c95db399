"""Generated Designer forms."""
