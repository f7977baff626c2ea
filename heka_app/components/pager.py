"""The pager under a list (fault reports, messages, the staff inbox, news): previous,
"page x of y", next; shown only when there is more than one page. It is a labelled
``nav`` so a screen reader finds it."""

from __future__ import annotations

from collections.abc import Callable

import reflex as rx

from heka_app.components.plain import classes, text
from heka_app.i18n.ui import t


def pager(
    page: rx.Var, pages: rx.Var, go_to: Callable, *, variant: str = "outline", spread: bool = False
) -> rx.Component:
    """Buttons that call ``go_to(page ± 1)``.

    Args:
        variant: The buttons' variant.
        spread: Push the buttons to the list's edges.
    """
    return rx.cond(
        pages > 1,
        rx.el.nav(
            # A plain row, not rx.hstack (components/plain.py, issue 9).
            rx.el.div(
                rx.button(
                    t("Previous"), on_click=go_to(page - 1), disabled=page <= 1, variant=variant
                ),
                text(t("Page {page} of {pages}", page=page, pages=pages)),
                rx.button(
                    t("Next"), on_click=go_to(page + 1), disabled=page >= pages, variant=variant
                ),
                class_name=classes(
                    "heka-row heka-center heka-gap-3",
                    "heka-between heka-full-width" if spread else "",
                ),
            ),
            aria_label=t("Pages"),
        ),
    )
