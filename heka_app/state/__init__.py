"""Thin Reflex states: read input, call a service, keep small view data."""
