"""News and residents' instructions: the lists (search, paging) and one article."""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.components.article_media import attachment_links, lead_image
from heka_app.components.articles import article_body, article_row, finnish_only_badge
from heka_app.components.layout import page_layout
from heka_app.components.pager import pager
from heka_app.i18n.ui import t, ui_lang
from heka_app.state.content import ArticleState, NewsState


def _search_form() -> rx.Component:
    return rx.form(
        rx.hstack(
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
            width="100%",
            spacing="2",
        ),
        on_submit=NewsState.search,
        reset_on_submit=False,
        role="search",
        width="100%",
    )


def _pager() -> rx.Component:
    return pager(NewsState.page, NewsState.pages, NewsState.go_to_page, variant="soft", spread=True)


def article_list() -> rx.Component:
    """Search, the items and the pager: shared by news and instructions."""
    return rx.vstack(
        _search_form(),
        rx.cond(
            NewsState.loaded & (NewsState.total == 0),
            rx.text(
                rx.cond(NewsState.query, t("Nothing matched your search."), t("Nothing here yet.")),
                role="status",
            ),
        ),
        rx.el.ul(
            rx.foreach(NewsState.items, article_row),
            class_name="heka-article-list",
        ),
        _pager(),
        spacing="4",
        width="100%",
    )


def _mail_switch() -> rx.Component:
    return rx.cond(
        NewsState.can_subscribe,
        rx.el.label(
            rx.hstack(
                rx.switch(
                    id="news-mail",
                    checked=NewsState.news_mail,
                    on_change=NewsState.set_news_mail,
                ),
                rx.text(t("Email me news about my building")),
                spacing="2",
                align="center",
            ),
        ),
    )


def news_page() -> rx.Component:
    """``/news``: Heka's news for this reader, newest first."""
    return page_layout(rx.heading(t("News"), as_="h1", size="8"), _mail_switch(), article_list())


def article_page() -> rx.Component:
    """``/news/<slug>`` and ``/instructions/<slug>``: one article."""
    article = ArticleState.article
    return page_layout(
        rx.cond(
            ArticleState.missing,
            rx.vstack(
                rx.heading(t("Article not found"), as_="h1", size="8"),
                rx.text(
                    t("It may have expired, or it is meant for residents of another property.")
                ),
                rx.link(t("All news"), href=routes.NEWS),
            ),
            rx.el.article(
                rx.link(
                    rx.cond(article["kind"] == "instruction", t("All instructions"), t("All news")),
                    href=rx.cond(
                        article["kind"] == "instruction", routes.INSTRUCTIONS, routes.NEWS
                    ),
                ),
                rx.heading(
                    article["title"],
                    as_="h1",
                    size="8",
                    margin_top="0.5em",
                    lang=rx.cond(article["fallback"], "fi", ui_lang()),
                ),
                rx.hstack(
                    rx.text(article["date"], size="2", color_scheme="gray"),
                    rx.cond(article["fallback"], finnish_only_badge()),
                    spacing="2",
                    align="center",
                    margin_y="0.75em",
                ),
                lead_image(ArticleState.image),
                rx.box(
                    article_body(article["html"].to(str)),
                    lang=rx.cond(article["fallback"], "fi", ui_lang()),
                ),
                attachment_links(ArticleState.attachments),
            ),
        )
    )
