"""Permission names of the household domain.

Who holds each one: the table in services/auth/authorization.py.
"""

REPORT_CHANGE = "household.report_change"
# Give notice of termination, and confirm (or withdraw) one as a signatory of the lease.
TERMINATE = "household.terminate"
