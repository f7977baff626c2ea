"""Registration through the identification broker (OpenID Connect, services/signup/oidc.py).

``begin`` stores state, nonce and the PKCE verifier server-side (only the state's hash is
the key) and returns the broker URL; ``finish`` accepts each state once, within ten
minutes, checks the ID token and the registration rules, and issues a ticket.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session, select

from heka_app.i18n import N_
from heka_app.models.identification import OidcAttempt
from heka_app.services.auth import security_log
from heka_app.services.common.claim_once import claim_once
from heka_app.services.common.clock import helsinki_today
from heka_app.services.common.secrets import hash_secret
from heka_app.services.signup import oidc
from heka_app.services.signup.eligibility import check_registration_eligibility
from heka_app.services.signup.registration import Identified, issue_ticket
from heka_app.settings import get_settings

ATTEMPT_TTL = dt.timedelta(minutes=10)
IDENTIFICATION_FAILED = N_("Identification did not succeed. Please try again.")
IDENTIFICATION_CANCELLED = N_("Identification was cancelled.")


@dataclasses.dataclass(frozen=True)
class IdentificationStart:
    """Where to send the browser, and the hash of the flow's ``state`` that the tab keeps
    (the callback must come back to the tab that started it: no login CSRF)."""

    url: str
    state_hash: str


def begin(*, session: Session, redirect_uri: str, now: dt.datetime) -> IdentificationStart:
    """Start the flow: the broker's authorization URL and the state hash for the tab."""
    start = oidc.begin_login(get_settings(), redirect_uri)
    session.add(
        OidcAttempt(
            state_hash=hash_secret(start.state),
            nonce=start.nonce,
            code_verifier=start.code_verifier,
            redirect_uri=redirect_uri,
            created_at=now,
        )
    )
    session.flush()
    return IdentificationStart(start.authorize_url, hash_secret(start.state))


def finish(
    *,
    session: Session,
    state: str,
    expected_state_hash: str,
    code: str,
    error: str,
    client_ip: str,
    now: dt.datetime,
) -> Identified:
    """Complete the flow from the callback's query parameters.

    ``expected_state_hash`` is what :func:`begin` gave the tab; a callback whose state
    does not match was started elsewhere and is refused.
    """
    if not expected_state_hash or hash_secret(state or "") != expected_state_hash:
        return Identified(error=IDENTIFICATION_FAILED)
    attempt = session.exec(
        select(OidcAttempt).where(OidcAttempt.state_hash == hash_secret(state or ""))
    ).first()
    if attempt is None or now - attempt.created_at > ATTEMPT_TTL:
        return Identified(error=IDENTIFICATION_FAILED)
    assert attempt.id is not None  # loaded from the database
    if not claim_once(session, OidcAttempt, attempt.id, now=now):
        return Identified(error=IDENTIFICATION_FAILED)
    if error or not code:
        return Identified(error=IDENTIFICATION_CANCELLED)
    settings = get_settings()
    try:
        identity = oidc.complete_login(
            settings,
            redirect_uri=attempt.redirect_uri,
            code=code,
            code_verifier=attempt.code_verifier,
            nonce=attempt.nonce,
        )
    except oidc.OidcError as exc:
        security_log.log_security_event(
            session,
            event=security_log.IDENTIFICATION_FAILED,
            client_ip=client_ip,
            detail=exc.reason,
            now=now,
        )
        return Identified(error=IDENTIFICATION_FAILED)
    eligibility = check_registration_eligibility(
        session=session,
        identity_code=identity.identity_code,
        today=helsinki_today(now),
        allow_test_codes=settings.allow_test_identity_codes,
    )
    if not eligibility.ok:
        return Identified(error=eligibility.error)
    assert eligibility.person_id is not None  # set whenever eligible
    security_log.log_security_event(
        session,
        event=security_log.IDENTIFICATION_SUCCEEDED,
        client_ip=client_ip,
        detail=f"person={eligibility.person_id}",
        now=now,
    )
    ticket = issue_ticket(
        session=session, person_id=eligibility.person_id, method="broker", now=now
    )
    return Identified(ticket=ticket, first_name=identity.given_name or "")
