"""The Reflex app and its page table."""

from __future__ import annotations

import functools

import reflex as rx

from heka_app import dead_worker_tokens, lazy_substates, redis_state_release
from heka_app.components.catalog_group import catalog_group
from heka_app.components.connection import connection_banner
from heka_app.components.pwa_head import pwa_head
from heka_app.data_export_route import data_export_route
from heka_app.gc_tuning import tune_after_startup
from heka_app.i18n.js_catalog import catalog_groups, write_js_catalog
from heka_app.i18n.ui import t
from heka_app.logging_config import configure_logging
from heka_app.pages.catalog_groups import group_of
from heka_app.pages.registry import PAGES, SITE_NAME, description_of
from heka_app.private_files import private_files
from heka_app.proxy import forwarded_only_from_trusted_proxies
from heka_app.pwa.files import write_pwa_files
from heka_app.security_headers import security_headers
from heka_app.served_language import served_language
from heka_app.session_routes import session_routes
from heka_app.settings import get_settings
from heka_app.state.content import PublicInfoState
from heka_app.state.kiosk import KioskState
from heka_app.state.load_probe import LoadProbeState  # noqa: F401  (the load test's floor)
from heka_app.state.session import SessionState
from heka_app.state.session_check import SessionCheck

configure_logging()
# The browser-side catalog is generated from the .po files before pages compile.
write_js_catalog()
# The installable app's manifests and offline page, in every language (pwa/files.py).
write_pwa_files()

# Before the app makes its token manager: a killed worker's tabs keep their tokens.
dead_worker_tokens.install()
# Before the app makes its state manager: in memory, a tab's substates made on first use.
lazy_substates.install()
# With Redis, each event's state tree freed when written back, not at a full collection.
redis_state_release.install()

# Transformers apply in order, each wrapping the last: the forwarding headers are checked
# first, every response gets the security headers, a page is served in the reader's language
# (served_language.py), private files and the session-cookie routes are served innermost.
app = rx.App(
    stylesheets=["/heka.css", "/heka-faults.css"],
    html_lang="fi",
    head_components=pwa_head(kiosk=get_settings().kiosk_mode),
    api_transformer=[
        session_routes,
        private_files,
        data_export_route,
        served_language,
        security_headers,
        forwarded_only_from_trusted_proxies,
    ],
)
# Freeze the start-up heap out of every later collection (the latency tail, issue 15).
app.register_lifespan_task(tune_after_startup)
# Before hydration and every event: a token's stored view only for its own session.
app.add_middleware(SessionCheck(), index=0)
# A translated connection banner instead of Reflex's English websocket-error toast.
app.app_wraps[(5, "Overlay")] = lambda stateful: connection_banner() if stateful else None


def _with_catalog_group(page, route: str):
    """The page, with its route group's strings loaded before it renders them."""
    group = group_of(route, page.__module__)
    if group not in catalog_groups():
        return page

    @functools.wraps(page)
    def grouped_page() -> rx.Component:
        return rx.fragment(catalog_group(group), page())

    return grouped_page


for spec in PAGES:
    app.add_page(
        _with_catalog_group(spec.component, spec.route),
        route=spec.route,
        # "Log in – Heka resident pages"; the landing page is the site's name alone.
        title=t(spec.title) if spec.title == SITE_NAME else t(spec.title) + " – " + t(SITE_NAME),
        description=t(description_of(spec)),
        on_load=[
            SessionState.init_language,
            SessionState.refresh,
            KioskState.load,
            PublicInfoState.load,
            *spec.on_load,
        ],
    )
