"""The own account: my-account page (email, change password, change email) and the pages
behind one-time links (confirm email, forgot password, reset password).
"""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.components.forms import (
    field,
    form_card,
    form_error,
    notice,
    stacked_form,
    submit_button,
)
from heka_app.components.layout import page_layout
from heka_app.components.password_fields import new_password_fields
from heka_app.components.plain import card, heading, link, text
from heka_app.i18n.ui import t
from heka_app.state.accounts import (
    EMAIL_FORM_ID,
    PASSWORD_FORM_ID,
    AccountState,
    CredentialsState,
)
from heka_app.state.session import SessionState


def _current_password(errors: rx.Var, params: rx.Var, id_prefix: str = "") -> rx.Component:
    return field(
        t("Current password"),
        "current",
        errors["current"],
        type_="password",
        autocomplete="current-password",
        id_prefix=id_prefix,
        error_params=params,
    )


def _password_form() -> rx.Component:
    errors = AccountState.password_errors
    # Plain elements in Radix's classes (components/plain.py, issue 9).
    return card(
        heading(t("Change password"), level="h2", size="5", class_name="heka-mb-075"),
        rx.cond(
            AccountState.password_changed,
            notice(t("Your password has been changed. Your other sessions were logged out.")),
        ),
        stacked_form(
            _current_password(errors, AccountState.password_params),
            *new_password_fields(errors),
            submit_button(t("Change password"), id="password-submit"),
            on_submit=AccountState.change_password,
            id=PASSWORD_FORM_ID,
        ),
    )


def _email_form() -> rx.Component:
    errors = AccountState.email_errors
    return card(
        heading(t("Change email address"), level="h2", size="5", class_name="heka-mb-075"),
        form_error(errors["form"]),
        rx.cond(
            AccountState.email_change_sent,
            notice(
                t("We sent a confirmation link to the new address. It changes when you open it.")
            ),
        ),
        stacked_form(
            field(t("New email address"), "email", errors["email"], type_="email"),
            _current_password(errors, AccountState.email_params, id_prefix="email-"),
            submit_button(t("Change email address"), id="email-submit"),
            on_submit=AccountState.change_email,
            id=EMAIL_FORM_ID,
        ),
    )


def account_page() -> rx.Component:
    """The account page."""
    return page_layout(
        heading(t("My account"), level="h1", size="7"),
        text(
            t("Email address"),
            ": ",
            rx.el.strong(AccountState.email, class_name="rt-Strong"),
            class_name="heka-my-1",
        ),
        link(
            t("My details: phone, refund account, email choices, language and your data"),
            href=routes.ACCOUNT_DETAILS,
            id="details-link",
            class_name="heka-block heka-mb-1",
        ),
        rx.el.div(
            _password_form(),
            rx.cond(SessionState.is_staff, rx.fragment(), _email_form()),
            class_name="heka-grid-md-2",
        ),
    )


def verify_email_page() -> rx.Component:
    """Opened from the confirmation mail."""
    return page_layout(
        form_card(
            t("Confirm email address"),
            form_error(CredentialsState.error),
            rx.cond(
                CredentialsState.done,
                rx.cond(
                    CredentialsState.signed_in,
                    rx.vstack(
                        notice(t("Your email address is confirmed.")),
                        rx.link(rx.button(t("My account")), href=routes.ACCOUNT),
                    ),
                    rx.vstack(
                        notice(t("Your email address is confirmed. You can now log in.")),
                        rx.link(rx.button(t("Log in")), href=routes.LOGIN),
                    ),
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
                stacked_form(
                    rx.text(t("Enter your email address and we will send you a link.")),
                    field(
                        t("Email address"),
                        "email",
                        CredentialsState.field_errors["email"],
                        type_="email",
                        autocomplete="email",
                    ),
                    submit_button(t("Send link"), CredentialsState.busy, id="forgot-submit"),
                    on_submit=CredentialsState.request_reset,
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
                stacked_form(
                    *new_password_fields(CredentialsState.field_errors),
                    submit_button(t("Save password"), CredentialsState.busy, id="reset-submit"),
                    on_submit=CredentialsState.reset_password,
                ),
            ),
        )
    )
