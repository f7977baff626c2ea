"""Stateless building blocks: layout, navigation, footer, language switch."""
