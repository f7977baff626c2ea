"""Reading the mails a service queued (the ``mail.send`` jobs of its transaction)."""

from __future__ import annotations

import json

from sqlmodel import Session, select

from heka_app.models import BackgroundJob
from heka_app.services.mail.jobs import SEND
from heka_app.services.mail.sender import OutgoingMail


def queued_mails(session: Session, to: str | None = None) -> list[OutgoingMail]:
    """The queued mails in order, optionally only those to ``to``."""
    session.flush()
    rows = session.exec(
        select(BackgroundJob).where(BackgroundJob.kind == SEND).order_by(BackgroundJob.id)
    ).all()
    mails = [OutgoingMail(**json.loads(row.payload)) for row in rows]
    return [m for m in mails if to is None or m.to == to]
