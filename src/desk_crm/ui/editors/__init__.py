"""Record editor dialogs."""
