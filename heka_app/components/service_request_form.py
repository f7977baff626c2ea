"""The one form component of every service request type: it renders the fields the
type's definition sent as data (services/service_requests/definitions.py), by kind."""

from __future__ import annotations

import reflex as rx

from heka_app.i18n.ui import t, t_var


def _error(state, name: rx.Var) -> rx.Component:
    name = name.to(str)
    error = state.field_errors[name]
    return rx.text(
        rx.cond(error, t_var(error, state.field_params[name]), ""),
        id="field-" + name.to(str) + "-error",
        color_scheme="red",
        size="2",
        role="alert",
    )


def _input(f: rx.Var, type_: str, **props) -> rx.Component:
    return rx.el.input(
        type=type_,
        id="field-" + f["name"].to(str),
        name=f["name"],
        required=f["required"],
        class_name="heka-native-input",
        aria_describedby="field-" + f["name"].to(str) + "-error",
        **props,
    )


def _radios(f: rx.Var) -> rx.Component:
    return rx.el.fieldset(
        rx.el.legend(t_var(f["label"])),
        rx.foreach(
            f["choices"].to(list[dict]),
            lambda c: rx.el.label(
                rx.el.input(
                    type="radio",
                    name=f["name"],
                    value=c["value"],
                    id="field-" + f["name"].to(str) + "-" + c["value"].to(str),
                ),
                t_var(c["label"]),
            ),
        ),
        class_name="heka-choice",
        aria_describedby="field-" + f["name"].to(str) + "-error",
    )


def _select(f: rx.Var) -> rx.Component:
    return rx.el.select(
        rx.el.option(t("Choose..."), value=""),
        rx.foreach(
            f["choices"].to(list[dict]), lambda c: rx.el.option(t_var(c["label"]), value=c["value"])
        ),
        id="field-" + f["name"].to(str),
        name=f["name"],
        class_name="heka-select",
        aria_describedby="field-" + f["name"].to(str) + "-error",
    )


def _labelled(f: rx.Var, control: rx.Component) -> rx.Component:
    return rx.fragment(
        rx.el.label(
            t_var(f["label"]), html_for="field-" + f["name"].to(str), class_name="heka-label"
        ),
        control,
    )


def request_field(state, f: rx.Var) -> rx.Component:
    """One field of the definition, by its kind; help and error under it."""
    control = rx.match(
        f["kind"],
        ("yes_no", _radios(f)),
        ("choice", _labelled(f, _select(f))),
        (
            "long_text",
            _labelled(
                f,
                rx.el.textarea(
                    id="field-" + f["name"].to(str),
                    name=f["name"],
                    class_name="heka-textarea",
                    aria_describedby="field-" + f["name"].to(str) + "-error",
                ),
            ),
        ),
        ("date", _labelled(f, _input(f, "date"))),
        ("time", _labelled(f, _input(f, "time"))),
        ("number", _labelled(f, _input(f, "number", input_mode="numeric"))),
        ("plate", _labelled(f, _input(f, "text", auto_capitalize="characters"))),
        ("attachment", rx.fragment()),
        _labelled(f, _input(f, "text")),
    )
    return rx.cond(
        f["kind"] == "attachment",
        rx.fragment(),
        rx.vstack(
            control,
            rx.cond(f["help"] != "", rx.text(t_var(f["help"]), size="2", color_scheme="gray")),
            _error(state, f["name"]),
            spacing="1",
            class_name="heka-full-width",
            align="start",
        ),
    )


def request_fields(state) -> rx.Component:
    """Every field of the loaded type, in the definition's order."""
    return rx.foreach(state.fields, lambda f: request_field(state, f))


def request_preview(state) -> rx.Component:
    """What the service computed for the type (e.g. a notice's end date), shown before
    sending, and the type's checklist (e.g. for moving out)."""
    return rx.fragment(
        rx.cond(
            state.preview.length() > 0,
            rx.card(
                rx.el.dl(
                    rx.foreach(
                        state.preview,
                        lambda row: rx.fragment(
                            rx.el.dt(t_var(row["label"]), class_name="heka-label"),
                            rx.el.dd(rx.text(row["value"], weight="bold", size="4")),
                        ),
                    ),
                ),
                rx.cond(
                    state.needs_signatures,
                    rx.text(
                        t(
                            "After sending, every signatory of the lease confirms the notice "
                            "with their password within 14 days. The dates are counted from "
                            "the day the last one confirms."
                        ),
                        size="2",
                    ),
                ),
                id="request-preview",
                class_name="heka-full-width",
            ),
        ),
        rx.cond(
            state.checklist.length() > 0,
            rx.box(
                rx.heading(t("Before you move out"), as_="h2", size="4"),
                rx.el.ul(
                    rx.foreach(state.checklist, lambda item: rx.el.li(t_var(item))),
                    class_name="heka-pl-125 heka-list-disc",
                ),
                id="request-checklist",
                class_name="heka-full-width",
            ),
        ),
    )
