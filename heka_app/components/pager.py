"""The pager under a list (fault reports, messages, the staff inbox, news): previous,
"page x of y", next; shown only when there is more than one page. It is a labelled
``nav`` so a screen reader finds it."""

from __future__ import annotations

from collections.abc import Callable

import reflex as rx

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
            rx.hstack(
                rx.button(
                    t("Previous"), on_click=go_to(page - 1), disabled=page <= 1, variant=variant
                ),
                rx.text(t("Page {page} of {pages}", page=page, pages=pages)),
                rx.button(
                    t("Next"), on_click=go_to(page + 1), disabled=page >= pages, variant=variant
                ),
                align="center",
                spacing="3",
                **({"justify": "between", "width": "100%"} if spread else {}),
            ),
            aria_label=t("Pages"),
        ),
    )
