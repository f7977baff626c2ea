"""Durable background jobs kept in the application's own database (transactional outbox).

Why not a queue library: Huey, RQ and the like keep their queue in another store (Redis, a
separate SQLite file), so a job cannot be recorded in the same transaction as the change
that causes it: a crash between the commit and the enqueue loses the job, or a rolled-back
change still sends its mail. Huey's Redis storage also pops a job before running it, so a
worker killed with SIGKILL mid-job loses that job for good. Here a job is a row written by
the caller's own transaction (``queue.enqueue``); a worker claims it with a lease
(``claims.claim_next``) and only marks it done after the handler returned, so a dead
worker's job is claimed again when its lease runs out. The price is at-least-once
delivery: handlers must tolerate a rerun (mail carries a Message-ID derived from the job
key, so a receiving system can drop the duplicate).

* ``queue`` - ``enqueue`` in the caller's transaction, deduplicated by key.
* ``registry`` - ``@job_handler(kind)`` and the lookup of a kind's handler.
* ``claims`` - claim a due job under a lease; record its outcome (done, retry, failed).
* ``worker`` - run one job (``run_once``); the ``heka worker`` loop (``run_worker``).
* ``housekeeping`` - the hourly purge of expired rows.

Mail jobs live with mail: ``services/mail/jobs.py`` (``enqueue_mail``).
"""
