"""Route constants: the one place URLs are spelled."""

HOME = "/"
INSTRUCTIONS = "/instructions"
ACCESSIBILITY = "/accessibility"
LOGIN = "/login"
REGISTER = "/register"
REGISTER_CALLBACK = "/register/callback"
REGISTER_ACCOUNT = "/register/account"
VERIFY_EMAIL = "/verify-email"
FORGOT_PASSWORD = "/forgot-password"  # noqa: S105 - a route, not a secret
RESET_PASSWORD = "/reset"  # noqa: S105 - a route, not a secret
MY_HOME = "/home"
ACCOUNT = "/account"
STAFF = "/staff"
STAFF_CODES = "/staff/registration-codes"
RENT = "/rent"
