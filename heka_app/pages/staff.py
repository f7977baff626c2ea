"""Staff area pages: landing and area-office registration codes."""

from __future__ import annotations

import reflex as rx

from heka_app.components.layout import page_layout
from heka_app.i18n.ui import t, t_var
from heka_app.state.session import SessionState
from heka_app.state.staff import RegistrationCodeState, StaffState


def staff_page() -> rx.Component:
    """Staff landing."""
    return page_layout(
        rx.heading(t("Staff area"), as_="h1", size="7"),
        rx.cond(
            StaffState.allowed,
            rx.vstack(
                rx.text(t("Signed in as {name}", name=SessionState.display_name)),
                rx.cond(
                    StaffState.tools.length() > 0,
                    rx.el.ul(
                        rx.foreach(
                            StaffState.tools,
                            lambda tool: rx.el.li(
                                rx.link(t_var(tool["label"]), href=tool["route"])
                            ),
                        ),
                        class_name="heka-staff-tools",
                    ),
                    rx.text(t("There are no tools for your role here yet."), id="staff-no-tools"),
                ),
                spacing="3",
                margin_top="1em",
            ),
        ),
    )


def _match(person: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(person["name"]),
        rx.table.cell(person["masked_identity_code"]),
        rx.table.cell(
            rx.match(
                person["residency"],
                ("active", t("Active lease")),
                ("upcoming", t("Lease starting")),
                ("ended", t("Lease ended")),
                t("No lease"),
            )
        ),
        rx.table.cell(
            rx.button(
                t("Issue code"),
                size="1",
                on_click=RegistrationCodeState.issue(person["person_id"]),
            )
        ),
    )


def _issued() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(
                t("Registration code for {name}", name=RegistrationCodeState.issued_for),
                as_="h2",
                size="4",
            ),
            rx.code(RegistrationCodeState.issued_code, size="8", id="issued-code"),
            rx.text(
                t(
                    "Valid until {date}. Single use. It is shown only once: print it or "
                    "write it down for the tenant.",
                    date=RegistrationCodeState.issued_expires.to(dict)[SessionState.lang],
                )
            ),
            rx.hstack(
                rx.button(t("Print"), on_click=rx.call_script("window.print()")),
                rx.button(t("Done"), variant="soft", on_click=RegistrationCodeState.clear),
            ),
            spacing="3",
        ),
        class_name="heka-printable",
    )


def registration_codes_page() -> rx.Component:
    """Find a person after checking their ID and issue a code."""
    return page_layout(
        rx.heading(t("Area-office registration codes"), as_="h1", size="7"),
        rx.cond(RegistrationCodeState.allowed, _codes_tool()),
    )


def _codes_tool() -> rx.Component:
    return rx.fragment(
        rx.text(t("Check the person's ID first. Search by name or full identity code.")),
        rx.form(
            rx.hstack(
                rx.input(
                    name="query",
                    placeholder=t("Name or identity code"),
                    size="3",
                    aria_label=t("Name or identity code"),
                    id="person-query",
                ),
                rx.button(t("Search"), type="submit", size="3", id="person-search"),
                width="100%",
                wrap="wrap",
            ),
            on_submit=RegistrationCodeState.search,
            margin_y="1em",
        ),
        rx.cond(RegistrationCodeState.issued_code, _issued()),
        rx.cond(
            RegistrationCodeState.matches.length() > 0,
            rx.table.root(
                rx.table.header(
                    rx.table.row(
                        rx.table.column_header_cell(t("Name")),
                        rx.table.column_header_cell(t("Identity code")),
                        rx.table.column_header_cell(t("Lease")),
                        rx.table.column_header_cell(""),
                    )
                ),
                rx.table.body(rx.foreach(RegistrationCodeState.matches, _match)),
                width="100%",
            ),
            rx.cond(RegistrationCodeState.searched, rx.text(t("No matches."))),
        ),
    )
