"""Permission names of the faults domain.

Who holds each one: the table in services/auth/authorization.py.
"""

REPORT = "faults.report"  # make a report and follow the household's reports
HANDLE = "faults.handle"  # the maintenance queue: assign, change status, notes
