"""Permission names of the staff domain.

Who holds each one: the table in services/auth/authorization.py.
"""

AREA = "staff.area"
ASSIGN_OFFICES = "staff.assign_offices"  # which area offices an area-office handler covers
