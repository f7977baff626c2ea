"""News and residents' instructions: the lists (search, paging) and one article."""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.components.article_media import attachment_links, lead_image
from heka_app.components.articles import article_body, article_row, finnish_only_badge
from heka_app.components.layout import page_layout
from heka_app.components.pager import pager
from heka_app.components.plain import heading, link, text
from heka_app.i18n.ui import t, ui_lang
from heka_app.state.content import ArticleState, NewsState


def _search_form() -> rx.Component:
    return rx.form(
        rx.el.div(
            rx.el.label(t("Search"), html_for="news-query", class_name="heka-visually-hidden"),
            rx.input(
                id="news-query",
                name="query",
                type="search",
                default_value=NewsState.query,
                placeholder=t("Search"),
                max_length=100,
                size="3",
                flex="1",
            ),
            rx.button(t("Search"), type="submit", size="3"),
            class_name="heka-row heka-gap-2 heka-full-width",
        ),
        on_submit=NewsState.search,
        reset_on_submit=False,
        role="search",
        class_name="heka-full-width",
    )


def _pager() -> rx.Component:
    return pager(NewsState.page, NewsState.pages, NewsState.go_to_page, variant="soft", spread=True)


def article_list() -> rx.Component:
    """Search, the items and the pager: shared by news and instructions."""
    # Plain elements in Radix's classes (components/plain.py, issue 9).
    return rx.el.div(
        _search_form(),
        rx.cond(
            NewsState.loaded & (NewsState.total == 0),
            text(
                rx.cond(NewsState.query, t("Nothing matched your search."), t("Nothing here yet.")),
                role="status",
            ),
        ),
        rx.el.ul(
            rx.foreach(NewsState.items, article_row),
            class_name="heka-article-list",
        ),
        _pager(),
        class_name="heka-column heka-gap-4 heka-full-width",
    )


def _mail_switch() -> rx.Component:
    return rx.cond(
        NewsState.can_subscribe,
        rx.el.label(
            rx.el.div(
                rx.switch(
                    id="news-mail",
                    checked=NewsState.news_mail,
                    on_change=NewsState.set_news_mail,
                ),
                text(t("Email me news about my building")),
                class_name="heka-row heka-center heka-gap-2",
            ),
        ),
    )


def news_page() -> rx.Component:
    """``/news``: Heka's news for this reader, newest first."""
    return page_layout(heading(t("News"), level="h1", size="8"), _mail_switch(), article_list())


def article_page() -> rx.Component:
    """``/news/<slug>`` and ``/instructions/<slug>``: one article."""
    article = ArticleState.article
    return page_layout(
        rx.cond(
            ArticleState.missing,
            rx.el.div(
                heading(t("Article not found"), level="h1", size="8"),
                text(t("It may have expired, or it is meant for residents of another property.")),
                link(t("All news"), href=routes.NEWS),
                class_name="heka-column heka-gap-3",
            ),
            rx.el.article(
                link(
                    rx.cond(article["kind"] == "instruction", t("All instructions"), t("All news")),
                    href=rx.cond(
                        article["kind"] == "instruction", routes.INSTRUCTIONS, routes.NEWS
                    ),
                ),
                heading(
                    article["title"],
                    level="h1",
                    size="8",
                    class_name="heka-mt-05",
                    lang=rx.cond(article["fallback"], "fi", ui_lang()),
                ),
                rx.el.div(
                    text(article["date"], size="2", data_accent_color="gray"),
                    rx.cond(article["fallback"], finnish_only_badge()),
                    class_name="heka-row heka-center heka-gap-2 heka-my-075",
                ),
                lead_image(ArticleState.image),
                rx.el.div(
                    article_body(article["html"].to(str)),
                    lang=rx.cond(article["fallback"], "fi", ui_lang()),
                ),
                attachment_links(ArticleState.attachments),
            ),
        )
    )
