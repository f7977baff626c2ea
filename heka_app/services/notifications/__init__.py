"""Notifications: each user's email choices per kind (``preferences``). Features queue
their mails through services/mail/jobs.py after asking :func:`preferences.wants_email`."""
