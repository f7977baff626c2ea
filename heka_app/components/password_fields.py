"""Choosing a password: the field twice, with a live strength hint under the first."""

from __future__ import annotations

import reflex as rx

from heka_app.components.forms import field
from heka_app.components.plain import text
from heka_app.i18n.ui import t, t_var
from heka_app.state.password_hint import PasswordHintState


def new_password_fields(errors: rx.Var, label: rx.Var | None = None) -> list[rx.Component]:
    """Password and its repetition; ``errors`` maps field names to msgids."""
    return [
        field(
            label if label is not None else t("New password"),
            "password",
            errors["password"],
            type_="password",
            autocomplete="new-password",
            hint=rx.cond(PasswordHintState.hint, t_var(PasswordHintState.hint), ""),
            on_change=PasswordHintState.check.debounce(300),
        ),
        field(
            t("Password again"),
            "password_again",
            errors["password_again"],
            type_="password",
            autocomplete="new-password",
        ),
        text(
            t("Use at least 12 characters. A few unrelated words make a good password."),
            size="2",
        ),
    ]
