"""The barcode's bars found by a regex (issue 15: CPU per rent visit) draw the same SVG,
byte for byte, as the loop over every module they replaced, kept here as the reference;
the modules come out the same with the shared writer, which leaves no reference cycles."""

from __future__ import annotations

import gc
from xml.sax.saxutils import escape

from barcode.codex import Code128
from hypothesis import given, settings
from hypothesis import strategies as st

from heka_app.services.rent.payment import barcode_modules, barcode_svg


def _loop_svg(digits: str, module_px: int = 2, height_px: int = 80) -> str:
    modules = barcode_modules(digits)
    quiet = 10
    width = (len(modules) + 2 * quiet) * module_px
    runs: list[str] = []
    for bit in modules:
        if runs and runs[-1][0] == bit:
            runs[-1] += bit
        else:
            runs.append(bit)
    bars, x = [], quiet
    for run in runs:
        if run[0] == "1":
            w = len(run) * module_px
            bars.append(f"M{x * module_px} 0h{w}v{height_px}h-{w}z")
        x += len(run)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height_px}" '
        f'width="{width}" height="{height_px}" role="img" aria-label="{escape(digits)}">'
        f'<rect width="{width}" height="{height_px}" fill="#fff"/>'
        f'<path fill="#000" d="{"".join(bars)}"/></svg>'
    )


@settings(max_examples=200, deadline=None)
@given(digits=st.text(alphabet="0123456789", min_size=54, max_size=54),
       module_px=st.integers(1, 4), height_px=st.integers(20, 120))  # fmt: skip
def test_the_regex_bars_draw_the_same_svg(digits, module_px, height_px):
    new = barcode_svg(digits, module_px=module_px, height_px=height_px)
    assert new == _loop_svg(digits, module_px, height_px)
    assert new.count("M") == _loop_svg(digits, module_px, height_px).count("M") > 10


@settings(max_examples=100, deadline=None)
@given(digits=st.text(alphabet="0123456789", min_size=54, max_size=54))
def test_the_shared_writer_builds_the_same_modules(digits):
    # The old path: Code128 with a writer of its own (python-barcode's default).
    assert barcode_modules(digits) == Code128(digits).build()[0]


def test_a_barcode_leaves_no_reference_cycles():
    digits = "4" + "0" * 53
    gc.disable()  # what a collection finds below is what barcode_svg left, nothing else
    try:
        gc.collect()
        gc.set_debug(gc.DEBUG_SAVEALL)
        for _ in range(5):
            barcode_svg(digits)
        gc.collect()
        cycles = [type(obj).__name__ for obj in gc.garbage]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert cycles == []
