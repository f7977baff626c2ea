"""Serve each page prerendered in the reader's language (issue 9; language_pages.py writes
``<page>.sv.html`` and ``<page>.en.html`` at build time).

The language is the one the first websocket event will settle on (SessionState
``init_language``): the ``heka_lang`` cookie when it names a language, otherwise the
browser's Accept-Language. So the served page, its hydration and the state agree, and the
state's answer re-renders no text. Finnish, or a build without the variants (``reflex
run`` in development), serves the Finnish page as before. Only GET and HEAD of page URLs
are touched: the path is rewritten to the variant's file. A dynamic route's page (the static
server answers it with its 404 page, the SPA fallback, and status 200) gets that page's
variant; any other URL without a page (the backend's own routes, unknown addresses) is
left alone.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from heka_app.i18n import DEFAULT_LANGUAGE, reader_language
from heka_app.language_pages import NOT_FOUND, variant_path
from heka_app.security_headers import ASGIApp, Message, Scope
from heka_app.session_routes import LANGUAGE_COOKIE, request_cookie

VARY = (b"vary", b"Cookie, Accept-Language")


def chosen_language(scope: Scope) -> str:
    """The language of the page a request gets: as SessionState.init_language decides."""
    accept = b",".join(v for k, v in scope.get("headers", []) if k.lower() == b"accept-language")
    return reader_language(request_cookie(scope, LANGUAGE_COOKIE), accept.decode("latin-1"))


def page_file(static_dir: Path, path: str) -> tuple[str, bool] | None:
    """The prerendered page a URL path is served from, relative to ``static_dir``, and
    whether it is the 404 page standing in for a dynamic route's; None for files and
    redirects."""
    name = path.strip("/")
    if ".." in name.split("/"):
        return None
    if not name:
        return "index.html", False
    if path.endswith("/") and (static_dir / name / "index.html").is_file():
        return f"{name}/index.html", False
    if "." in name.rsplit("/", 1)[-1] or (static_dir / name).is_dir():
        return None  # a file (the static server's), or "/login" about to be redirected
    if (static_dir / f"{name}.html").is_file():
        return f"{name}.html", False
    return NOT_FOUND, True


def default_static_dir() -> Path:
    """Where the production build's pages are (what Reflex's frontend mount serves)."""
    from reflex.config import get_config
    from reflex.constants import Dirs
    from reflex.utils.prerequisites import get_web_dir

    from heka_app.settings import PROJECT_ROOT

    return PROJECT_ROOT / get_web_dir() / Dirs.STATIC / get_config().frontend_path.strip("/")


def served_language(
    app: ASGIApp,
    *,
    static_dir: Path | None = None,
    routable: Callable[[str], bool] | None = None,
) -> ASGIApp:
    """Wrap the app serving the static pages (Reflex's ``api_transformer`` hook).

    Args:
        app: The wrapped app.
        static_dir: The built pages; by default the production build's.
        routable: Whether a path without a prerendered file is one of the app's dynamic
            pages; by default Reflex's routes manifest decides.
    """

    @functools.cache
    def pages() -> Path:
        return static_dir or default_static_dir()

    async def wrapped(scope: Scope, receive, send) -> None:
        if scope.get("type") != "http" or scope.get("method") not in ("GET", "HEAD"):
            await app(scope, receive, send)
            return
        found = page_file(pages(), scope.get("path", "/"))
        if found is None:
            await app(scope, receive, send)
            return
        relative, stands_in = found
        lang = chosen_language(scope)
        variant = variant_path(Path(relative), lang).as_posix()
        if stands_in and not (routable or _manifest_routable)(scope["path"]):
            await app(scope, receive, send)
            return
        if lang != DEFAULT_LANGUAGE and (pages() / variant).is_file():
            scope = dict(scope, path="/" + variant, raw_path=("/" + variant).encode())

        async def send_varied(message: Message) -> None:
            if message.get("type") == "http.response.start":
                message = dict(message, headers=[*message.get("headers", []), VARY])
            await send(message)

        await app(scope, receive, send_varied)

    return wrapped


@functools.cache
def _manifest_router() -> Callable[[str], str | None] | None:
    from reflex.utils.exec import get_routes_manifest_router

    return get_routes_manifest_router()


def _manifest_routable(path: str) -> bool:
    from reflex.utils.exec import _match_routable_page

    router = _manifest_router()
    return router is not None and _match_routable_page(router, path) is not None
