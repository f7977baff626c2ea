"""The building blocks of a service request definition: field kinds, a field, a type.

Types may also name what happens beyond the generic pipeline, as plain functions:
``computed`` (the values of its computed fields on a day: shown on the form before
sending, stored when sent, and recomputed on the day every signatory has confirmed, e.g.
a notice's end date), ``on_sent`` (store what the thread's JSON must not hold, e.g. an
identity code) and ``on_decided`` (what follows when staff approve, e.g. the register).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from heka_app.services.messages import permissions as messages
from heka_app.services.messages.routing import CUSTOMER_SERVICE

# Field kinds the form component knows how to render.
TEXT, LONG_TEXT, DATE, TIME, CHOICE, NUMBER, YES_NO, PLATE, ATTACHMENT = (
    "text", "long_text", "date", "time", "choice", "number", "yes_no", "plate", "attachment",
)  # fmt: skip
# An identity code is checked and stored server-side only (the thread keeps it masked);
# a computed field is filled by the service (never typed) and shown with the answers.
IDENTITY_CODE, COMPUTED = "identity_code", "computed"
NOBODY, EVERY_SIGNATORY = "nobody", "every_signatory"
# ``choices_from`` of a field whose choices depend on the sender: their household members.
HOUSEHOLD_MEMBERS = "household_members"


@dataclasses.dataclass(frozen=True)
class FieldSpec:
    """One field: ``label``/``help``/choice labels are msgids (fi/sv/en in the catalogs).

    ``low``/``high`` bound a number's value or a text's length; ``when`` limits a date to
    the ``"past"`` (today included) or the ``"future"`` (today included).
    """

    name: str
    label: str
    kind: str = TEXT
    required: bool = True
    choices: tuple[tuple[str, str], ...] = ()
    low: int = 0
    high: int = 200
    when: str = ""
    help: str = ""
    choices_from: str = ""


@dataclasses.dataclass(frozen=True)
class RequestType:
    """One kind of service request."""

    key: str
    label: str
    intro: str
    fields: tuple[FieldSpec, ...]
    queue: str = CUSTOMER_SERVICE
    permission: str = messages.SEND
    confirm_by: str = NOBODY
    # msgids listed on the form (e.g. the moving-out checklist).
    checklist: tuple[str, ...] = ()
    # (day) -> {computed field name: ISO date}
    computed: Callable[[dt.date], dict[str, str]] | None = None
    # (session, thread, cleaned values with secrets) -> None, in the sending transaction
    on_sent: Callable[..., None] | None = None
    # (session, thread, now) -> "" or a msgid saying why the approval cannot apply
    on_decided: Callable[..., str] | None = None

    def field(self, name: str) -> FieldSpec:
        """The field called ``name`` (KeyError for another)."""
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(name)
