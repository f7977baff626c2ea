"""services/signup/oidc.py against the real dev OpenID Provider (devtools/oidc-provider, node).

One provider process for the module; each test walks the flow like a browser with httpx:
authorize → pick a test person on the interaction page → capture the redirect to our
callback (not fetched) → complete_login.
"""

from __future__ import annotations

import dataclasses
import time
from html.parser import HTMLParser
from urllib.parse import parse_qs, urljoin, urlsplit

import httpx
import pytest

from heka_app.services.signup import oidc
from heka_app.services.signup.oidc import OidcError
from heka_app.settings import get_settings
from tests.oidc_provider_process import CLIENT_SECRET, free_port, running_oidc_provider

pytestmark = pytest.mark.broker  # node's oidc-provider; -m 'not broker' skips
REDIRECT_URI = "http://127.0.0.1:3999/register/callback"
LOA2 = "http://ftn.ficora.fi/2017/loa2"


@pytest.fixture(scope="module")
def issuer():
    with running_oidc_provider(redirect_uris=[REDIRECT_URI]) as url:
        oidc.clear_caches()
        yield url
    oidc.clear_caches()


def settings_for(issuer: str, **changes):
    base = {"oidc_issuer": issuer, "oidc_client_secret": CLIENT_SECRET}
    return dataclasses.replace(get_settings(), **(base | changes))


class Forms(HTMLParser):
    """The page's forms: action, input values and button text."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.forms: list[dict] = []
        self._in_button = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"action": a.get("action"), "fields": {}, "buttons": []})
        elif tag == "input" and a.get("type") == "hidden" and self.forms:
            self.forms[-1]["fields"][a["name"]] = a.get("value", "")
        elif tag == "button":
            self._in_button = True
            self.forms[-1]["buttons"].append("")

    def handle_endtag(self, tag):
        if tag == "button":
            self._in_button = False

    def handle_data(self, data):
        if self._in_button:
            self.forms[-1]["buttons"][-1] += data


def follow(browser: httpx.Client, response: httpx.Response) -> httpx.Response | dict:
    """Follow redirects; stop at our callback and return its query instead of fetching it."""
    while response.is_redirect:
        location = urljoin(str(response.url), response.headers["location"])
        if location.startswith(REDIRECT_URI):
            return {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}
        response = browser.get(location)
    return response


def identify(start: oidc.OidcStart, button: str | None = None, fields: dict | None = None):
    """Act as the browser: pick the person whose button is ``button`` (or submit ``fields``
    in the free-text form); return the callback's query parameters."""
    with httpx.Client(timeout=10) as browser:
        page = follow(browser, browser.get(start.authorize_url))
        assert page.status_code == 200, page.text
        forms = Forms(page.text).forms
        if button is not None:
            form = next(f for f in forms if button in f["buttons"])
            data = form["fields"]
        else:
            form = next(f for f in forms if not f["fields"] and "Identify" in f["buttons"][0])
            data = fields
        result = follow(browser, browser.post(urljoin(str(page.url), form["action"]), data=data))
        assert isinstance(result, dict), result.text
        return result


def test_full_flow_identifies_the_picked_test_person(issuer):
    settings = settings_for(issuer)
    start = oidc.begin_login(settings, REDIRECT_URI)
    query = parse_qs(urlsplit(start.authorize_url).query)
    assert query["code_challenge_method"] == ["S256"] and query["nonce"] == [start.nonce]
    callback = identify(start, "Tiina Testaaja (010594Y9032)")
    assert callback["state"] == start.state and callback["iss"] == issuer
    person = oidc.complete_login(
        settings,
        redirect_uri=REDIRECT_URI,
        code=callback["code"],
        code_verifier=start.code_verifier,
        nonce=start.nonce,
        response_issuer=callback["iss"],
    )
    assert person == oidc.StrongIdentity(
        identity_code="010594Y9032",
        given_name="Tiina",
        family_name="Testaaja",
        birthdate="1994-05-01",
        assurance=LOA2,
        issuer=issuer,
    )
    # The code is single use.
    with pytest.raises(OidcError) as again:
        oidc.complete_login(
            settings,
            redirect_uri=REDIRECT_URI,
            code=callback["code"],
            code_verifier=start.code_verifier,
            nonce=start.nonce,
        )
    assert again.value.reason == "exchange_failed"


def test_invalid_free_text_identity_code_is_refused_on_the_page(issuer):
    start = oidc.begin_login(settings_for(issuer), REDIRECT_URI)
    with httpx.Client(timeout=10) as browser:
        page = follow(browser, browser.get(start.authorize_url))
        action = urljoin(str(page.url), Forms(page.text).forms[-2]["action"])
        again = browser.post(action, data={"hetu": "150380-9126"})  # wrong check character
    assert again.status_code == 200 and 'role="alert"' in again.text


def test_free_text_identity_code_and_child(issuer):
    settings = settings_for(issuer)
    start = oidc.begin_login(settings, REDIRECT_URI)
    fields = {"hetu": "150380-9125", "given_name": "Maija", "family_name": "Meikäläinen"}
    callback = identify(start, fields=fields)
    kw = {"redirect_uri": REDIRECT_URI, "code_verifier": start.code_verifier}
    person = oidc.complete_login(settings, code=callback["code"], nonce=start.nonce, **kw)
    assert (person.identity_code, person.family_name) == ("150380-9125", "Meikäläinen")
    assert person.birthdate == "1980-03-15"
    # The same client may authenticate with client_secret_post (oidc-provider takes both).
    settings = settings_for(issuer, oidc_client_auth_method="client_secret_post")
    start = oidc.begin_login(settings, REDIRECT_URI)
    callback = identify(start, "Onni Testaaja (020516C903K)")
    kw = {"redirect_uri": REDIRECT_URI, "code_verifier": start.code_verifier}
    child = oidc.complete_login(settings, code=callback["code"], nonce=start.nonce, **kw)
    assert (child.identity_code, child.birthdate) == ("020516C903K", "2016-05-02")


@pytest.mark.parametrize(
    ("changes", "complete_kw", "reason"),
    [
        ({}, {"nonce": "not-the-nonce-we-sent"}, "token_invalid"),
        ({"oidc_client_secret": "wrong-secret"}, {}, "exchange_failed"),
        ({}, {"code_verifier": "x" * 64}, "exchange_failed"),  # PKCE enforced
        ({"oidc_client_auth_method": "private_key_jwt"}, {}, "exchange_failed"),  # not built
        ({"oidc_identity_claim": "nin"}, {}, "claim_missing"),
        ({"oidc_accepted_acr": ("http://ftn.ficora.fi/2017/loa3",)}, {}, "assurance_insufficient"),
        ({}, {"response_issuer": "http://127.0.0.1:1"}, "issuer_mismatch"),
    ],
    ids=["wrong-nonce", "wrong-secret", "wrong-verifier", "auth-method", "claim", "acr", "iss"],
)
def test_refused_completions(issuer, changes, complete_kw, reason):
    settings = settings_for(issuer, **changes)
    start = oidc.begin_login(settings, REDIRECT_URI)
    callback = identify(start, "Aapo Esimerkki (010501E9032)")
    kw = {"code": callback["code"], "code_verifier": start.code_verifier, "nonce": start.nonce}
    with pytest.raises(OidcError) as refused:
        oidc.complete_login(settings, redirect_uri=REDIRECT_URI, **(kw | complete_kw))
    assert refused.value.reason == reason


def test_provider_refuses_requests_without_pkce_or_with_foreign_redirect(issuer):
    start = oidc.begin_login(settings_for(issuer), REDIRECT_URI)
    no_pkce = httpx.URL(start.authorize_url).copy_remove_param("code_challenge")
    with httpx.Client(timeout=10) as browser:
        callback = follow(browser, browser.get(no_pkce))
    assert callback["error"] == "invalid_request"
    # Exact redirect URI matching by default: another host, or another port, is refused.
    for uri in ("http://evil.example/cb", "http://127.0.0.1:45678/register/callback"):
        foreign = httpx.URL(start.authorize_url).copy_set_param("redirect_uri", uri)
        response = httpx.get(foreign, timeout=10)
        assert response.status_code == 400 and "location" not in response.headers


def test_cancel_returns_access_denied(issuer):
    start = oidc.begin_login(settings_for(issuer), REDIRECT_URI)
    callback = identify(start, "Keskeytä / Cancel")
    assert callback["error"] == "access_denied" and callback["state"] == start.state


def test_unreachable_provider():
    settings = settings_for(f"http://127.0.0.1:{free_port()}")
    with pytest.raises(OidcError) as refused:
        oidc.begin_login(settings, REDIRECT_URI)
    assert refused.value.reason == "provider_unreachable"


def test_unknown_kid_refetches_the_jwks_once(issuer):
    settings = settings_for(issuer)
    start = oidc.begin_login(settings, REDIRECT_URI)
    callback = identify(start, "Tiina Testaaja (010594Y9032)")
    # As after a key rotation at the provider: the cached key set lacks the token's kid.
    jwks_uri = oidc._discover(settings)["jwks_uri"]
    oidc._cache[jwks_uri] = (time.monotonic(), {"keys": []})
    kw = {"redirect_uri": REDIRECT_URI, "code_verifier": start.code_verifier}
    person = oidc.complete_login(settings, code=callback["code"], nonce=start.nonce, **kw)
    assert person.identity_code == "010594Y9032"


def test_plain_http_provider_refused_outside_dev(issuer):
    with pytest.raises(OidcError) as refused:
        oidc.begin_login(settings_for(issuer, env="prod"), REDIRECT_URI)
    assert refused.value.reason == "provider_invalid"


def test_any_loopback_port_option():
    with running_oidc_provider(redirect_uris=[REDIRECT_URI], allow_any_loopback_port=True) as url:
        settings = settings_for(url)
        other_port = "http://127.0.0.1:45678/register/callback"
        start = oidc.begin_login(settings, other_port)
        assert httpx.get(start.authorize_url, timeout=10).status_code == 303
        other_path = oidc.begin_login(settings, "http://127.0.0.1:45678/elsewhere")
        assert httpx.get(other_path.authorize_url, timeout=10).status_code == 400
