"""Run the background half of reset requests in the test's own session (what the worker
does in its own transaction)."""

from __future__ import annotations

import json

from sqlmodel import col, select

from heka_app.models.jobs import DONE, PENDING, BackgroundJob
from heka_app.services.accounts import reset_requests


def run_reset_requests(session, now) -> int:
    """Run every reset-request job due at ``now``; returns how many ran."""
    jobs = session.exec(
        select(BackgroundJob)
        .where(
            BackgroundJob.kind == reset_requests.RESET_REQUEST,
            BackgroundJob.status == PENDING,
            col(BackgroundJob.run_after) <= now,
        )
        .order_by(col(BackgroundJob.id))
    ).all()
    for job in jobs:
        payload = json.loads(job.payload)
        reset_requests.send_reset_link(session=session, now=now, **payload)
        job.status = DONE
    session.flush()
    return len(jobs)


def request_reset_now(session, email, now, client_ip="", device=""):
    """A reset request and its background half, as the worker would run it at once."""
    result = reset_requests.request_password_reset(
        session=session, email=email, now=now, client_ip=client_ip, device=device
    )
    run_reset_requests(session, now)
    return result
