"""Re-encode an uploaded photo: whatever a phone camera sends (JPEG, PNG, WEBP, HEIC) in,
a clean JPEG and a thumbnail out.

Decoding happens only after the magic bytes say it is one of the allowed formats, under a
pixel limit (decompression bombs are refused, not just warned about). The output is
built from the pixels alone, so EXIF (GPS, camera serials), XMP and comments are gone;
the EXIF orientation is applied first so the photo stands the right way up.
"""

from __future__ import annotations

import dataclasses
import io
import warnings

from PIL import Image, ImageOps

from heka_app.i18n import N_

try:  # HEIC/HEIF from iPhones
    from pillow_heif import register_heif_opener

    register_heif_opener()
    HEIC_SUPPORTED = True
except ImportError:  # pragma: no cover - the dependency is declared
    HEIC_SUPPORTED = False

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000  # a 48 MP phone sensor is ~48e6; we take up to ~40e6
MAX_EDGE = 2560
THUMB_EDGE = 320
ALLOWED_FORMATS = frozenset({"JPEG", "PNG", "WEBP", "HEIF"})

TOO_LARGE = N_("The photo is larger than 10 MB.")
NOT_AN_IMAGE = N_("The file is not a JPEG, PNG, WEBP or HEIC photo.")
TOO_MANY_PIXELS = N_("The photo has too many pixels.")


class ImageRejected(ValueError):
    """The upload is not an acceptable photo; ``args[0]`` is the msgid to show."""


@dataclasses.dataclass(frozen=True)
class ProcessedImage:
    """A photo ready to store: full-size JPEG and thumbnail, both metadata-free."""

    jpeg: bytes
    thumbnail: bytes
    width: int
    height: int


def sniff_format(data: bytes) -> str | None:
    """The format the first bytes claim (file names and browser MIME types are ignored)."""
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    if data[4:8] == b"ftyp" and data[8:12] in {b"heic", b"heix", b"mif1", b"msf1", b"hevc"}:
        return "HEIF"
    return None


def process_image(data: bytes) -> ProcessedImage:
    """Validate, decode, orient, strip and re-encode ``data``.

    Raises:
        ImageRejected: Too large, not an allowed format, a decompression bomb, or
            undecodable.
    """
    if len(data) > MAX_BYTES:
        raise ImageRejected(TOO_LARGE)
    claimed = sniff_format(data)
    if claimed is None or (claimed == "HEIF" and not HEIC_SUPPORTED):
        raise ImageRejected(NOT_AN_IMAGE)
    previous = Image.MAX_IMAGE_PIXELS
    try:
        Image.MAX_IMAGE_PIXELS = MAX_PIXELS
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as opened:
                if opened.format not in ALLOWED_FORMATS:
                    raise ImageRejected(NOT_AN_IMAGE)
                if opened.width * opened.height > MAX_PIXELS:
                    raise ImageRejected(TOO_MANY_PIXELS)
                opened.load()
                image = ImageOps.exif_transpose(opened)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageRejected(TOO_MANY_PIXELS) from exc
    except ImageRejected:
        raise
    except Exception as exc:  # noqa: BLE001 - any decoder failure means "not a photo"
        raise ImageRejected(NOT_AN_IMAGE) from exc
    finally:
        Image.MAX_IMAGE_PIXELS = previous
    image = _flatten(image)
    image.thumbnail((MAX_EDGE, MAX_EDGE), Image.Resampling.LANCZOS)
    thumb = image.copy()
    thumb.thumbnail((THUMB_EDGE, THUMB_EDGE), Image.Resampling.LANCZOS)
    return ProcessedImage(_jpeg(image, 85), _jpeg(thumb, 80), image.width, image.height)


def _flatten(image: Image.Image) -> Image.Image:
    """RGB pixels only (transparency onto white); a fresh image carries no metadata."""
    if image.mode in {"RGBA", "LA", "P"}:
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    clean = Image.new("RGB", image.size)
    clean.paste(image.convert("RGB"))
    return clean


def _jpeg(image: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=True)  # no exif= : nothing carried over
    return out.getvalue()
