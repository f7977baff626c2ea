"""Registration pages: choose identification, the broker callback, email and password."""

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
from heka_app.i18n.ui import t
from heka_app.services.signup.eligibility import ALREADY_REGISTERED
from heka_app.state.signup import RegisterState


def _strong_identification() -> rx.Component:
    return rx.vstack(
        rx.heading(t("Identify with bank codes or mobile certificate"), as_="h2", size="4"),
        rx.text(t("You will be taken to the identification service and brought back here.")),
        rx.button(
            rx.icon("shield-check", aria_hidden="true"),
            t("Identify yourself"),
            size="3",
            on_click=RegisterState.start_strong_identification,
            id="start-identification",
        ),
        spacing="2",
        align="start",
        width="100%",
    )


def _office_code() -> rx.Component:
    return rx.vstack(
        rx.heading(t("Registration code from an area office"), as_="h2", size="4"),
        rx.text(t("Got a registration code at an area office? Enter it with your identity code.")),
        stacked_form(
            field(t("Registration code"), "code", autocomplete="one-time-code"),
            field(t("Personal identity code"), "identity_code", autocomplete="off"),
            submit_button(t("Continue"), RegisterState.busy, id="code-submit"),
            on_submit=RegisterState.redeem_code,
        ),
        spacing="2",
        align="start",
        width="100%",
    )


def register_page() -> rx.Component:
    """Step 1: how to identify."""
    return page_layout(
        form_card(
            t("Register"),
            rx.text(
                t("Adults in Heka's resident register can register right after signing the lease.")
            ),
            form_error(RegisterState.error, RegisterState.error_params),
            rx.cond(
                RegisterState.error == ALREADY_REGISTERED,
                rx.hstack(
                    rx.link(t("Log in"), href=routes.LOGIN),
                    rx.link(t("Forgot your password?"), href=routes.FORGOT_PASSWORD),
                    spacing="4",
                ),
            ),
            _strong_identification(),
            rx.separator(),
            _office_code(),
        )
    )


def register_callback_page() -> rx.Component:
    """The broker returns here; the on_load handler checks the result."""
    return page_layout(
        form_card(
            t("Register"),
            rx.hstack(rx.spinner(), rx.text(t("Checking your identification…")), role="status"),
        )
    )


def _account_form() -> rx.Component:
    errors = RegisterState.field_errors
    return stacked_form(
        rx.cond(
            RegisterState.identified_name,
            rx.text(
                t("Hello {name}, you have been identified.", name=RegisterState.identified_name)
            ),
            rx.text(t("You have been identified.")),
        ),
        field(t("Email address"), "email", errors["email"], type_="email", autocomplete="email"),
        *new_password_fields(errors, t("Password")),
        submit_button(t("Create account"), RegisterState.busy, id="account-submit"),
        on_submit=RegisterState.complete,
    )


def register_account_page() -> rx.Component:
    """Step 2: email and password (needs a ticket from step 1)."""
    return page_layout(
        form_card(
            t("Create your account"),
            form_error(RegisterState.error),
            rx.cond(
                RegisterState.done,
                notice(
                    t("Almost done! We sent a confirmation link to your email. Open it to finish.")
                ),
                rx.cond(
                    RegisterState.has_ticket,
                    _account_form(),
                    rx.vstack(
                        rx.text(t("Identify yourself first.")),
                        rx.link(t("Back to registration"), href=routes.REGISTER),
                    ),
                ),
            ),
        )
    )
