"""Permission names of the staff domain.

Who holds each one: the table in services/auth/authorization.py.
"""

AREA = "staff.area"
