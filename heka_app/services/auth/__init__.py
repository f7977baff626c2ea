"""Who is asking and what they may do: actors, permissions, server-side sessions, login
and its throttle, password hashing and policy, signed tokens and one-time links, the
security log."""
