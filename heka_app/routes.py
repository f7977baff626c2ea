"""Route constants: the one place URLs are spelled."""

HOME = "/"
INSTRUCTIONS = "/instructions"
ACCESSIBILITY = "/accessibility"
LOGIN = "/login"
REGISTER = "/register"
STAFF = "/staff"
