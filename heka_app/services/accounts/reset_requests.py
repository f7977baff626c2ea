"""Password-reset requests: answered at once, looked up and mailed in the background.

The request itself (``request_password_reset``) only counts the asking address and queues
an ``accounts.reset_request`` job: the same work, so the same time, for any email
(finding 3: a lookup in the request made registered addresses answer slower). The job
(``send_reset_link``) looks the address up and queues the mail.

Nobody else's requests can stop the owner's mail (finding 1), and nobody can flood a
mailbox: mails to one account are spaced by the ``reset-mail:`` policy (1 min after the
first, then 2, 4, 8, at most 15 min; requests inside the pause are answered by one mail
when it ends). A request from a browser that signed in to the account before (its device
cookie, services/auth/devices.py) has its own spacing of one minute, so the tenant's own
request is mailed within a minute whatever strangers requested.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from sqlmodel import Session, select

from heka_app.db import session_scope
from heka_app.i18n import LANGUAGES
from heka_app.models import UserAccount
from heka_app.services.auth import one_time_links, security_log
from heka_app.services.auth import throttle as login_throttle
from heka_app.services.auth.devices import device_account
from heka_app.services.common.emails import normalize_email
from heka_app.services.common.results import FormResult
from heka_app.services.jobs.queue import enqueue
from heka_app.services.jobs.registry import job_handler
from heka_app.services.mail.jobs import enqueue_mail
from heka_app.services.mail.templates import reset_password_mail

RESET_REQUEST = "accounts.reset_request"
MAX_EMAIL_LENGTH = 254


def request_password_reset(
    *,
    session: Session,
    email: str,
    now: dt.datetime,
    client_ip: str = "",
    device: str = "",
    language: str = "",
) -> FormResult:
    """Queue the lookup and, if the address has an active account, its reset mail (in
    ``language``, the page's where it was asked; else the account's saved language).

    The answer and the work are the same for every address. Requests are counted per
    asking address (the same for every email, so no oracle either).
    """
    keys = [f"reset-ip:{client_ip or 'unknown'}"]
    if not login_throttle.check_allowed(session, keys=keys, now=now).allowed:
        return FormResult.done()
    login_throttle.record_failure(session, keys=keys, now=now)  # counts requests
    payload = {
        "email": normalize_email(email)[:MAX_EMAIL_LENGTH],
        "client_ip": str(client_ip or "")[:64],
        "device": str(device or "")[:200],
        "language": language if language in LANGUAGES else "",
    }
    key = f"reset-request:{secrets.token_hex(16)}"
    enqueue(session, kind=RESET_REQUEST, key=key, payload=payload, now=now)
    return FormResult.done()


def send_reset_link(
    *,
    session: Session,
    email: str,
    client_ip: str,
    device: str,
    now: dt.datetime,
    language: str = "",
) -> None:
    """The background half: mail a reset link now, or once the account's pause ends."""
    account = session.exec(select(UserAccount).where(UserAccount.email == email)).first()
    if account is None or not account.is_active:
        return
    assert account.id is not None  # loaded from the database
    own_device = device_account(device) == account.id
    spacing = [f"reset-mail-device:{account.id}" if own_device else f"reset-mail:{account.id}"]
    decision = login_throttle.check_allowed(session, keys=spacing, now=now)
    if not decision.allowed:
        # One deferred job per pause: every request inside it is answered by one mail.
        run_at = now + dt.timedelta(seconds=decision.retry_after_seconds)
        payload = {"email": email, "client_ip": client_ip, "device": device, "language": language}
        key = f"reset-deferred:{spacing[0]}:{int(run_at.timestamp())}"
        enqueue(session, kind=RESET_REQUEST, key=key, payload=payload, now=now, delay=run_at - now)
        return
    login_throttle.record_failure(session, keys=spacing, now=now)  # counts mails sent
    security_log.log_security_event(
        session,
        event=security_log.PASSWORD_RESET_REQUESTED,
        account_id=account.id,
        client_ip=client_ip,
        detail="own device" if own_device else "",
        now=now,
    )
    link = one_time_links.make_link(one_time_links.RESET_PASSWORD, account, now=now)
    mail_language = language if language in LANGUAGES else account.language
    mail = reset_password_mail(account.email, link.url, mail_language)
    enqueue_mail(session, mail, key=f"mail:reset:{link.jti}", now=now, valid_for=link.valid_for)


@job_handler(RESET_REQUEST)
def run_reset_request(payload: dict[str, Any], *, key: str, now: dt.datetime) -> None:
    """The ``accounts.reset_request`` job."""
    with session_scope() as session:
        send_reset_link(
            session=session,
            email=str(payload.get("email", "")),
            client_ip=str(payload.get("client_ip", "")),
            device=str(payload.get("device", "")),
            now=now,
            language=str(payload.get("language", "")),
        )
