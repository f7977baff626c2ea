"""Editors write Markdown; tenants get HTML that can hold no script, style or raw HTML.

markdown-it-py renders CommonMark with raw HTML switched off (``<b>`` in the source comes
out as text), then nh3 (the Rust ammonia sanitizer) keeps only the tags below and links
to http(s), mailto and tel. Both steps: a renderer bug alone cannot open an XSS hole.
"""

from __future__ import annotations

import functools

import nh3
from markdown_it import MarkdownIt

_TAGS = {
    "p", "br", "strong", "em", "a", "ul", "ol", "li", "h2", "h3", "h4",
    "blockquote", "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
_URL_SCHEMES = {"http", "https", "mailto", "tel"}


@functools.cache
def _parser() -> MarkdownIt:
    # "js-default": CommonMark + tables + strikethrough, html=False, links validated.
    return MarkdownIt("js-default", {"linkify": False, "typographer": False})


def render_markdown(source: str) -> str:
    """Safe HTML for an article body.

    Args:
        source: Markdown as the editor wrote it.

    Returns:
        Sanitized HTML: only basic formatting and links; links open nothing but http(s),
        mailto and tel, and carry ``rel="noopener noreferrer"``.
    """
    html = _parser().render(source or "")
    # Headings start at h2: the page's own title is the one h1.
    for level in (3, 2, 1):
        html = html.replace(f"<h{level}>", f"<h{level + 1}>").replace(
            f"</h{level}>", f"</h{level + 1}>"
        )
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
