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
STAFF_AREA_OFFICES = "/staff/area-offices"
NOT_FOUND = "404"  # Reflex's slug for the page of every unknown path
NEWS = "/news"
NEWS_ARTICLE = "/news/[slug]"
INSTRUCTION_ARTICLE = "/instructions/[slug]"
STAFF_CONTENT = "/staff/content"
STAFF_CONTENT_EDIT = "/staff/content/edit"  # ?id=<article id>; no id: a new article
MY_HOME_DETAILS = "/my-home"
FAULTS = "/faults"
FAULT_NEW = "/faults/new"
FAULT_DETAIL = "/faults/[report]"
STAFF_FAULTS = "/staff/faults"
STAFF_FAULT_DETAIL = "/staff/faults/[report]"
SESSION_START = "/_session/start"  # ?h=<handoff>: sets the HttpOnly session cookie
SESSION_END = "/_session/end"  # ?r=<return>: ends the session, clears the cookie
FAULT_PHOTO_PREFIX = "/_files/faults/"  # + <token>[.thumb].jpg, served after a session check


def fault_detail(fault_id: int) -> str:
    """The tenant's page of report ``fault_id``."""
    return f"{FAULTS}/{fault_id}"


def staff_fault_detail(fault_id: int) -> str:
    """The maintenance page of report ``fault_id``."""
    return f"{STAFF_FAULTS}/{fault_id}"


RENT = "/rent"

MESSAGES = "/messages"
MESSAGE_NEW = "/messages/new"
REQUEST_NEW = "/messages/request"  # ?type=<request type key>
MESSAGE_DETAIL = "/messages/[thread]"
STAFF_MESSAGES = "/staff/messages"
STAFF_MESSAGE_DETAIL = "/staff/messages/[thread]"
MESSAGE_FILE_PREFIX = "/_files/messages/"  # + <token>[.thumb].jpg | <token>.pdf, checked
CONTENT_FILE_PREFIX = "/_files/content/"  # + <token>[.thumb].jpg | <token>.pdf, as its article


def message_detail(thread_id: int) -> str:
    """The household's page of thread ``thread_id``."""
    return f"{MESSAGES}/{thread_id}"


def staff_message_detail(thread_id: int) -> str:
    """The staff inbox page of thread ``thread_id``."""
    return f"{STAFF_MESSAGES}/{thread_id}"


ACCOUNT_DETAILS = "/account/details"
STAFF_ACCOUNT_CHANGES = "/staff/account-changes"
MY_DATA_EXPORT = "/_files/account/my-data.json"  # the signed-in user's data, session-checked
