"""The fault form's draft in localStorage (assets/heka_fault_draft.js)."""

from __future__ import annotations

import reflex as rx

LIBRARY = "$/public/heka_fault_draft.js"


class FaultDraft(rx.Component):
    """Restores the draft into the form when it mounts and saves every change."""

    library = LIBRARY
    tag = "HekaFaultDraft"
    form_id: rx.Var[str]


class FaultDraftDone(rx.Component):
    """Clears the draft when the confirmation shows."""

    library = LIBRARY
    tag = "HekaFaultDraftDone"


def fault_draft(form_id: str) -> rx.Component:
    """Inside the form ``form_id``."""
    return FaultDraft.create(form_id=form_id)


def fault_draft_done() -> rx.Component:
    """Inside the confirmation."""
    return FaultDraftDone.create()
