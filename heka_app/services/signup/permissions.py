"""Permission names of the signup domain.

Who holds each one: the table in services/auth/authorization.py.
"""

ISSUE_CODES = "staff.registration_codes"
