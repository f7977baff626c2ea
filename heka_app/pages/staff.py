"""Staff area pages: landing and area-office registration codes."""

from __future__ import annotations

import reflex as rx

from heka_app.components.browser import call_browser
from heka_app.components.callout import callout
from heka_app.components.html_lang import catalog_for
from heka_app.components.layout import page_layout
from heka_app.i18n import N_
from heka_app.i18n.ui import t, t_in, t_var
from heka_app.settings import get_settings
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
                class_name="heka-mt-1",
            ),
        ),
    )


# The printed slip: only the code, its expiry and how to use it, in the resident's language.
SLIP_TITLE = N_("Registration code for Heka's resident pages")
SLIP_VALID = N_("Valid until {date}. The code can be used once.")
SLIP_STEP_1 = N_("Go to {site} and choose Register.")
SLIP_STEP_2 = N_("Enter this code and your personal identity code under Registration code.")
SLIP_STEP_3 = N_("Give your email address and choose a password. Then you can log in.")
SLIP_KEEP = N_("Keep the code to yourself. Heka never asks for it by phone or email.")


def _residency(person: rx.Var) -> rx.Component:
    return rx.match(
        person["residency"],
        ("active", t("Active lease")),
        ("upcoming", t("Lease starting")),
        ("ended", t("Lease ended")),
        t("No lease"),
    )


def _match(person: rx.Var) -> rx.Component:
    cannot_use = person["cannot_use"].to(str)
    return rx.el.li(
        rx.flex(
            rx.vstack(
                rx.text(person["name"], weight="bold"),
                rx.text(
                    person["masked_identity_code"],
                    " · ",
                    t("Age {n}", n=person["age"]),
                    " · ",
                    _residency(person),
                    size="2",
                ),
                rx.cond(
                    cannot_use != "",
                    rx.text(
                        t_var(cannot_use),
                        size="2",
                        color_scheme="red",
                        class_name="heka-cannot-use",
                    ),
                    rx.text(t("Can register with a code."), size="2", color_scheme="green"),
                ),
                spacing="1",
                align="start",
            ),
            rx.button(
                t("Issue code"),
                size="2",
                disabled=cannot_use != "",
                on_click=RegistrationCodeState.issue(person["person_id"]),
                class_name="heka-issue",
            ),
            justify="between",
            align="center",
            wrap="wrap",
            spacing="3",
        ),
        class_name="heka-match",
    )


def _slip() -> rx.Component:
    lang = RegistrationCodeState.slip_language
    site = get_settings().public_base_url.split("://", 1)[-1]
    return rx.box(
        rx.heading(t_in(lang, SLIP_TITLE), as_="h2", size="4"),
        rx.code(RegistrationCodeState.issued_code, size="8", id="issued-code"),
        rx.text(
            t_in(lang, SLIP_VALID, date=RegistrationCodeState.issued_expires.to(dict)[lang]),
            as_="p",
        ),
        rx.el.ol(
            rx.el.li(t_in(lang, SLIP_STEP_1, site=site)),
            rx.el.li(t_in(lang, SLIP_STEP_2)),
            rx.el.li(t_in(lang, SLIP_STEP_3)),
        ),
        rx.text(t_in(lang, SLIP_KEEP), as_="p", size="2"),
        catalog_for(lang, RegistrationCodeState),
        lang=lang,
        id="code-slip",
        class_name="heka-slip",
    )


def _issued() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.box(
                rx.heading(
                    t("Registration code for {name}", name=RegistrationCodeState.issued_for),
                    as_="h2",
                    size="4",
                ),
                rx.text(t("It is shown only once: print it or write it down for the resident.")),
                class_name="heka-no-print",
            ),
            rx.hstack(
                rx.text(t("Slip language"), id="slip-language-label"),
                rx.segmented_control.root(
                    rx.segmented_control.item("Suomi", value="fi"),
                    rx.segmented_control.item("Svenska", value="sv"),
                    rx.segmented_control.item("English", value="en"),
                    value=RegistrationCodeState.slip_language,
                    on_change=RegistrationCodeState.set_slip_language,
                    aria_labelledby="slip-language-label",
                    id="slip-language",
                ),
                align="center",
                wrap="wrap",
                class_name="heka-no-print",
            ),
            _slip(),
            rx.hstack(
                rx.button(t("Print"), on_click=call_browser("window.print"), id="print-slip"),
                rx.button(t("Done"), variant="soft", on_click=RegistrationCodeState.clear),
                class_name="heka-no-print",
            ),
            spacing="3",
        ),
        class_name="heka-printable",
    )


def registration_codes_page() -> rx.Component:
    """Find a person after checking their ID and issue a code."""
    return page_layout(
        rx.heading(
            t("Area-office registration codes"),
            as_="h1",
            size="7",
            class_name="heka-no-print heka-mb-05",
        ),
        rx.cond(RegistrationCodeState.allowed, _codes_tool()),
    )


def _codes_tool() -> rx.Component:
    return rx.fragment(
        rx.text(
            t("Check the person's ID first. Search by name or full identity code."),
            class_name="heka-no-print",
        ),
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
                class_name="heka-full-width",
                wrap="wrap",
            ),
            on_submit=RegistrationCodeState.search,
            class_name="heka-no-print heka-my-1",
        ),
        rx.cond(
            RegistrationCodeState.refused,
            callout(
                t("No code issued to {name}.", name=RegistrationCodeState.issued_for)
                + " "
                + t_var(RegistrationCodeState.refused),
                icon="triangle_alert",
                color_scheme="red",
                role="alert",
                id="code-refused",
                class_name="heka-no-print",
            ),
        ),
        rx.cond(RegistrationCodeState.issued_code, _issued()),
        rx.cond(
            RegistrationCodeState.matches.length() > 0,
            rx.el.ul(
                rx.foreach(RegistrationCodeState.matches, _match),
                class_name="heka-matches heka-no-print",
                aria_label=t("Search results"),
            ),
            rx.cond(
                RegistrationCodeState.searched,
                rx.text(t("No matches."), class_name="heka-no-print"),
            ),
        ),
    )
