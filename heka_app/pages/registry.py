"""The explicit page table: route, page function, title msgid, page-specific on_load."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import reflex as rx

from heka_app import routes
from heka_app.i18n import N_
from heka_app.pages.accessibility import accessibility_page
from heka_app.pages.account_details import account_details_page
from heka_app.pages.accounts import (
    account_page,
    forgot_password_page,
    reset_password_page,
    verify_email_page,
)
from heka_app.pages.auth import login_page
from heka_app.pages.content import instructions_page
from heka_app.pages.content_editor import content_editor_page
from heka_app.pages.content_list import content_list_page
from heka_app.pages.fault_form import new_fault_page
from heka_app.pages.fault_queue import fault_queue_page
from heka_app.pages.fault_report import fault_report_page
from heka_app.pages.faults import faults_page
from heka_app.pages.home_details import my_home_details_page
from heka_app.pages.housing import my_home_page
from heka_app.pages.landing import landing_page
from heka_app.pages.message_thread import message_thread_page
from heka_app.pages.messages import messages_page, new_message_page
from heka_app.pages.news import article_page, news_page
from heka_app.pages.not_found import not_found_page
from heka_app.pages.rent import rent_page
from heka_app.pages.service_requests import request_page
from heka_app.pages.signup import (
    register_account_page,
    register_callback_page,
    register_page,
)
from heka_app.pages.staff import registration_codes_page, staff_page
from heka_app.pages.staff_account_changes import account_changes_page
from heka_app.pages.staff_fault import staff_fault_page
from heka_app.pages.staff_inbox import staff_inbox_page
from heka_app.pages.staff_messages import staff_thread_page
from heka_app.pages.staff_offices import staff_offices_page
from heka_app.state import language_reload
from heka_app.state.account_changes import AccountChangesState
from heka_app.state.account_details import AccountDetailsState
from heka_app.state.accounts import AccountState, CredentialsState
from heka_app.state.auth import LoginState
from heka_app.state.content import ArticleState, NewsState
from heka_app.state.content_editor import ContentEditorState
from heka_app.state.content_media import ContentMediaState
from heka_app.state.fault_queue import FaultQueueState, StaffFaultState
from heka_app.state.fault_report import FaultDetailState
from heka_app.state.faults import FaultFormState, FaultListState
from heka_app.state.housing import HomeDetailsState, HomeState
from heka_app.state.message_thread import MessageThreadState
from heka_app.state.messages import MessageFormState, MessagesState
from heka_app.state.rent import RentState
from heka_app.state.service_requests import RequestFormState
from heka_app.state.session import SessionState
from heka_app.state.signup import RegisterState
from heka_app.state.staff import RegistrationCodeState, StaffState
from heka_app.state.staff_inbox import StaffInboxState
from heka_app.state.staff_messages import StaffThreadState
from heka_app.state.staff_offices import StaffOfficesState


@dataclasses.dataclass(frozen=True)
class PageSpec:
    """One row of the page table."""

    route: str
    component: Callable[[], rx.Component]
    title: str
    on_load: tuple = ()
    reload_on_language: bool = False  # its loader formats in the session's language
    description: str = ""  # meta description msgid; empty: DEFAULT_DESCRIPTION


SITE_NAME = N_("Heka resident pages")
DEFAULT_DESCRIPTION = N_(
    "Heka's resident pages: your home, rent, fault reports, news and instructions for "
    "Heka tenants in Helsinki."
)
DESCRIPTIONS = {
    routes.HOME: N_(
        "Heka tenants in Helsinki: log in to see your home and rent, report a fault, and "
        "read news and instructions, in Finnish, Swedish or English."
    ),
    routes.LOGIN: N_("Log in to Heka's resident pages with your email address and password."),
    routes.REGISTER: N_(
        "Create an account for Heka's resident pages with electronic identification or a "
        "code from your area office."
    ),
    routes.NEWS: N_(
        "News from Heka for residents: maintenance work, events and notices for your building."
    ),
    routes.INSTRUCTIONS: N_("Instructions for Heka residents on living in a Heka home."),
    routes.ACCESSIBILITY: N_(
        "Accessibility statement of Heka's resident pages: how they meet the accessibility "
        "requirements and how to give feedback."
    ),
    routes.FORGOT_PASSWORD: N_(
        "Forgot your password for Heka's resident pages? Ask for a link to choose a new one."
    ),
}


def description_of(spec: PageSpec) -> str:
    """The page's meta description msgid."""
    return spec.description or DESCRIPTIONS.get(spec.route, DEFAULT_DESCRIPTION)


PAGES: tuple[PageSpec, ...] = (
    PageSpec(routes.NOT_FOUND, not_found_page, N_("Page not found")),
    # Dynamic routes first: Reflex matches them before static ones that share a prefix.
    PageSpec(routes.NEWS_ARTICLE, article_page, N_("News"), (ArticleState.load,), True),
    PageSpec(
        routes.INSTRUCTION_ARTICLE, article_page, N_("Instructions"), (ArticleState.load,), True
    ),
    PageSpec(routes.HOME, landing_page, N_("Heka resident pages")),
    PageSpec(
        routes.INSTRUCTIONS,
        instructions_page,
        N_("Instructions"),
        (NewsState.load_instructions,),
        True,
    ),
    PageSpec(routes.NEWS, news_page, N_("News"), (NewsState.load_news,), True),
    PageSpec(routes.ACCESSIBILITY, accessibility_page, N_("Accessibility statement")),
    PageSpec(
        routes.LOGIN, login_page, N_("Log in"), (SessionState.leave_if_signed_in, LoginState.clear)
    ),
    PageSpec(
        routes.REGISTER,
        register_page,
        N_("Register"),
        (SessionState.leave_if_signed_in, RegisterState.open_register),
    ),
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
    PageSpec(routes.MY_HOME, my_home_page, N_("Your home"), (HomeState.load,), True),
    PageSpec(
        routes.MY_HOME_DETAILS,
        my_home_details_page,
        N_("My home"),
        (HomeDetailsState.load,),
        True,
    ),
    PageSpec(routes.RENT, rent_page, N_("Rent"), (RentState.load,), True),
    PageSpec(routes.ACCOUNT, account_page, N_("My account"), (AccountState.load,)),
    PageSpec(
        routes.ACCOUNT_DETAILS,
        account_details_page,
        N_("My details"),
        (AccountDetailsState.load,),
        True,
    ),
    PageSpec(
        routes.STAFF_ACCOUNT_CHANGES,
        account_changes_page,
        N_("Residents' detail changes"),
        (AccountChangesState.open,),
        True,
    ),
    PageSpec(routes.STAFF, staff_page, N_("Staff area"), (StaffState.load,)),
    PageSpec(
        routes.STAFF_CODES,
        registration_codes_page,
        N_("Area-office registration codes"),
        (RegistrationCodeState.open,),
    ),
    PageSpec(
        routes.STAFF_CONTENT,
        content_list_page,
        N_("News and instructions"),
        (ContentEditorState.load_list,),
        True,
    ),
    PageSpec(
        routes.STAFF_CONTENT_EDIT,
        content_editor_page,
        N_("Edit news or instruction"),
        (ContentEditorState.open_editor, ContentMediaState.load_media),
    ),
    PageSpec(routes.FAULTS, faults_page, N_("My fault reports"), (FaultListState.load,), True),
    PageSpec(routes.FAULT_NEW, new_fault_page, N_("Report a fault"), (FaultFormState.load,)),
    PageSpec(
        routes.FAULT_DETAIL, fault_report_page, N_("Fault report"), (FaultDetailState.load,), True
    ),
    PageSpec(
        routes.STAFF_FAULTS,
        fault_queue_page,
        N_("Fault reports: maintenance queue"),
        (FaultQueueState.load,),
        True,
    ),
    PageSpec(
        routes.STAFF_FAULT_DETAIL,
        staff_fault_page,
        N_("Fault report"),
        (StaffFaultState.load,),
        True,
    ),
    # Messages and service requests (the static paths share /messages with the thread).
    PageSpec(routes.MESSAGES, messages_page, N_("Messages"), (MessagesState.load,), True),
    PageSpec(routes.MESSAGE_NEW, new_message_page, N_("New message"), (MessageFormState.load,)),
    PageSpec(routes.REQUEST_NEW, request_page, N_("Service request"), (RequestFormState.load,)),
    PageSpec(
        routes.MESSAGE_DETAIL, message_thread_page, N_("Message"), (MessageThreadState.load,), True
    ),
    PageSpec(
        routes.STAFF_MESSAGES,
        staff_inbox_page,
        N_("Messages and service requests: inbox"),
        (StaffInboxState.load,),
        True,
    ),
    PageSpec(
        routes.STAFF_MESSAGE_DETAIL,
        staff_thread_page,
        N_("Message"),
        (StaffThreadState.load,),
        True,
    ),
    PageSpec(
        routes.STAFF_AREA_OFFICES,
        staff_offices_page,
        N_("Area offices of the handlers"),
        (StaffOfficesState.load,),
    ),
)

for _spec in PAGES:
    if _spec.reload_on_language:
        language_reload.register(_spec.route, _spec.on_load)
