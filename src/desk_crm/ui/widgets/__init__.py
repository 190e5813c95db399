"""Reusable editor widgets."""
