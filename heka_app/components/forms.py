"""Form building blocks: labelled fields with translated, announced error messages.

Fields are uncontrolled inputs inside ``rx.form``: what the user typed stays in the
browser after a failed submit, and passwords never become state vars.
"""

from __future__ import annotations

import reflex as rx

from heka_app.components.callout import callout
from heka_app.components.plain import card, heading, text
from heka_app.i18n.ui import t_var
from heka_app.state.kiosk import KioskState


def no_autofill_on_kiosk(autocomplete: str) -> rx.Var:
    """``autocomplete`` for a field, "off" on a shared kiosk: the browser offers nobody
    what the previous visitor typed (deploy the kiosk browser without a password manager
    too: docs/deployment.md)."""
    return rx.cond(KioskState.active, "off", autocomplete)


# A label, its control and the control's hint and error, one under the other.
_FIELD = "heka-column heka-gap-1 heka-full-width"


def field(
    label: rx.Var,
    name: str,
    error: rx.Var | None = None,
    *,
    type_: str = "text",
    autocomplete: str = "off",
    hint: rx.Var | None = None,
    id_prefix: str = "",
    error_params: rx.Var | None = None,
    **input_props,
) -> rx.Component:
    """A labelled input; ``error`` is a state var holding a msgid ("" = no error).

    ``id_prefix`` keeps element ids unique when two forms on a page share a field name;
    ``error_params`` fill the error's ``{placeholders}`` (e.g. a throttle's minutes).
    """
    field_id = f"field-{id_prefix}{name}"
    described = f"{field_id}-error"
    parts = [
        rx.el.label(label, html_for=field_id, class_name="heka-label"),
        rx.input(
            id=field_id,
            name=name,
            type=type_,
            auto_complete=no_autofill_on_kiosk(autocomplete),
            size="3",
            class_name="heka-full-width",
            aria_describedby=f"{described} {field_id}-hint" if hint is not None else described,
            aria_invalid=rx.cond(error, "true", "false") if error is not None else "false",
            **input_props,
        ),
    ]
    if hint is not None:
        parts.append(text(hint, id=f"{field_id}-hint", size="1", data_accent_color="gray"))
    if error is not None:
        parts.append(
            text(
                rx.cond(error, t_var(error, error_params), ""),
                id=described,
                data_accent_color="red",
                size="2",
                role="alert",
            )
        )
    # Plain elements with classes, not Radix stacks and texts (components/plain.py).
    return rx.el.div(*parts, class_name=_FIELD)


def labelled_control(label: rx.Var, name: str, control: rx.Component, state) -> rx.Component:
    """A label above any native control with id ``field-<name>`` (select, textarea...) and
    the field's error below it from ``state.field_errors`` (with ``state.error_params``);
    the error element is always there, so the control's aria-describedby finds it."""
    error = state.field_errors[name]
    return rx.el.div(
        rx.el.label(label, html_for=f"field-{name}", class_name="heka-label"),
        control,
        text(
            rx.cond(error, t_var(error, state.error_params), ""),
            id=f"field-{name}-error",
            data_accent_color="red",
            size="2",
            role="alert",
        ),
        class_name=_FIELD,
    )


def form_error(error: rx.Var, params: rx.Var | None = None) -> rx.Component:
    """A form-level error callout (shown when ``error`` holds a msgid)."""
    return rx.cond(
        error,
        callout(
            t_var(error, params),
            icon="triangle_alert",
            color_scheme="red",
            role="alert",
            class_name="heka-full-width",
        ),
    )


def stacked_form(*children: rx.Component, on_submit, **props) -> rx.Component:
    """A form whose fields and button stand one under the other, full width.

    Fields stay uncontrolled and ``reset_on_submit`` is off, so nothing typed is lost when
    the server answers with an error.
    """
    return rx.form(
        rx.el.div(*children, class_name="heka-column heka-gap-3 heka-full-width"),
        on_submit=on_submit,
        reset_on_submit=False,
        class_name="heka-full-width",
        **props,
    )


def notice(message: rx.Var, color: str = "green") -> rx.Component:
    """A positive or neutral callout."""
    return callout(
        message, icon="info", color_scheme=color, class_name="heka-full-width", role="status"
    )


def submit_button(label: rx.Var, busy: rx.Var | None = None, **props) -> rx.Component:
    """The form's submit button; disabled and spinning while ``busy`` is true."""
    if busy is not None:
        props.update(loading=busy, disabled=busy)
    return rx.button(label, type="submit", size="3", **props)


def form_card(title: rx.Var, *children: rx.Component) -> rx.Component:
    """A centered card for single-purpose forms (log in, register, reset)."""
    return rx.el.div(
        card(
            rx.el.div(
                heading(title, level="h1", size="7"),
                *children,
                class_name="heka-column heka-gap-4 heka-full-width",
            ),
            size="3",
            class_name="heka-form-card",
        ),
        class_name="heka-centered",
    )
