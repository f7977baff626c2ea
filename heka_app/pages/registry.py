"""The explicit page table: route, page function, title msgid, page-specific on_load."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import reflex as rx

from heka_app import routes
from heka_app.i18n import N_
from heka_app.pages.accessibility import accessibility_page
from heka_app.pages.account import account_page
from heka_app.pages.credentials import (
    forgot_password_page,
    reset_password_page,
    verify_email_page,
)
from heka_app.pages.instructions import instructions_page
from heka_app.pages.landing import landing_page
from heka_app.pages.login import login_page
from heka_app.pages.my_home import my_home_page
from heka_app.pages.register import (
    register_account_page,
    register_callback_page,
    register_page,
)
from heka_app.pages.staff import registration_codes_page, staff_page
from heka_app.state.account import AccountState
from heka_app.state.credentials import CredentialsState
from heka_app.state.home import HomeState
from heka_app.state.login import LoginState
from heka_app.state.registration import RegisterState
from heka_app.state.staff import RegistrationCodeState, StaffState


@dataclasses.dataclass(frozen=True)
class PageSpec:
    """One row of the page table."""

    route: str
    component: Callable[[], rx.Component]
    title: str
    on_load: tuple = ()


PAGES: tuple[PageSpec, ...] = (
    PageSpec(routes.HOME, landing_page, N_("Heka resident pages")),
    PageSpec(routes.INSTRUCTIONS, instructions_page, N_("Instructions")),
    PageSpec(routes.ACCESSIBILITY, accessibility_page, N_("Accessibility statement")),
    PageSpec(routes.LOGIN, login_page, N_("Log in"), (LoginState.clear,)),
    PageSpec(routes.REGISTER, register_page, N_("Register"), (RegisterState.open_register,)),
    PageSpec(
        routes.REGISTER_CALLBACK,
        register_callback_page,
        N_("Register"),
        (RegisterState.finish_strong_identification,),
    ),
    PageSpec(routes.REGISTER_ACCOUNT, register_account_page, N_("Create your account")),
    PageSpec(
        routes.VERIFY_EMAIL,
        verify_email_page,
        N_("Confirm email address"),
        (CredentialsState.confirm_email,),
    ),
    PageSpec(
        routes.FORGOT_PASSWORD,
        forgot_password_page,
        N_("Forgot your password?"),
        (CredentialsState.open_form,),
    ),
    PageSpec(
        routes.RESET_PASSWORD,
        reset_password_page,
        N_("Choose a new password"),
        (CredentialsState.open_form,),
    ),
    PageSpec(routes.MY_HOME, my_home_page, N_("Your home"), (HomeState.load,)),
    PageSpec(routes.ACCOUNT, account_page, N_("My account"), (AccountState.load,)),
    PageSpec(routes.STAFF, staff_page, N_("Staff area"), (StaffState.load,)),
    PageSpec(
        routes.STAFF_CODES,
        registration_codes_page,
        N_("Area-office registration codes"),
        (StaffState.load, RegistrationCodeState.clear),
    ),
)
