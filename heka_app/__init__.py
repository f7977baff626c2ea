"""Heka resident portal (asukassivut / boendesidorna / resident pages)."""
