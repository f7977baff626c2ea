"""Permission names of the content domain (news, instructions, the editor).

Who holds each one: the table in services/auth/authorization.py. Public articles are read
without a permission (the landing page and anonymous visitors see ``everyone`` items).
"""

READ = "content.read"
EDIT = "content.edit"
