"""Draws the installable app's icons into ``assets/icons/`` with Pillow (no font needed).

Heka's mark as the header draws it: a white "H" under a roof on the portal's indigo
(Radix indigo 9, the theme's accent). ``heka-<size>.png`` are rounded squares with
transparent corners (purpose "any"); ``heka-maskable-512.png`` fills the whole square and
keeps the mark inside the central 80 % circle that launchers may crop to (purpose
"maskable"); ``apple-touch-icon.png`` is the 180 px square iOS rounds itself.

Run ``python scripts/draw_app_icons.py`` after changing the drawing; the PNGs are committed.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parents[1] / "assets" / "icons"
INDIGO = (62, 99, 221, 255)  # #3E63DD, --indigo-9
WHITE = (255, 255, 255, 255)
SUPERSAMPLE = 4  # draw large and shrink: smooth edges without antialiasing support


def _mark(draw: ImageDraw.ImageDraw, size: int, scale: float) -> None:
    """The roof and the H, centred, ``scale`` of the square wide."""
    w = size * scale
    left, top = (size - w) / 2, (size - w) / 2
    stroke = w * 0.16
    # Roof: a chevron over the letter.
    peak = (size / 2, top)
    eave = top + w * 0.36
    draw.polygon(
        [
            (left, eave),
            peak,
            (left + w, eave),
            (left + w - stroke * 1.2, eave + stroke * 0.55),
            (size / 2, top + stroke * 1.35),
            (left + stroke * 1.2, eave + stroke * 0.55),
        ],
        fill=WHITE,
    )
    # The H below it.
    h_top, h_bottom = top + w * 0.46, top + w
    h_left, h_right = left + w * 0.16, left + w * 0.84
    draw.rectangle([h_left, h_top, h_left + stroke, h_bottom], fill=WHITE)
    draw.rectangle([h_right - stroke, h_top, h_right, h_bottom], fill=WHITE)
    middle = (h_top + h_bottom) / 2
    draw.rectangle([h_left, middle - stroke / 2, h_right, middle + stroke / 2], fill=WHITE)


def draw_icon(size: int, *, maskable: bool = False, rounded: bool = True) -> Image.Image:
    """One icon of ``size`` pixels."""
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if maskable or not rounded:
        draw.rectangle([0, 0, big, big], fill=INDIGO)
    else:
        draw.rounded_rectangle([0, 0, big - 1, big - 1], radius=big * 0.2, fill=INDIGO)
    # Maskable: the mark stays inside the 80 % safe circle (its corners at ~0.78 of it).
    _mark(draw, big, 0.5 if maskable else 0.62)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        draw_icon(size).save(ICONS / f"heka-{size}.png", optimize=True)
    draw_icon(512, maskable=True).save(ICONS / "heka-maskable-512.png", optimize=True)
    draw_icon(180, rounded=False).convert("RGB").save(ICONS / "apple-touch-icon.png", optimize=True)


if __name__ == "__main__":
    main()
