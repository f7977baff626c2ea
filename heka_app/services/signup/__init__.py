"""Registration: eligibility from the resident register, strong identification through
the broker (OpenID Connect), area-office codes, the account ticket and email confirmation."""
