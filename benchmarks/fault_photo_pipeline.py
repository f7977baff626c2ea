"""How long the upload pipeline takes per phone photo (decode, orient, strip, re-encode,
thumbnail): a 12 MP JPEG like a phone camera's, run a few times.

    python benchmarks/fault_photo_pipeline.py
"""

from __future__ import annotations

import io
import statistics
import time

from PIL import Image

from heka_app.services.uploads.images import process_image


def phone_photo(width: int = 4000, height: int = 3000) -> bytes:
    """A noisy 12 MP JPEG with EXIF orientation (noise keeps it near a real photo's size)."""
    image = Image.effect_noise((width, height), 60).convert("RGB")
    exif = Image.Exif()
    exif[0x0112] = 6
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, exif=exif.tobytes())
    return out.getvalue()


def main(runs: int = 5) -> None:
    data = phone_photo()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = process_image(data)
        times.append(time.perf_counter() - started)
    print(
        f"{len(data) / 1e6:.1f} MB 12 MP JPEG -> {len(result.jpeg) / 1e3:.0f} kB "
        f"{result.width}x{result.height} + {len(result.thumbnail) / 1e3:.0f} kB thumbnail: "
        f"median {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
