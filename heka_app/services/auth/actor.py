"""The actor: who is asking, resolved from a server-side session on every event."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from heka_app.models.accounts import STAFF_ROLES, TENANT_ROLE

if TYPE_CHECKING:
    from heka_app.services.housing.residency import Residency

ANONYMOUS_ROLE = "anonymous"


@dataclasses.dataclass(frozen=True)
class Actor:
    """Who is asking. Never sent to the browser as a whole (it holds internal ids)."""

    role: str = ANONYMOUS_ROLE
    account_id: int | None = None
    person_id: int | None = None
    lease_id: int | None = None
    apartment_id: int | None = None
    is_primary: bool = False
    residency: str = ""
    opens_on: dt.date | None = None
    display_name: str = ""
    language: str = "fi"

    @property
    def is_anonymous(self) -> bool:
        """No valid session."""
        return self.account_id is None

    @property
    def is_staff(self) -> bool:
        """Any Heka staff role."""
        return self.role in STAFF_ROLES

    @property
    def is_tenant(self) -> bool:
        """A registered resident."""
        return self.role == TENANT_ROLE and self.account_id is not None


ANONYMOUS = Actor()


def resident_actor(
    *,
    role: str,
    account_id: int | None,
    person_id: int | None,
    residency: Residency,
    display_name: str,
    language: str,
) -> Actor:
    """The actor of an account on a lease, from its residency: one rule for the session
    check's quick path (auth/actor_lookup.py) and its full one (auth/sessions.py)."""
    return Actor(
        role=role,
        account_id=account_id,
        person_id=person_id,
        lease_id=residency.lease_id,
        apartment_id=residency.apartment_id,
        is_primary=residency.is_primary,
        residency=residency.status,
        opens_on=residency.starts_on if residency.status == "upcoming" else None,
        display_name=display_name,
        language=language,
    )
