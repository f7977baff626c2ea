"""The household's request types on the service-request pipeline: a resident moving in,
one moving out, and a notice of termination (which every signatory must confirm)."""

from __future__ import annotations

from heka_app.i18n import N_
from heka_app.services.household import changes, termination
from heka_app.services.household.permissions import REPORT_CHANGE, TERMINATE
from heka_app.services.messages.routing import HOUSEHOLD
from heka_app.services.service_requests.kinds import (
    CHOICE,
    COMPUTED,
    DATE,
    EVERY_SIGNATORY,
    HOUSEHOLD_MEMBERS,
    IDENTITY_CODE,
    TEXT,
    FieldSpec,
    RequestType,
)

MOVING_OUT_CHECKLIST = (
    N_("Clean the apartment, its storage room and the balcony before the final inspection."),
    N_("Return every key to the area office by noon on the day after the lease ends."),
    N_(
        "Make a change of address notice to Posti and the Digital and Population Data "
        "Services Agency."
    ),  # fmt: skip
    N_("End your electricity contract and home insurance from the end of the lease."),
    N_("Rent is paid up to the day the lease ends."),
)

HOUSEHOLD_TYPES: tuple[RequestType, ...] = (
    RequestType(
        key="move_in",
        label=N_("A resident is moving in"),
        intro=N_(
            "Tell us who moves into your home. The identity code is needed for the resident "
            "register; it is stored only at Heka and shown to nobody."
        ),
        queue=HOUSEHOLD,
        permission=REPORT_CHANGE,
        fields=(
            FieldSpec("first_name", N_("First name of the new resident"), TEXT, low=1, high=80),
            FieldSpec("last_name", N_("Last name of the new resident"), TEXT, low=1, high=80),
            FieldSpec(
                "identity_code",
                N_("Personal identity code"),
                IDENTITY_CODE,
                help=N_("For example 131052-308T."),
            ),
            FieldSpec("moved_in_on", N_("Moving-in date"), DATE),
        ),
        on_sent=changes.record_move_in,
        on_decided=changes.apply_move_in,
    ),
    RequestType(
        key="move_out",
        label=N_("A resident is moving out"),
        intro=N_("Tell us who moves out of your home and when."),
        queue=HOUSEHOLD,
        permission=REPORT_CHANGE,
        fields=(
            FieldSpec("resident", N_("Who is moving out?"), CHOICE, choices_from=HOUSEHOLD_MEMBERS),
            FieldSpec("moved_out_on", N_("Moving-out date"), DATE),
        ),
        on_sent=changes.record_move_out,
        on_decided=changes.apply_move_out,
    ),
    RequestType(
        key="termination",
        label=N_("Notice of termination"),
        intro=N_(
            "Give notice to end your lease. The notice period is one month, counted from the "
            "end of the month in which Heka receives the notice. When the lease has several "
            "signatories, each of them must confirm the notice within 14 days."
        ),
        queue=HOUSEHOLD,
        permission=TERMINATE,
        confirm_by=EVERY_SIGNATORY,
        checklist=MOVING_OUT_CHECKLIST,
        computed=termination.notice_dates,
        on_decided=termination.apply_termination,
        fields=(
            FieldSpec("notice_given", N_("Notice given on"), COMPUTED),
            FieldSpec("ends_on", N_("The lease ends on"), COMPUTED),
            FieldSpec(
                "inspection_date",
                N_("Preferred day for the final inspection"),
                DATE,
                when="future",
            ),
            FieldSpec(
                "inspection_time",
                N_("Preferred time for the final inspection"),
                CHOICE,
                choices=(
                    ("morning", N_("Morning, 8–12")),
                    ("afternoon", N_("Afternoon, 12–16")),
                ),
            ),
            FieldSpec(
                "new_address",
                N_("Your new address (for the final statement)"),
                TEXT,
                required=False,
                high=200,
            ),
        ),
    ),
)
