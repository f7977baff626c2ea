"""Log-in page: email and password, links to register and to password reset."""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.components.browser import open_when_set
from heka_app.components.forms import field, form_card, form_error, stacked_form, submit_button
from heka_app.components.layout import page_layout
from heka_app.components.plain import link, text
from heka_app.i18n.ui import t
from heka_app.state.auth import LoginState


def login_page() -> rx.Component:
    """The log-in form."""
    return page_layout(
        form_card(
            t("Log in"),
            form_error(LoginState.error, LoginState.error_params),
            stacked_form(
                field(
                    t("Email address"),
                    "email",
                    LoginState.field_errors["email"],
                    type_="email",
                    autocomplete="username",
                ),
                field(
                    t("Password"),
                    "password",
                    LoginState.field_errors["password"],
                    type_="password",
                    autocomplete="current-password",
                ),
                submit_button(t("Log in"), LoginState.busy, id="login-submit"),
                on_submit=LoginState.submit,
            ),
            link(t("Forgot your password?"), href=routes.FORGOT_PASSWORD),
            text(
                t("No account yet?"),
                " ",
                link(t("Register"), href=routes.REGISTER),
            ),
            open_when_set(LoginState.handoff_url),
        )
    )
