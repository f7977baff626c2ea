"""Staff accounts and, as the queues arrive, the staff side of every feature."""
