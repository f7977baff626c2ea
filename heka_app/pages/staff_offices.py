"""The admin's page (/staff/area-offices): which area offices each area-office handler
covers. The inbox shows a handler only the threads of those offices' properties."""

from __future__ import annotations

import reflex as rx

from heka_app.components.forms import form_error, notice, submit_button
from heka_app.components.layout import page_layout
from heka_app.i18n.ui import t, t_var
from heka_app.state.staff_offices import StaffOfficesState as S


def _office_choice(handler: rx.Var, office: rx.Var) -> rx.Component:
    box_id = "office-" + handler["id"].to(str) + "-" + office["id"].to(str)
    return rx.el.label(
        rx.el.input(
            type="checkbox",
            name="office-" + office["id"].to(str),
            id=box_id,
            default_checked=handler["office_ids"].to(list[str]).contains(office["id"]),
        ),
        office["name"],
        html_for=box_id,
    )


def _handler_form(handler: rx.Var) -> rx.Component:
    has_offices = handler["office_ids"].to(list[str]).length() > 0
    return rx.card(
        rx.form(
            rx.el.fieldset(
                rx.el.legend(
                    rx.text(handler["name"], weight="bold"),
                    rx.text(handler["email"], size="2", color_scheme="gray"),
                ),
                rx.el.input(type="hidden", name="account_id", value=handler["id"]),
                rx.box(
                    rx.foreach(S.offices, lambda office: _office_choice(handler, office)),
                    class_name="heka-choice heka-my-075",
                ),
                rx.cond(
                    has_offices,
                    rx.fragment(),
                    rx.text(
                        t("No office: this handler sees no threads in the inbox."),
                        color_scheme="amber",
                        size="2",
                    ),
                ),
                rx.cond(
                    (S.saved != "") & (S.saved_for == handler["id"]),
                    notice(t_var(S.saved, S.saved_params)),
                ),
                submit_button(t("Save offices"), S.busy),
                class_name="heka-fieldset",
            ),
            on_submit=S.save,
            reset_on_submit=False,
            id="offices-form-" + handler["id"].to(str),
        ),
        class_name="heka-full-width",
    )


def staff_offices_page() -> rx.Component:
    """Every area-office handler with the offices they cover (admin only)."""
    return page_layout(
        rx.heading(t("Area offices of the handlers"), as_="h1", size="7"),
        rx.cond(
            S.allowed,
            rx.vstack(
                rx.text(
                    t(
                        "An area-office handler sees in the inbox only the messages and "
                        "requests of the properties of the offices ticked here."
                    )
                ),
                form_error(S.error, S.error_params),
                rx.cond(
                    S.handlers.length() == 0,
                    rx.text(t("There are no area-office staff accounts.")),
                ),
                rx.foreach(S.handlers, _handler_form),
                spacing="3",
                class_name="heka-full-width heka-mt-1",
            ),
        ),
    )
