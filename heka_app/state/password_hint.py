"""Password strength hint while typing (the password itself is never stored)."""

from __future__ import annotations

import asyncio

import reflex as rx

from heka_app.services.auth.password_policy import strength_hint
from heka_app.state.matrix_payload import matrix_payload


class PasswordHintState(rx.State):
    """Score 0-4 and a msgid describing it."""

    score: int = 0
    hint: str = ""

    @rx.event
    @matrix_payload(value="correct horse")
    async def check(self, value: str):
        """Rate a candidate password. Public: computes a hint, reads and stores nothing."""
        text = value[:256] if isinstance(value, str) else ""
        if not text:
            self.score, self.hint = 0, ""
            return
        self.score, self.hint = await asyncio.to_thread(strength_hint, text)
