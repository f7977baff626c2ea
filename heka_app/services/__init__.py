"""Domain rules in plain Python. Nothing here imports reflex."""
