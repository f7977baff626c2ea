"""Permission names of the messages domain.

Who holds each one: the table in services/auth/authorization.py.
"""

SEND = "messages.send"  # threads with Heka: read the household's, start, answer
RENT = "messages.rent"  # the rent-monitoring topics (primary tenants of an active lease)
HANDLE = "messages.handle"  # the staff inbox: read, assign, reply, note, status
PAYMENT_PLAN = "messages.payment_plan"  # record an agreed payment plan (rent monitoring)
