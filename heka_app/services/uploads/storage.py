"""Stored photos: files under ``HEKA_UPLOAD_DIR`` (outside the web root) named by a random
token. Nothing here is reachable by URL; a route that checks the session reads them after
the domain's scoped lookup (faults: ``get_fault_for``).
"""

from __future__ import annotations

import dataclasses
import os
import re
import secrets
from pathlib import Path

from heka_app.services.uploads.images import ProcessedImage
from heka_app.settings import get_settings

_TOKEN = re.compile(r"^[A-Za-z0-9_-]{32,64}$")


@dataclasses.dataclass(frozen=True)
class PhotoInfo:
    """What the database records of a stored photo."""

    width: int
    height: int
    size_bytes: int


def upload_root() -> Path:
    """The private upload directory (created on first use)."""
    root = Path(get_settings().upload_dir)
    root.mkdir(parents=True, exist_ok=True)
    return root


def _path(token: str, thumbnail: bool) -> Path:
    if not _TOKEN.match(token):
        raise FileNotFoundError(token)
    name = f"{token}.thumb.jpg" if thumbnail else f"{token}.jpg"
    return upload_root() / token[:2] / name


def store_photo(image: ProcessedImage) -> str:
    """Write ``image`` and its thumbnail; returns the new random token."""
    token = secrets.token_urlsafe(32)
    folder = upload_root() / token[:2]
    folder.mkdir(parents=True, exist_ok=True)
    for data, thumb in ((image.jpeg, False), (image.thumbnail, True)):
        target = _path(token, thumb)
        partial = target.with_suffix(".part")
        partial.write_bytes(data)
        os.replace(partial, target)  # readers never see half a file
    meta = folder / f"{token}.size"
    meta.write_text(f"{image.width} {image.height}")
    return token


def photo_exists(token: str) -> bool:
    """A stored photo with this token exists."""
    try:
        return _path(token, False).is_file()
    except FileNotFoundError:
        return False


def photo_info(token: str) -> PhotoInfo:
    """Size and dimensions of the stored photo ``token``."""
    path = _path(token, False)
    width, height = (int(v) for v in (path.parent / f"{token}.size").read_text().split())
    return PhotoInfo(width, height, path.stat().st_size)


def read_photo(token: str, *, thumbnail: bool = False) -> bytes:
    """The stored JPEG bytes (the caller has checked the actor may see them).

    Raises:
        FileNotFoundError: No such photo (or a malformed token).
    """
    return _path(token, thumbnail).read_bytes()
