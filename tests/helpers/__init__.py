"""Shared helpers for the store and service tests (drafts, raw SQL look-ups)."""
