"""How each kind of throttle key is throttled, chosen by the key's prefix.

* ``account:`` - 4 failures free; the 5th locks for 30 s, each further failure doubles
  the lock (60 s, 2 min, 4 min, 8 min) up to 15 min. The lock is soft and never longer
  than 15 min, so an attacker cannot shut a real tenant out for long. At that pace at
  most ~13 failures fit in an hour; the hard cap of 100 failures per hour (account then
  refused until the window ends) is only reachable by bursts of parallel requests.
  A successful login clears the account key.
* ``account-all:`` - the same account from every address together: the 50th failure in
  the window locks for 60 s, doubling up to 15 min, at most 100 per hour (ASVS 6.3.1).
  Login uses ``account:<email>|<address>`` for the strict per-address lock above, so a
  stranger's wrong guesses do not lock the tenant out at home; only a distributed burst
  reaches this key, and a password reset clears it.
* ``ip:`` - the 20th failure locks for 30 s, then the same doubling up to 15 min; at most
  1000 per hour. Not cleared by success: otherwise an attacker could reset the counter
  by logging in to an account of their own between guesses. Shared addresses (office
  kiosks, NAT) get the higher threshold.
* ``code-ip:`` - registration codes: the 5th failure locks for 60 s, doubling up to
  15 min; at most 30 per hour; not cleared by success.
* ``email-change:`` - email-change requests of one account (each sends mails): the 3rd in
  an hour waits 5 min, doubling up to 1 h, at most 10 per hour; not cleared by success.
* ``reset-mail:`` / ``reset-mail-device:`` - reset mails sent to one account
  (services/accounts/reset_requests.py): after each mail the next waits 1 min, then 2,
  4, 8, at most 15 min; asked from the account's own device: always 1 min.
* Unknown prefixes get the account policy (the strictest one that still self-heals).
"""

from __future__ import annotations

import dataclasses
import datetime as dt


@dataclasses.dataclass(frozen=True)
class ThrottlePolicy:
    """How one kind of key is throttled."""

    lock_at: int  # the failure (counted in the window) that starts the first lock
    first_delay: dt.timedelta
    max_delay: dt.timedelta
    max_failures_per_window: int
    cleared_by_success: bool
    window: dt.timedelta = dt.timedelta(hours=1)

    def lock_for(self, failures: int) -> dt.timedelta:
        """Lock duration after ``failures`` failures in the window (0 = no lock)."""
        if failures < self.lock_at:
            return dt.timedelta(0)
        doublings = min(failures - self.lock_at, 30)  # bound the power
        return min(self.first_delay * (2**doublings), self.max_delay)


ACCOUNT_POLICY = ThrottlePolicy(5, dt.timedelta(seconds=30), dt.timedelta(minutes=15), 100, True)
IP_POLICY = ThrottlePolicy(20, dt.timedelta(seconds=30), dt.timedelta(minutes=15), 1000, False)
CODE_IP_POLICY = ThrottlePolicy(5, dt.timedelta(seconds=60), dt.timedelta(minutes=15), 30, False)
ACCOUNT_ALL_POLICY = ThrottlePolicy(
    50, dt.timedelta(seconds=60), dt.timedelta(minutes=15), 100, True
)
EMAIL_CHANGE_POLICY = ThrottlePolicy(3, dt.timedelta(minutes=5), dt.timedelta(hours=1), 10, False)
RESET_MAIL_POLICY = ThrottlePolicy(1, dt.timedelta(minutes=1), dt.timedelta(minutes=15), 30, False)
RESET_MAIL_DEVICE_POLICY = ThrottlePolicy(
    1, dt.timedelta(minutes=1), dt.timedelta(minutes=1), 120, False
)
POLICIES = {
    "reset-mail": RESET_MAIL_POLICY,
    "reset-mail-device": RESET_MAIL_DEVICE_POLICY,
    "email-change": EMAIL_CHANGE_POLICY,
    "account": ACCOUNT_POLICY,
    "account-all": ACCOUNT_ALL_POLICY,
    "ip": IP_POLICY,
    "code-ip": CODE_IP_POLICY,
}


def policy_for(key: str) -> ThrottlePolicy:
    """The policy of a key, chosen by its prefix before the first ``:``."""
    return POLICIES.get(key.partition(":")[0], ACCOUNT_POLICY)
