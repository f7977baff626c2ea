"""New-password rules (ASVS 6.2): length, common passwords, personal data, strength hint.

The policy: at least 12 characters (code points, nothing trimmed), at most 256, no
composition rules; rejected when the whole password is on zxcvbn's bundled list of common
passwords, when zxcvbn scores it 0-1, or when it contains the user's name or email local
part. Messages are English msgids (``N_``) translated by the caller.

zxcvbn's run time grows roughly with the square of the length (about 8-15 ms for 64
characters, 30-80 ms for 128, 0.3-0.7 s for 256 on a dev laptop), so only the first
:data:`ANALYSED_CHARS` characters are scored; the common-list and personal-data checks
look at the whole password.
"""

from __future__ import annotations

import dataclasses
import re
import threading
from collections.abc import Sequence

from zxcvbn import zxcvbn
from zxcvbn.matching import RANKED_DICTIONARIES

from heka_app.i18n import N_

MIN_LENGTH = 12
MAX_LENGTH = 256
# Scoring a longer prefix buys little: a strong 64-character prefix is strong already,
# and a weak one is usually a repeat that zxcvbn also rates weak at full length.
ANALYSED_CHARS = 64
# User inputs shorter than this are only given to zxcvbn, not substring-matched:
# a 2-3 letter name ("Li", "Ann") would otherwise reject many unrelated passwords.
MIN_PERSONAL_PART = 4
# Context-specific words (ASVS 6.2.11): zxcvbn's lists are English, ours are not.
CONTEXT_WORDS = (
    "heka", "helsinki", "helsingfors", "asukas", "asukassivut", "boendesidorna", "vuokra",
    "hyresbostad", "salasana", "lösenord", "password", "kirjaudu", "logga",
)  # fmt: skip

TOO_SHORT = N_("Use at least 12 characters.")
TOO_LONG = N_("Use at most 256 characters.")
TOO_COMMON = N_("This password is too common. Choose another.")
TOO_WEAK = N_("This password is too easy to guess. Add a few uncommon words.")
PERSONAL = N_("Do not use your name or email address in the password.")
PASSWORDS_DIFFER = N_("The passwords do not match.")
STRENGTH_WEAK = N_("Strength: weak")
STRENGTH_FAIR = N_("Strength: fair")
STRENGTH_GOOD = N_("Strength: good")
STRENGTH_STRONG = N_("Strength: strong")
_STRENGTH_BY_SCORE = (STRENGTH_WEAK, STRENGTH_WEAK, STRENGTH_FAIR, STRENGTH_GOOD, STRENGTH_STRONG)

# zxcvbn() stores the user inputs in a module-global dictionary before matching, so two
# threads (asyncio.to_thread callers) would see each other's inputs: serialize the calls.
_ZXCVBN_LOCK = threading.Lock()
_SEPARATORS = re.compile(r"[\s._+\-@]+")


@dataclasses.dataclass(frozen=True)
class PasswordCheck:
    """Verdict on a proposed password.

    Attributes:
        ok: True when the password may be used.
        problems: msgids of every rule broken, most important first (empty when ok).
        score: zxcvbn strength 0 (weakest) to 4.
        hint: msgid describing the strength, for display next to the field.
    """

    ok: bool
    problems: tuple[str, ...]
    score: int
    hint: str


def _personal_parts(user_inputs: Sequence[str]) -> list[str]:
    parts: set[str] = set()
    for value in user_inputs:
        value = (value or "").casefold().strip()
        parts.update(p for p in [value, *_SEPARATORS.split(value)] if p)
    return sorted(parts)


def _score(password: str, personal_parts: Sequence[str]) -> int:
    if not password:
        return 0
    with _ZXCVBN_LOCK:
        result = zxcvbn(
            password[:ANALYSED_CHARS],
            user_inputs=[*personal_parts, *CONTEXT_WORDS],
            max_length=ANALYSED_CHARS,
        )
    return int(result["score"])


def is_common_password(password: str) -> bool:
    """True when the whole password, case-insensitively, is on zxcvbn's common list."""
    return password.lower() in RANKED_DICTIONARIES["passwords"]


def _contains_personal(password: str, personal_parts: Sequence[str]) -> bool:
    folded = password.casefold()
    return any(len(part) >= MIN_PERSONAL_PART and part in folded for part in personal_parts)


def check_new_password(password: str, *, user_inputs: Sequence[str] = ()) -> PasswordCheck:
    """Check a password someone wants to set (registration, change, reset).

    Args:
        password: The proposed password exactly as typed (not trimmed).
        user_inputs: The user's own data that must not appear in it: email local part,
            first and last name.

    Returns:
        A :class:`PasswordCheck`; ``problems`` holds msgids to translate and show.
    """
    password = password if isinstance(password, str) else ""
    if len(password) > MAX_LENGTH:
        # Don't spend CPU scoring something that is refused anyway.
        return PasswordCheck(False, (TOO_LONG,), 0, STRENGTH_WEAK)
    parts = _personal_parts(user_inputs)
    problems: list[str] = []
    if len(password) < MIN_LENGTH:
        problems.append(TOO_SHORT)
    common = is_common_password(password)
    if common:
        problems.append(TOO_COMMON)
    if _contains_personal(password, parts):
        problems.append(PERSONAL)
    score = 0 if common else _score(password, parts)
    if score <= 1 and not common:
        problems.append(TOO_WEAK)
    if len(password) < MIN_LENGTH:
        score = min(score, 1)
    return PasswordCheck(not problems, tuple(problems), score, _STRENGTH_BY_SCORE[score])


def strength_hint(password: str, *, user_inputs: Sequence[str] = ()) -> tuple[int, str]:
    """Score a password while it is typed (about 10 ms at 64 characters).

    Args:
        password: What is in the field now.
        user_inputs: Optional personal data, as for :func:`check_new_password`.

    Returns:
        ``(score, msgid)``: score 0-4 and the message to show. An empty field gives
        ``(0, "")``; a too short/long/common/personal password gives that rule's message.
    """
    if not isinstance(password, str) or not password:
        return 0, ""
    if len(password) > MAX_LENGTH:
        return 0, TOO_LONG
    if is_common_password(password):
        return 0, TOO_COMMON
    parts = _personal_parts(user_inputs)
    score = _score(password, parts)
    if len(password) < MIN_LENGTH:
        return min(score, 1), TOO_SHORT
    if _contains_personal(password, parts):
        return min(score, 1), PERSONAL
    return score, _STRENGTH_BY_SCORE[score]


def new_password_errors(
    password: str, again: str, *, user_inputs: Sequence[str] = ()
) -> dict[str, str]:
    """Field errors of a "new password + again" pair: ``{}`` when both are fine.

    Args:
        password: The new password (field ``password``).
        again: Its repetition (field ``password_again``).
        user_inputs: The user's name parts and email, which the password may not contain.
    """
    check = check_new_password(password or "", user_inputs=user_inputs)
    if not check.ok:
        return {"password": check.problems[0]}
    if password != again:
        return {"password_again": PASSWORDS_DIFFER}
    return {}
