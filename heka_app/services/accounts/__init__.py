"""The signed-in user's own account: its details, language preference, password and email
changes, forgotten password."""
