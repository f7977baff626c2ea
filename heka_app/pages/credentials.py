"""Pages behind one-time links: confirm email, forgot password, reset password."""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.components.forms import field, form_card, form_error, notice, submit_button
from heka_app.components.layout import page_layout
from heka_app.components.password_fields import new_password_fields
from heka_app.i18n.ui import t
from heka_app.state.credentials import CredentialsState


def verify_email_page() -> rx.Component:
    """Opened from the confirmation mail."""
    return page_layout(
        form_card(
            t("Confirm email address"),
            form_error(CredentialsState.error),
            rx.cond(
                CredentialsState.done,
                rx.vstack(
                    notice(t("Your email address is confirmed. You can now log in.")),
                    rx.link(rx.button(t("Log in")), href=routes.LOGIN),
                ),
            ),
        )
    )


def forgot_password_page() -> rx.Component:
    """Ask for a reset link."""
    return page_layout(
        form_card(
            t("Forgot your password?"),
            form_error(CredentialsState.error),
            rx.cond(
                CredentialsState.done,
                notice(t("If the address has an account, we sent a link to reset the password.")),
                rx.form(
                    rx.vstack(
                        rx.text(t("Enter your email address and we will send you a link.")),
                        field(t("Email address"), "email", type_="email", autocomplete="email"),
                        submit_button(t("Send link"), CredentialsState.busy, id="forgot-submit"),
                        spacing="3",
                        width="100%",
                    ),
                    on_submit=CredentialsState.request_reset,
                    width="100%",
                ),
            ),
        )
    )


def reset_password_page() -> rx.Component:
    """Choose a new password from the reset link."""
    return page_layout(
        form_card(
            t("Choose a new password"),
            form_error(CredentialsState.error),
            rx.cond(
                CredentialsState.done,
                rx.vstack(
                    notice(t("Your password has been changed. Log in with the new password.")),
                    rx.link(rx.button(t("Log in")), href=routes.LOGIN),
                ),
                rx.form(
                    rx.vstack(
                        *new_password_fields(CredentialsState.field_errors),
                        submit_button(t("Save password"), CredentialsState.busy, id="reset-submit"),
                        spacing="3",
                        width="100%",
                    ),
                    on_submit=CredentialsState.reset_password,
                    width="100%",
                ),
            ),
        )
    )
