"""Stored PDF documents (a renovation plan, a payment receipt) beside the photos: checked by
their magic bytes and structure, kept under a random token outside the web root, and only
ever served as a download (``Content-Disposition: attachment``) behind a session check, so
a PDF never runs in the portal's origin."""

from __future__ import annotations

import os
import secrets

from heka_app.i18n import N_
from heka_app.services.uploads.storage import _TOKEN, upload_root

MAX_PDF_BYTES = 10 * 1024 * 1024
NOT_A_PDF = N_("The file is not a PDF document.")
PDF_TOO_LARGE = N_("The file is larger than 10 MB.")


class DocumentRejected(ValueError):
    """Not an acceptable PDF; ``args[0]`` is the msgid to show."""


def is_pdf(data: bytes) -> bool:
    """The bytes look like a PDF (header at the start, end-of-file marker near the end)."""
    return data[:5] == b"%PDF-" and b"%%EOF" in data[-1024:]


def _path(token: str):
    if not _TOKEN.match(token):
        raise FileNotFoundError(token)
    return upload_root() / token[:2] / f"{token}.pdf"


def store_pdf(data: bytes) -> str:
    """Check and write a PDF; returns its new random token.

    Raises:
        DocumentRejected: Too large or not a PDF.
    """
    if len(data) > MAX_PDF_BYTES:
        raise DocumentRejected(PDF_TOO_LARGE)
    if not is_pdf(data):
        raise DocumentRejected(NOT_A_PDF)
    token = secrets.token_urlsafe(32)
    target = _path(token)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    partial.write_bytes(data)
    os.replace(partial, target)
    return token


def pdf_exists(token: str) -> bool:
    """A stored PDF with this token exists."""
    try:
        return _path(token).is_file()
    except FileNotFoundError:
        return False


def pdf_size(token: str) -> int:
    """Size in bytes of the stored PDF ``token``."""
    return _path(token).stat().st_size


def read_pdf(token: str) -> bytes:
    """The stored PDF bytes (the caller has checked the actor may see them).

    Raises:
        FileNotFoundError: No such document (or a malformed token).
    """
    return _path(token).read_bytes()
