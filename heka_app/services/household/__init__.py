"""Household changes reported by the primary tenant and confirmed by staff."""
