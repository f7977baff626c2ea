"""Permission names of the housing domain.

Who holds each one: the table in services/auth/authorization.py.
"""

VIEW_HOME = "home.view"
