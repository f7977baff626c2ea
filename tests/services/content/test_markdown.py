"""Article bodies: Markdown in, HTML that can run nothing out."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from heka_app.services.content.markdown import render_markdown


def test_formatting_survives():
    html = render_markdown(
        "# Otsikko\n\n**Tärkeää:** lue [ohje](https://heka.example/ohje).\n\n- a\n- b"
    )
    assert "<h2>Otsikko</h2>" in html  # the page title is the only h1
    assert "<strong>Tärkeää:</strong>" in html
    assert '<a href="https://heka.example/ohje" rel="noopener noreferrer">ohje</a>' in html
    assert "<ul>" in html and "<li>a</li>" in html


@pytest.mark.parametrize(
    "attack",
    [
        "<img src=x onerror=alert(1)>",
        "<script>alert(1)</script>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        '![alt" onerror="alert(1)](https://x.example/a.png)',
        '<a href="javascript:alert(1)">x</a>',
        "<iframe src=https://evil.example></iframe>",
        "<svg onload=alert(1)>",
        "<style>body{display:none}</style>",
    ],
)
def test_attacks_stay_inert(attack):
    tags = _tags(render_markdown(attack))
    assert {name for name, _ in tags} <= {"p", "a"}
    for _, attrs in tags:
        for name, value in attrs:
            assert not name.startswith("on")
            assert name != "href" or value.startswith(("https:", "http:", "mailto:", "tel:"))


def _tags(html: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Every start tag the browser would build from ``html``, with its attributes."""
    found: list[tuple[str, list[tuple[str, str]]]] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, [(k, v or "") for k, v in attrs]))

    Collector().feed(html)
    return found


def test_raw_html_is_shown_as_text_not_markup():
    assert "&lt;b&gt;" in render_markdown("<b>bold</b>")


def test_tel_and_mailto_links_work():
    html = render_markdown("[Soita](tel:+358931011111) tai [mailaa](mailto:a@heka.example)")
    assert 'href="tel:+358931011111"' in html and 'href="mailto:a@heka.example"' in html
