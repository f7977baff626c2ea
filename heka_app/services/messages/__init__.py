"""Messages between a household member and Heka, including rent monitoring."""
