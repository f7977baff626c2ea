"""The kinds of service request: each one declarative definition, rendered by one form
component (components/service_request_form.py), checked by one validator (fields.py) and
handled in one staff inbox (services/messages/inbox.py).

A new type is one more :class:`RequestType` in :data:`REQUEST_TYPES` (and its msgids in
the catalogs): fields, who may send it (``permission``), the staff queue that handles it
(``queue``) and who must confirm it before it reaches the queue (``confirm_by``: nobody,
or every signatory of the lease, as a notice of termination does). The household's own
types (moving in and out, termination) live in services/household/request_types.py.
"""

from __future__ import annotations

from heka_app.i18n import N_
from heka_app.services.household.request_types import HOUSEHOLD_TYPES
from heka_app.services.messages.routing import AREA_OFFICE
from heka_app.services.service_requests.kinds import (
    ATTACHMENT,
    CHOICE,
    COMPUTED,
    DATE,
    EVERY_SIGNATORY,
    HOUSEHOLD_MEMBERS,
    IDENTITY_CODE,
    LONG_TEXT,
    NOBODY,
    NUMBER,
    PLATE,
    TEXT,
    TIME,
    YES_NO,
    FieldSpec,
    RequestType,
)

__all__ = [
    "ATTACHMENT", "CHOICE", "COMPUTED", "DATE", "EVERY_SIGNATORY", "HOUSEHOLD_MEMBERS",
    "IDENTITY_CODE",
    "LONG_TEXT", "NOBODY", "NUMBER", "PLATE", "TEXT", "TIME", "YES_NO", "FieldSpec",
    "RequestType",
]  # fmt: skip

YES_NO_CHOICES = (("yes", N_("Yes")), ("no", N_("No")))
_WEEKDAYS = (
    ("mon", N_("Monday")), ("tue", N_("Tuesday")), ("wed", N_("Wednesday")),
    ("thu", N_("Thursday")), ("fri", N_("Friday")), ("sat", N_("Saturday")),
    ("sun", N_("Sunday")),
)  # fmt: skip
_SAUNA_TIMES = tuple((f"{h:02d}:00", f"{h:02d}:00–{h + 1:02d}:00") for h in range(16, 22))

REQUEST_TYPES: tuple[RequestType, ...] = (
    RequestType(
        key="disturbance",
        label=N_("Disturbance report"),
        intro=N_("Tell us about noise or other disturbance in your building."),
        queue=AREA_OFFICE,
        fields=(
            FieldSpec("date", N_("When did it happen?"), DATE, when="past"),
            FieldSpec("time", N_("At what time?"), TIME, required=False),
            FieldSpec(
                "place",
                N_("Where?"),
                CHOICE,
                choices=(
                    ("neighbour", N_("A neighbouring apartment")),
                    ("stairwell", N_("The stairwell")),
                    ("yard", N_("The yard")),
                    ("common", N_("Another common area")),
                ),
            ),
            FieldSpec("what", N_("What happened?"), LONG_TEXT, low=10, high=2000),
            FieldSpec("recurring", N_("Does it happen again and again?"), YES_NO),
        ),
    ),
    RequestType(
        key="renovation",
        label=N_("Permission for a do-it-yourself renovation"),
        intro=N_("Ask before you paint, tile or change fixtures in your home."),
        queue=AREA_OFFICE,
        fields=(
            FieldSpec("what", N_("What will you renovate?"), LONG_TEXT, low=10, high=2000),
            FieldSpec("start", N_("When will the work start?"), DATE, when="future"),
            FieldSpec("contractor", N_("Contractor (if any)"), TEXT, required=False, high=120),
            FieldSpec("plan", N_("Plan or drawing"), ATTACHMENT, required=False, high=3),
        ),
    ),
    RequestType(
        key="keys",
        label=N_("Key or lock order"),
        intro=N_("Order extra keys or a lock change. Keys are charged by the price list."),
        fields=(
            FieldSpec("count", N_("How many keys?"), NUMBER, low=1, high=10),
            FieldSpec(
                "reason",
                N_("Why?"),
                CHOICE,
                choices=(
                    ("extra", N_("I need an extra key")),
                    ("lost", N_("A key was lost")),
                    ("lock_change", N_("I want the lock changed")),
                ),
            ),
            FieldSpec(
                "safety_lock",
                N_("May we also open the safety lock?"),
                YES_NO,
                help=N_("Needed when a lock is changed while the safety lock is in use."),
            ),
        ),
    ),
    RequestType(
        key="inspection",
        label=N_("Apartment inspection order"),
        intro=N_("Order an inspection of your apartment, e.g. before moving out."),
        queue=AREA_OFFICE,
        fields=(
            FieldSpec(
                "reason",
                N_("Why?"),
                CHOICE,
                choices=(
                    ("moving_out", N_("I am moving out")),
                    ("condition", N_("The condition of the apartment")),
                    ("other", N_("Something else")),
                ),
            ),
            FieldSpec("date", N_("Preferred date"), DATE, when="future"),
            FieldSpec("notes", N_("Anything else?"), LONG_TEXT, required=False, high=1000),
        ),
    ),
    RequestType(
        key="parking",
        label=N_("Parking space application"),
        intro=N_("Apply for a parking space in your property."),
        fields=(
            FieldSpec("registration", N_("Car registration number"), PLATE, high=10),
            FieldSpec(
                "space",
                N_("Type of space"),
                CHOICE,
                choices=(
                    ("outdoor", N_("Outdoor space")),
                    ("heated", N_("Space with a heating socket")),
                    ("carport", N_("Carport")),
                    ("garage", N_("Garage")),
                    ("charging", N_("Space with an EV charger")),
                ),
            ),
        ),
    ),
    RequestType(
        key="sauna",
        label=N_("Sauna shift application"),
        intro=N_("Apply for a weekly sauna shift of your own."),
        fields=(
            FieldSpec("weekday", N_("Weekday"), CHOICE, choices=_WEEKDAYS),
            FieldSpec("time", N_("Time"), CHOICE, choices=_SAUNA_TIMES),
            FieldSpec("people", N_("How many people?"), NUMBER, low=1, high=6),
        ),
    ),
    # Asked for from My details, which explains what is kept for the lease
    # (pages/account_details.py); customer service closes the account by hand.
    RequestType(
        key="account_deletion",
        label=N_("Account deletion request"),
        intro=N_(
            "Ask us to close your account on the resident pages. What your lease requires "
            "is kept until the lease has ended and been settled."
        ),
        fields=(
            FieldSpec(
                "reason",
                N_("Anything you want to tell us?"),
                LONG_TEXT,
                required=False,
                high=1000,
            ),
        ),
    ),
    *HOUSEHOLD_TYPES,
)

BY_KEY: dict[str, RequestType] = {t.key: t for t in REQUEST_TYPES}


def request_type(key: str) -> RequestType | None:
    """The definition called ``key``, or None for anything else."""
    return BY_KEY.get(key if isinstance(key, str) else "")
