"""Household tests reuse the message tests' world: the home lease has two signatories
(primary, spouse), an adult co-resident and a child; staff of every role."""

from tests.services.messages.conftest import actor, upload_dir, world  # noqa: F401
