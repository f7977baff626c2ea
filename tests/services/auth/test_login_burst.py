"""Finding 2: a burst of parallel logins from one address gets no more guesses than the
same attempts one after another (5), because each attempt is counted atomically before
its password is checked."""

from __future__ import annotations

import threading
from collections import Counter

from sqlmodel import Session

from heka_app.services.auth.login import TOO_MANY_ATTEMPTS, WRONG_CREDENTIALS, login
from tests.factories import build_world

ATTEMPTS = 60


def _burst(engine, email: str, now) -> Counter:
    answers: Counter = Counter()
    start = threading.Barrier(ATTEMPTS)
    lock = threading.Lock()

    def attempt(n: int) -> None:
        start.wait()
        with Session(engine) as session:
            result = login(
                session=session,
                email=email,
                password=f"guess number {n}",
                client_ip="203.0.113.66",
                now=now,
            )
            session.commit()
        with lock:
            answers[result.error] += 1

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(ATTEMPTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return answers


def test_sixty_parallel_guesses_get_five_real_tries(engine, session, now):
    build_world(session, now)
    answers = _burst(engine, "primary@test.example", now)
    # A real guess is one whose password was checked (answered "incorrect").
    assert answers[WRONG_CREDENTIALS] == 5, answers
    assert answers[TOO_MANY_ATTEMPTS] == ATTEMPTS - 5, answers


def test_sequential_guesses_get_the_same_five(session, now):
    build_world(session, now)
    answers = Counter(
        login(
            session=session,
            email="primary@test.example",
            password=f"guess {n}",
            client_ip="203.0.113.66",
            now=now,
        ).error
        for n in range(ATTEMPTS)
    )
    assert answers[WRONG_CREDENTIALS] == 5
