"""Service requests: one declarative definition per type, one form, one staff queue."""
