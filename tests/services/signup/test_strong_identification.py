"""The identification callback is tied to the tab that started it (no login CSRF)."""

from __future__ import annotations

import pytest

from heka_app.models.identification import OidcAttempt
from heka_app.services.common.secrets import hash_secret
from heka_app.services.signup import strong_identification


@pytest.mark.parametrize("expected", ["", hash_secret("state-of-another-tab")])
def test_a_callback_started_elsewhere_is_refused_and_leaves_the_attempt_unused(
    session, now, expected
):
    attempt = OidcAttempt(
        state_hash=hash_secret("state-1"),
        nonce="n",
        code_verifier="v",
        redirect_uri="http://localhost/register/callback",
        created_at=now,
    )
    session.add(attempt)
    session.flush()
    result = strong_identification.finish(
        session=session,
        state="state-1",
        expected_state_hash=expected,
        code="code",
        error="",
        client_ip="198.51.100.4",
        now=now,
    )
    assert result.ticket == "" and result.error == strong_identification.IDENTIFICATION_FAILED
    session.refresh(attempt)
    assert attempt.used_at is None  # the real tab can still finish its identification
