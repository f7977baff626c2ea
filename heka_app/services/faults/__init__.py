"""Fault reports: the tenant's report with photos, its handling, the maintenance queue."""
