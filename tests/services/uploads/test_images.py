"""The upload pipeline against abuse: size, disguised executables, decompression bombs,
metadata (GPS) that must not survive, and orientation applied. Asserts on stored bytes."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from heka_app.services.uploads import images, storage
from heka_app.services.uploads.images import ImageRejected, process_image


@pytest.fixture(autouse=True)
def upload_dir(tmp_path, monkeypatch):
    root = tmp_path / "uploads"
    root.mkdir()
    monkeypatch.setattr(storage, "upload_root", lambda: root)
    return root


def _photo(fmt="JPEG", size=(64, 32), orientation=None, gps=True) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    image.paste((30, 30, 200), (0, 0, size[0] // 2, size[1]))  # left half blue
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    if orientation:
        exif[0x0112] = orientation
    if gps:
        exif[0x8825] = {1: "N", 2: (60.0, 12.0, 30.0), 3: "E", 4: (25.0, 5.0, 10.0)}
    out = io.BytesIO()
    image.save(out, fmt, exif=exif.tobytes())
    return out.getvalue()


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims ``width`` x ``height`` with almost no data (a bomb's shape)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def test_gps_and_exif_are_gone_from_the_stored_bytes(upload_dir):
    original = _photo()
    assert b"PhoneMaker" in original  # the test photo really carries metadata
    token = storage.store_photo(process_image(original))
    stored = storage.read_photo(token)
    thumb = storage.read_photo(token, thumbnail=True)
    for data in (stored, thumb):
        assert b"PhoneMaker" not in data and b"Exif" not in data
        with Image.open(io.BytesIO(data)) as again:
            assert again.format == "JPEG" and not again.getexif()
            assert "exif" not in again.info
    files = sorted(p.name for p in upload_dir.rglob("*"))
    assert f"{token}.jpg" in files and f"{token}.thumb.jpg" in files


def test_orientation_is_applied_before_stripping():
    processed = process_image(_photo(size=(64, 32), orientation=6))  # rotate 90 on display
    assert (processed.width, processed.height) == (32, 64)
    with Image.open(io.BytesIO(processed.jpeg)) as image:
        top = image.convert("RGB").getpixel((16, 4))
    assert top[2] > 150 and top[0] < 100  # the blue half is now on top


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_other_phone_formats_become_jpeg(fmt):
    processed = process_image(_photo(fmt=fmt, gps=False))
    assert processed.jpeg.startswith(b"\xff\xd8") and (processed.width, processed.height) == (
        64,
        32,
    )


def test_heic_from_an_iphone_is_accepted():
    pillow_heif = pytest.importorskip("pillow_heif")
    out = io.BytesIO()
    try:
        Image.new("RGB", (64, 48), (10, 200, 10)).save(out, "HEIF")
    except Exception as exc:  # noqa: BLE001 - wheel built without an encoder
        pytest.skip(f"no HEIF encoder in this pillow-heif build: {exc}")
    assert pillow_heif and images.sniff_format(out.getvalue()) == "HEIF"
    assert process_image(out.getvalue()).width == 64


def test_oversized_upload_is_refused_before_decoding():
    with pytest.raises(ImageRejected) as refused:
        process_image(b"\xff\xd8\xff" + b"\x00" * images.MAX_BYTES)
    assert refused.value.args[0] == images.TOO_LARGE


@pytest.mark.parametrize(
    "data",
    [
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 200,  # a Windows .exe renamed .jpg
        b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
        b"GIF89a" + b"\x00" * 40,
        b"\xff\xd8\xff\xe0 truncated jpeg that never decodes",
        b"",
    ],
)
def test_anything_but_a_real_photo_is_refused(data):
    with pytest.raises(ImageRejected) as refused:
        process_image(data)
    assert refused.value.args[0] == images.NOT_AN_IMAGE


@pytest.mark.parametrize("side", [7000, 40000])
def test_decompression_bombs_are_refused(side):
    bomb = _png_header_only(side, side)
    assert len(bomb) < 2000
    with pytest.raises(ImageRejected) as refused:
        process_image(bomb)
    assert refused.value.args[0] == images.TOO_MANY_PIXELS
    assert Image.MAX_IMAGE_PIXELS != images.MAX_PIXELS  # the global limit is restored


def test_large_photos_are_scaled_down_and_thumbnails_made():
    processed = process_image(_photo(size=(4000, 3000), gps=False))
    assert max(processed.width, processed.height) == images.MAX_EDGE
    with Image.open(io.BytesIO(processed.thumbnail)) as thumb:
        assert max(thumb.size) == images.THUMB_EDGE


def test_malformed_tokens_never_reach_the_file_system():
    for token in ("../../etc/passwd", "", "a" * 10):
        with pytest.raises(FileNotFoundError):
            storage.read_photo(token)
        assert not storage.photo_exists(token)
