"""Permission names of the messages domain.

Who holds each one: the table in services/auth/authorization.py.
"""

SEND = "messages.send"
