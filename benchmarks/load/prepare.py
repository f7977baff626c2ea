"""Prepare the database for a load run: tenant accounts, signed-in sessions, a report and
a thread per household, written to a plan file the Locust users read.

Sessions are created directly (the service a login calls after the password check), so
argon2 stays out of the steady state; the login storm measures argon2 on its own. The
accounts are real register persons with active leases (demo data has 189), one per
household, all with one password hash computed once.

    python -m benchmarks.load.prepare --households 100 --sessions 2000 --out plan.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import uuid
from pathlib import Path

from sqlmodel import col, select

from heka_app.db import session_scope
from heka_app.demo.dataset import DEMO_PASSWORD
from heka_app.models.accounts import UserAccount
from heka_app.models.faults import FaultReport
from heka_app.models.leases import Lease, LeaseResident
from heka_app.models.messages import MessageThread
from heka_app.services.auth.passwords import hash_password
from heka_app.services.auth.sessions import actor_for_account, start_session
from heka_app.services.common.clock import utcnow
from heka_app.services.faults.reports import FaultForm, create_report
from heka_app.services.messages.threads import MessageForm, send_message

LOAD_DOMAIN = "load.heka.example"


def _primary_tenants(session, now: dt.datetime, limit: int) -> list[int]:
    """Person ids of primary tenants of leases running today, one per lease."""
    today = now.date()
    rows = session.exec(
        select(LeaseResident.person_id, LeaseResident.lease_id)
        .join(Lease, col(Lease.id) == col(LeaseResident.lease_id))
        .where(col(LeaseResident.role) == "primary")
        .where(col(Lease.starts_on) <= today)
        .where((col(Lease.ends_on).is_(None)) | (col(Lease.ends_on) >= today))
        .where(col(LeaseResident.moved_out_on).is_(None))
        .order_by(col(LeaseResident.lease_id))
    ).all()
    seen, people = set(), []
    for person_id, lease_id in rows:
        if lease_id not in seen:
            seen.add(lease_id)
            people.append(person_id)
    return people[:limit]


def _account(session, person_id: int, password_hash: str, now: dt.datetime) -> UserAccount:
    email = f"load{person_id}@{LOAD_DOMAIN}"
    account = session.exec(select(UserAccount).where(col(UserAccount.email) == email)).first()
    if account is None:
        taken = session.exec(
            select(UserAccount).where(col(UserAccount.person_id) == person_id)
        ).first()
        if taken is not None:  # a demo account (tenant@): use it as it is
            return taken
        account = UserAccount(
            email=email,
            password_hash=password_hash,
            person_id=person_id,
            language="fi",
            email_verified_at=now,
            created_at=now,
        )
        session.add(account)
        session.flush()
    return account


def _household_ids(session, actor, now: dt.datetime) -> tuple[int, int]:
    """A fault report and a thread of the actor's household (made when missing)."""
    report = session.exec(
        select(FaultReport.id).where(col(FaultReport.apartment_id) == actor.apartment_id)
    ).first()
    if report is None:
        made = create_report(
            session=session,
            actor=actor,
            now=now,
            submission_id=uuid.uuid4().hex,
            form=FaultForm(
                urgent=False,
                category="other",
                location="room:kitchen",
                description="Keittiön hana tippuu.",
                permission_to_enter=True,
                contact_phone="040 123 4567",
            ),
        )
        report = made.report_id
    thread = session.exec(
        select(MessageThread.id).where(col(MessageThread.lease_id) == actor.lease_id)
    ).first()
    if thread is None:
        opened = send_message(
            session=session,
            actor=actor,
            now=now,
            submission_id=uuid.uuid4().hex,
            form=MessageForm(
                topic="general", subject="Kuormitustesti", text="Hei, tämä on testiviesti."
            ),
        )
        thread = opened.thread_id
    return int(report or 0), int(thread or 0)


def prepare(households: int, sessions: int) -> dict:
    """Accounts, sessions and ids; the plan's ``tabs`` repeat the households in turn."""
    now = utcnow()
    password_hash = hash_password(DEMO_PASSWORD)
    homes: list[dict] = []
    with session_scope() as session:
        for person_id in _primary_tenants(session, now, households):
            account = _account(session, person_id, password_hash, now)
            actor = actor_for_account(session=session, account=account, now=now)
            if actor is None or actor.apartment_id is None:
                continue
            fault_id, thread_id = _household_ids(session, actor, now)
            homes.append({"account_id": account.id, "fault": fault_id, "thread": thread_id})
        tabs = []
        for index in range(sessions):
            home = homes[index % len(homes)]
            secret = start_session(session=session, account_id=home["account_id"], now=now)
            tabs.append({"cookie": f"heka_sid={secret}", **home})
        logins = [
            session.get(UserAccount, home["account_id"]).email  # type: ignore[union-attr]
            for home in homes
        ]
    return {"created": now.isoformat(), "tabs": tabs, "logins": logins}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=100)
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    plan = prepare(args.households, args.sessions)
    args.out.write_text(json.dumps(plan))
    print(f"{len(plan['tabs'])} sessions over {len(plan['logins'])} households -> {args.out}")


if __name__ == "__main__":
    main()
