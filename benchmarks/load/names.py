"""The wire names of the portal's states and handlers, without importing the app.

Locust workers may run on load machines that have only ``benchmarks/load`` and Locust
installed, so the names are built the way Reflex 0.10 builds them
(``reflex___state____state.<module with ___>____<snake_case class>``);
``tests/surface/test_load_names.py`` checks them against the real classes.
"""

from __future__ import annotations

import re

ROOT = "reflex___state____state"
HYDRATE = f"{ROOT}.hydrate"


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def state(module: str, cls: str) -> str:
    """``state("heka_app.state.housing", "HomeState")`` -> the state's full name."""
    return f"{ROOT}.{module.replace('.', '___')}____{_snake(cls)}"


def handler(module: str, cls: str, name: str) -> str:
    """The name a client sends to call ``cls.name``."""
    return f"{state(module, cls)}.{name}"


SESSION = state("heka_app.state.session", "SessionState")
PROBE = state("heka_app.state.load_probe", "LoadProbeState")

# The handlers a tenant's pages call (pages/registry.py's on_load and the forms).
INIT_LANGUAGE = handler("heka_app.state.session", "SessionState", "init_language")
REFRESH = handler("heka_app.state.session", "SessionState", "refresh")
PUBLIC_INFO = handler("heka_app.state.content", "PublicInfoState", "load")
HOME = handler("heka_app.state.housing", "HomeState", "load")
FAULT_LIST = handler("heka_app.state.faults", "FaultListState", "load")
FAULT_DETAIL = handler("heka_app.state.fault_report", "FaultDetailState", "load")
FAULT_FORM = handler("heka_app.state.faults", "FaultFormState", "load")
FAULT_UPLOAD = handler("heka_app.state.faults", "FaultFormState", "upload_photos")
FAULT_SUBMIT = handler("heka_app.state.faults", "FaultFormState", "submit")
RENT = handler("heka_app.state.rent", "RentState", "load")
NEWS = handler("heka_app.state.content", "NewsState", "load_news")
MESSAGES = handler("heka_app.state.messages", "MessagesState", "load")
THREAD = handler("heka_app.state.message_thread", "MessageThreadState", "load")
ECHO = handler("heka_app.state.load_probe", "LoadProbeState", "echo")
LOGIN = handler("heka_app.state.auth", "LoginState", "submit")
