"""Permission names of the accounts domain.

Who holds each one: the table in services/auth/authorization.py.
"""

VIEW = "account.view"
CHANGE_PASSWORD = "account.change_password"  # noqa: S105 - a permission name
CHANGE_EMAIL = "account.change_email"
REFUND_ACCOUNT = "account.refund_account"  # a tenant's bank account for refunds
VIEW_CHANGES = "account.view_changes"  # staff read a resident's change history
