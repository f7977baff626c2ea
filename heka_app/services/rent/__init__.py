"""Rent for primary tenants: balance, charges and payments, the ledger import."""
