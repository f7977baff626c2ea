"""Permission names of the rent domain.

Who holds each one: the table in services/auth/authorization.py.
"""

VIEW = "rent.view"
