"""Permission names of the faults domain.

Who holds each one: the table in services/auth/authorization.py.
"""

REPORT = "faults.report"
