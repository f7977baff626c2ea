"""Outgoing mail: the texts (fi/sv/en), the sender (SMTP or dev files) and the mail job."""
