"""Homes and places: who lives where (residency), the tenant's home and property, area
offices and Heka's other contact channels."""
