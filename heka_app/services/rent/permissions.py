"""Permission names of the rent domain.

Who holds each one: the table in services/auth/authorization.py.
"""

VIEW = "rent.view"  # a primary tenant's own lease
VIEW_ANY = "rent.view_any"  # any lease, found by search (rent monitoring staff)
