"""Command line: ``heka migrate``, ``import-register FILE``, ``import-ledger FILE``,
``demo-data``, ``create-staff``, ``worker`` (background jobs)."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from heka_app.settings import PROJECT_ROOT


def _migrate(_args: argparse.Namespace) -> int:
    from alembic import command
    from alembic.config import Config

    command.upgrade(Config(str(PROJECT_ROOT / "alembic.ini")), "head")
    return 0


def _import_register(args: argparse.Namespace) -> int:
    from heka_app.db import session_scope
    from heka_app.services.erp_import.importer import import_register_file

    with session_scope() as session:
        report = import_register_file(Path(args.file), session=session, dry_run=args.dry_run)
    for line in report.lines():
        print(line)
    return 0 if report.ok else 1


def _import_ledger(args: argparse.Namespace) -> int:
    from heka_app.db import session_scope
    from heka_app.services.rent.ledger_import import import_ledger_file

    with session_scope() as session:
        report = import_ledger_file(Path(args.file), session=session, dry_run=args.dry_run)
    for line in report.lines():
        print(line)
    return 0 if report.ok else 1


def _demo_data(args: argparse.Namespace) -> int:
    from heka_app.db import session_scope
    from heka_app.demo.dataset import database_is_empty, load_demo_data

    with session_scope() as session:
        if not database_is_empty(session=session):
            print("Database already has data; demo data not loaded.")
            return 0 if args.if_empty else 1
        summary = load_demo_data(session=session)
    print(summary)
    return 0


def _create_staff(args: argparse.Namespace) -> int:
    from heka_app.db import session_scope
    from heka_app.services.common.clock import utcnow
    from heka_app.services.staff.accounts import StaffAccountError, create_staff_account

    # Read from stdin (not argv) so the password stays out of shell history and `ps`.
    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass()
    try:
        with session_scope() as session:
            account_id = create_staff_account(
                session=session,
                email=args.email,
                role=args.role,
                display_name=args.name,
                password=password,
                now=utcnow(),
            )
    except StaffAccountError as exc:
        print(f"Not created: {exc}", file=sys.stderr)
        return 1
    print(f"Created staff account {account_id} ({args.role}) for {args.email}")
    return 0


def _worker(args: argparse.Namespace) -> int:
    import datetime as dt
    import threading

    from heka_app.services.common.clock import utcnow
    from heka_app.services.jobs.registry import load_handlers
    from heka_app.services.jobs.worker import default_worker_id, run_once, run_worker

    lease = dt.timedelta(seconds=args.lease)
    if args.once:  # run every job due now, then exit (cron, tests)
        load_handlers()
        worker_id = default_worker_id()
        while run_once(now=utcnow(), worker_id=worker_id, lease=lease):
            pass
        return 0
    from heka_app.settings import get_settings

    hourly = []
    if get_settings().kiosk_demo:  # a demo kiosk's data is put back as new every night
        from heka_app.demo import reset

        hourly.append(reset.schedule)
    run_worker(stop=threading.Event(), poll_seconds=args.poll, lease=lease, hourly=hourly)
    return 0


def _demo_reset(args: argparse.Namespace) -> int:
    from heka_app.db import session_scope
    from heka_app.demo.reset import NotADemoDatabase, reset_demo_data

    try:
        with session_scope() as session:
            summary = reset_demo_data(session=session)
    except NotADemoDatabase as exc:
        print(f"Not reset: {exc}.")
        return 1
    print(summary)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The ``heka`` argument parser."""
    parser = argparse.ArgumentParser(prog="heka", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="upgrade the database to the newest schema").set_defaults(
        func=_migrate
    )
    imp = sub.add_parser("import-register", help="import the ERP resident register export")
    imp.add_argument("file", help="CSV or JSON export (see docs/register-import.md)")
    imp.add_argument("--dry-run", action="store_true", help="check only, write nothing")
    imp.set_defaults(func=_import_register)
    led = sub.add_parser("import-ledger", help="import the ERP rent ledger export")
    led.add_argument("file", help="CSV or JSON export (see services/rent/import_rows.py)")
    led.add_argument("--dry-run", action="store_true", help="check only, write nothing")
    led.set_defaults(func=_import_ledger)
    demo = sub.add_parser("demo-data", help="load the demo dataset")
    demo.add_argument("--if-empty", action="store_true", help="only when the database is empty")
    demo.set_defaults(func=_demo_data)
    sub.add_parser(
        "demo-reset", help="empty a demo database and load the demo dataset again"
    ).set_defaults(func=_demo_reset)
    staff = sub.add_parser("create-staff", help="create a staff account (asks for a password)")
    staff.add_argument("--email", required=True)
    staff.add_argument("--role", required=True, help="customer_service, maintenance, ...")
    staff.add_argument("--name", required=True, help="display name")
    staff.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    staff.set_defaults(func=_create_staff)
    worker = sub.add_parser("worker", help="run background jobs (mail, housekeeping)")
    worker.add_argument("--once", action="store_true", help="run the jobs due now, then exit")
    worker.add_argument(
        "--poll", type=float, default=1.0, metavar="SECONDS", help="wait when no job is due (1)"
    )
    worker.add_argument(
        "--lease",
        type=float,
        default=300.0,
        metavar="SECONDS",
        help="a claimed job is retried by another worker after this (300)",
    )
    worker.set_defaults(func=_worker)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``heka`` command."""
    from heka_app.logging_config import configure_logging

    args = build_parser().parse_args(argv)
    configure_logging()
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
