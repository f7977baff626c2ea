"""The signatories' panel of a request every signatory must confirm: who has confirmed,
by when, and for a signatory who has not, the password form that confirms it (signing
in again) and the withdraw button."""

from __future__ import annotations

import reflex as rx

from heka_app.components.forms import field, form_error, stacked_form, submit_button
from heka_app.components.messages import saved_notice
from heka_app.i18n.ui import t, t_var
from heka_app.state.message_thread import MessageThreadState as S
from heka_app.state.request_signatures import RequestSignatureState as R


def _signer(signer: rx.Var) -> rx.Component:
    return rx.el.li(
        rx.text(
            signer["name"].to(str),
            " – ",
            rx.cond(signer["confirmed"], t("confirmed"), t("not confirmed yet")),
            weight=rx.cond(signer["me"], "bold", "regular"),
        )
    )


def _confirm_form() -> rx.Component:
    return rx.vstack(
        stacked_form(
            form_error(R.error, R.error_params),
            field(
                t("Your password"),
                "password",
                R.field_errors["current"],
                type_="password",
                autocomplete="current-password",
                id_prefix="confirm-",
                error_params=R.error_params,
            ),
            submit_button(t("Confirm the notice"), R.busy, id="confirm-submit"),
            on_submit=R.confirm,
            id="confirm-form",
        ),
        rx.button(
            t("Withdraw the notice"),
            on_click=R.withdraw,
            variant="outline",
            color_scheme="red",
            id="withdraw-notice",
        ),
        class_name="heka-full-width",
        spacing="3",
    )


def signatures_panel() -> rx.Component:
    """Shown on a thread whose request needs every signatory's confirmation."""
    signers = S.signing["signers"].to(list[dict])
    return rx.cond(
        S.signing["needed"].to(bool),
        rx.card(
            rx.heading(t("Confirmations of the signatories"), as_="h2", size="4"),
            rx.cond(R.done != "", saved_notice(t_var(R.done))),
            rx.cond(
                S.signing["waiting"].to(bool),
                rx.text(
                    t(
                        "Heka receives the notice when every signatory has confirmed it, "
                        "at the latest on {date}.",
                        date=S.signing["deadline"].to(str),
                    )
                ),
            ),
            rx.el.ul(
                rx.foreach(signers, _signer),
                id="signers",
                class_name="heka-pl-125 heka-list-disc",
            ),
            rx.cond(
                S.signing["may_confirm"].to(bool),
                rx.vstack(
                    rx.text(t("Enter your password to confirm that you give this notice.")),
                    _confirm_form(),
                    class_name="heka-full-width",
                ),
            ),
            id="signatures",
            class_name="heka-full-width",
        ),
    )
