"""Permission names of the rent domain.

Who holds each one: the table in services/auth/authorization.py.
"""

VIEW = "rent.view"  # a primary tenant's own lease
VIEW_ANY = "rent.view_any"  # any lease, found by search (rent monitoring staff)
# Open /rent: primary tenants see their rent, co-residents the explanation of who does,
# rent monitoring the search. The data itself needs VIEW or VIEW_ANY.
PAGE = "rent.page"
