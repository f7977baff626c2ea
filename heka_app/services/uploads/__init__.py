"""Shared upload pipeline: untrusted image bytes in, re-encoded JPEG and thumbnail out,
stored outside the web root under a random token (faults now; messages and news later)."""
