"""Screens: compositions of components bound to state vars. No database access here."""
