"""News and instruction lists and the article body: shared by the list pages, the landing
and the front page."""

from __future__ import annotations

import reflex as rx

from heka_app.components.plain import badge, card, heading, link, text
from heka_app.i18n.ui import t, ui_lang


def article_href(item: rx.Var) -> rx.Var:
    """``/news/<slug>`` or ``/instructions/<slug>`` for a list row."""
    return rx.cond(item["kind"] == "instruction", "/instructions/", "/news/") + item["slug"].to(str)


def finnish_only_badge() -> rx.Component:
    """The label on text shown in Finnish because the reader's language version is missing."""
    return badge(t("Available in Finnish only"), color="amber", high_contrast=True)


def _text_lang(item: rx.Var) -> rx.Var:
    return rx.cond(item["fallback"], "fi", ui_lang())


def article_row(item: rx.Var) -> rx.Component:
    """One list item: date, title (the link), summary and its markers."""
    # Plain elements in Radix's classes and static classes for the former style props
    # (components/plain.py): a page of news mounted nine Radix components a row (issue 9).
    return rx.el.li(
        card(
            rx.el.div(
                text(item["date"], size="1", data_accent_color="gray"),
                rx.cond(item["unread"], badge(t("New"), color="blue")),
                rx.cond(item["for_my_building"], badge(t("Your building"), color="green")),
                rx.cond(item["fallback"], finnish_only_badge()),
                class_name="heka-row heka-center heka-wrap heka-gap-2",
            ),
            # Only the Finnish fallback text is marked Finnish; the badges are in the UI's.
            heading(
                link(item["title"], href=article_href(item), class_name="heka-article-link"),
                level="h2",
                size="4",
                class_name="heka-news-title",
                lang=_text_lang(item),
            ),
            rx.cond(item["summary"], text(item["summary"], size="2", lang=_text_lang(item))),
        ),
    )


def article_body(html: rx.Var) -> rx.Component:
    """The body HTML, already rendered from Markdown and sanitized on the server
    (services/content/markdown.py): no raw editor HTML ever reaches this."""
    return rx.html(html, class_name="heka-article-body")
