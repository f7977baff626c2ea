"""News and instruction lists and the article body: shared by the list pages, the landing
and the front page."""

from __future__ import annotations

import reflex as rx

from heka_app.i18n.ui import t, ui_lang


def article_href(item: rx.Var) -> rx.Var:
    """``/news/<slug>`` or ``/instructions/<slug>`` for a list row."""
    return rx.cond(item["kind"] == "instruction", "/instructions/", "/news/") + item["slug"].to(str)


def finnish_only_badge() -> rx.Component:
    """The label on text shown in Finnish because the reader's language version is missing."""
    return rx.badge(t("Available in Finnish only"), color_scheme="amber", high_contrast=True)


def _text_lang(item: rx.Var) -> rx.Var:
    return rx.cond(item["fallback"], "fi", ui_lang())


def article_row(item: rx.Var) -> rx.Component:
    """One list item: date, title (the link), summary and its markers."""
    return rx.el.li(
        rx.card(
            rx.hstack(
                rx.text(item["date"], size="1", color_scheme="gray"),
                rx.cond(item["unread"], rx.badge(t("New"), color_scheme="blue")),
                rx.cond(
                    item["for_my_building"], rx.badge(t("Your building"), color_scheme="green")
                ),
                rx.cond(item["fallback"], finnish_only_badge()),
                spacing="2",
                wrap="wrap",
                align="center",
            ),
            # Only the Finnish fallback text is marked Finnish; the badges are in the UI's.
            rx.heading(
                rx.link(item["title"], href=article_href(item), class_name="heka-article-link"),
                as_="h2",
                size="4",
                margin_y="0.25em",
                lang=_text_lang(item),
            ),
            rx.cond(item["summary"], rx.text(item["summary"], size="2", lang=_text_lang(item))),
        ),
        list_style="none",
    )


def article_body(html: rx.Var) -> rx.Component:
    """The body HTML, already rendered from Markdown and sanitized on the server
    (services/content/markdown.py): no raw editor HTML ever reaches this."""
    return rx.html(html, class_name="heka-article-body")
