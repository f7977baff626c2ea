"""``/account/details``: My details. The register's facts read-only, then one small form
per thing the user keeps (phone, refund account, mail and language), then their data:
the JSON download and how to ask for the account to be closed."""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.components.faults import BACKEND_ORIGIN
from heka_app.components.forms import field, form_error, notice, stacked_form, submit_button
from heka_app.components.layout import loading, page_layout
from heka_app.i18n import LANGUAGE_NAMES, LANGUAGES
from heka_app.i18n.ui import t, t_var
from heka_app.state.account_details import PHONE, PREFERENCES, REFUND, AccountDetailsState

S = AccountDetailsState
DELETION_REQUEST = routes.REQUEST_NEW + "?type=account_deletion"


def _row(label: rx.Var, value: rx.Component | rx.Var) -> rx.Component:
    return rx.data_list.item(rx.data_list.label(label), rx.data_list.value(value))


def _card(title: rx.Var, *children: rx.Component, **props) -> rx.Component:
    return rx.card(
        rx.heading(title, as_="h2", size="5", class_name="heka-mb-075"),
        *children,
        class_name="heka-full-width",
        **props,
    )


def _register() -> rx.Component:
    lease = S.lease
    return _card(
        t("From the resident register"),
        rx.data_list.root(
            _row(t("Name in the register"), S.name),
            rx.cond(S.masked_code, _row(t("Personal identity code"), S.masked_code)),
            _row(t("Email address"), S.email),
            rx.cond(
                S.is_tenant & lease.contains("address"),
                rx.fragment(
                    _row(t("Address"), lease["address"]),
                    _row(t("Lease number"), lease["contract_number"]),
                    _row(
                        t("On the lease as"),
                        rx.cond(
                            lease["role"] == "primary",
                            t("Primary tenant (signatory)"),
                            t("Co-resident (not a signatory)"),
                        ),
                    ),
                    _row(t("Lease started"), lease["starts_on"]),
                    rx.cond(lease["ends_on"], _row(t("Lease ends"), lease["ends_on"])),
                    _row(
                        t("Household"),
                        rx.vstack(rx.foreach(S.household, rx.text), spacing="0", align="start"),
                    ),
                ),
            ),
            orientation=rx.breakpoints(initial="vertical", sm="horizontal"),
        ),
        rx.text(
            t("Is something wrong here? Tell your area office: these come from Heka's register."),
            size="2",
            color_scheme="gray",
            class_name="heka-mt-075",
        ),
    )


def _saved(form: str, message: rx.Var) -> rx.Component:
    return rx.cond(S.saved == form, notice(message))


def _phone_form() -> rx.Component:
    return _card(
        t("Phone number"),
        _saved(PHONE, t("Your phone number was saved.")),
        stacked_form(
            field(
                t("Phone number"),
                "phone",
                S.errors["phone"],
                type_="tel",
                autocomplete="tel",
                hint=t("A Finnish number, or another country's with its code (+46 ...)."),
                default_value=S.phone,
                key=S.version,
            ),
            submit_button(t("Save phone number"), id="phone-submit"),
            on_submit=S.save_phone,
            id="phone-form",
        ),
    )


def _refund_form() -> rx.Component:
    return _card(
        t("Bank account for refunds"),
        _saved(REFUND, t("Your bank account for refunds was saved. We sent a notice by email.")),
        rx.cond(
            S.bic,
            rx.text(
                t("Bank (BIC)"),
                ": ",
                rx.text.strong(S.bic, id="refund-bic"),
                size="2",
                class_name="heka-mb-075",
            ),
        ),
        stacked_form(
            field(
                t("Account number (IBAN)"),
                "iban",
                S.errors["iban"],
                autocomplete="off",
                hint=t("Overpaid rent and deposits are returned to this account."),
                default_value=S.refund_iban,
                key=S.version,
                spell_check=False,
            ),
            field(
                t("Current password"),
                "current",
                S.errors["current"],
                type_="password",
                autocomplete="current-password",
                id_prefix="refund-",
                error_params=S.error_params,
            ),
            submit_button(t("Save bank account"), id="refund-submit"),
            on_submit=S.save_refund_account,
            id="refund-form",
        ),
    )


def _checkbox(kind: str, label: rx.Var) -> rx.Component:
    return rx.el.label(
        rx.el.input(
            type="checkbox",
            name=kind,
            id=f"field-{kind}",
            default_checked=S.notify[kind],
            key=S.version,
        ),
        rx.el.span(label),
        # One line per choice; a long label wraps beside its box, not under it.
        class_name="heka-choice-line",
    )


def _preferences_form() -> rx.Component:
    return _card(
        t("Email and language"),
        _saved(PREFERENCES, t("Your choices were saved.")),
        form_error(S.errors["form"]),
        stacked_form(
            rx.el.fieldset(
                rx.el.legend(t("Send me an email")),
                _checkbox("fault_status", t("when my fault report is updated")),
                _checkbox("replies", t("when Heka answers my message or request")),
                _checkbox("news_my_building", t("about news for my building")),
                class_name="heka-choice heka-choice-column",  # one choice a line
            ),
            rx.el.label(
                t("Preferred language"), html_for="field-language", class_name="heka-label"
            ),
            rx.el.select(
                *[rx.el.option(LANGUAGE_NAMES[lang], value=lang) for lang in LANGUAGES],
                id="field-language",
                name="language",
                default_value=S.language,
                key=S.version,
                class_name="heka-select",
            ),
            rx.text(
                t("The pages and our emails use this language."), size="2", color_scheme="gray"
            ),
            rx.text(
                rx.cond(S.errors["language"], t_var(S.errors["language"]), ""),
                color_scheme="red",
                size="2",
                role="alert",
            ),
            submit_button(t("Save choices"), id="preferences-submit"),
            on_submit=S.save_preferences,
            id="preferences-form",
        ),
    )


def _my_data() -> rx.Component:
    return _card(
        t("Your data"),
        rx.text(
            t("Download everything the resident pages hold about you as one file (JSON)."),
            class_name="heka-mb-075",
        ),
        rx.el.a(
            rx.button(rx.icon("download"), t("Download my data"), size="3", variant="soft"),
            href=BACKEND_ORIGIN + routes.MY_DATA_EXPORT,
            download="heka-my-data.json",
            id="export-link",
        ),
        rx.heading(t("Closing your account"), as_="h3", size="4", class_name="heka-mt-15"),
        rx.text(
            t(
                "You can ask us to close your account on the resident pages. Your lease, rent "
                "payments and what you have reported about your home are kept for as long as "
                "the lease requires, and accounting records as long as the law requires (at "
                "least six years). Your login, phone number and refund account are removed."
            ),
            class_name="heka-my-05",
        ),
        rx.cond(
            S.is_tenant,
            rx.link(t("Ask for account deletion"), href=DELETION_REQUEST, id="deletion-link"),
            rx.text(t("Staff accounts are closed by Heka's administrator."), size="2"),
        ),
    )


def account_details_page() -> rx.Component:
    """My details."""
    return page_layout(
        rx.heading(t("My details"), as_="h1", size="7", class_name="heka-mb-05"),
        rx.cond(
            S.loaded,
            rx.vstack(
                _register(),
                rx.grid(
                    _phone_form(),
                    rx.cond(S.is_tenant, _refund_form()),
                    _preferences_form(),
                    _my_data(),
                    columns=rx.breakpoints(initial="1", md="2"),
                    spacing="4",
                    class_name="heka-full-width",
                ),
                spacing="4",
                class_name="heka-full-width",
            ),
            loading(),
        ),
    )
