"""The one answer shape of a form action, and the errors a service raises on refusal.

A form action (log in, register, change password, report a fault...) returns a
:class:`FormResult`: ``ok``, or a form-wide error and/or per-field errors. Errors are
msgids (marked with ``N_``) that the browser translates; ``params`` fill the form error's
``{placeholders}``. Mail and notifications are not part of the answer: the service queues
them as jobs in its own transaction (services/jobs), so they go out if and only if the
change commits. Several values from one call come back as a frozen dataclass, never a tuple.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

FORM = "form"


@dataclasses.dataclass(frozen=True)
class FormResult:
    """Outcome of a form action.

    Attributes:
        ok: True when the action was done.
        form_error: Msgid of an error about the whole form ("" if none).
        field_errors: Field name to msgid.
        params: Values for the form error's placeholders, e.g. ``{"minutes": 5}``.
    """

    ok: bool
    form_error: str = ""
    field_errors: Mapping[str, str] = dataclasses.field(default_factory=dict)
    params: Mapping[str, int | str] = dataclasses.field(default_factory=dict)

    @classmethod
    def done(cls) -> FormResult:
        """The action was carried out."""
        return cls(True)

    @classmethod
    def refused(
        cls, form_error: str = "", params: Mapping[str, int | str] | None = None, **fields: str
    ) -> FormResult:
        """Not done: a form-wide error and/or field errors (msgids)."""
        return cls(False, form_error, dict(fields), dict(params or {}))

    @classmethod
    def from_errors(cls, errors: Mapping[str, str]) -> FormResult:
        """``ok`` when ``errors`` is empty; the key ``"form"`` is the form-wide error."""
        fields = {k: v for k, v in errors.items() if k != FORM}
        return cls(not errors, errors.get(FORM, ""), fields)

    def messages(self) -> dict[str, str]:
        """Every error in one mapping, the form-wide one under ``"form"``."""
        return {**({FORM: self.form_error} if self.form_error else {}), **self.field_errors}


class NotAllowed(PermissionError):
    """The actor may not do this. Raised by a service's own authorization check (the state
    guard normally refuses first, so reaching this means a handler forgot its guard)."""


class NotFound(LookupError):
    """No such record *for this actor*: another household's record answers the same as a
    missing one, so ids from the client reveal nothing."""
