"""Find demo people who may register (adult, lease in force, no account yet)."""

from __future__ import annotations

from sqlmodel import select

from heka_app.db import session_scope
from heka_app.models import Person, UserAccount
from heka_app.services.common.identity_codes import age_on
from heka_app.services.housing.residency import residency_of


def registrable_people(count: int, *, today, status: str = "active") -> list[tuple[str, str]]:
    """``(identity_code, first_name)`` of people who can register on ``today``."""
    found = []
    with session_scope() as session:
        registered = set(session.exec(select(UserAccount.person_id)).all())
        for person in session.exec(select(Person).order_by(Person.id)).all():
            if person.id in registered or age_on(person.identity_code, today) < 18:
                continue
            if residency_of(session=session, person_id=person.id, today=today).status == status:
                found.append((person.identity_code, person.first_name))
                if len(found) == count:
                    break
    return found


def child_in_register(*, today) -> str:
    """Identity code of a demo child (under 18) living on a lease in force on ``today``."""
    with session_scope() as session:
        for person in session.exec(select(Person).order_by(Person.id)).all():
            if (
                age_on(person.identity_code, today) < 18
                and residency_of(session=session, person_id=person.id, today=today).may_log_in
            ):
                return person.identity_code
    raise AssertionError("the demo data has no children")
