"""Staff accounts from the command line."""

from __future__ import annotations

import io

from sqlmodel import Session, select

from heka_app.cli import main
from heka_app.models import UserAccount

ARGS = [
    "create-staff",
    "--email",
    "Liisa.Lahti@Heka.example",
    "--role",
    "area_office",
    "--name",
    "Liisa Lahti",
    "--password-stdin",
]


def test_create_staff_account(engine, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("talvi tulee taas 2026\n"))
    assert main(ARGS) == 0
    with Session(engine) as s:
        account = s.exec(select(UserAccount)).one()
    assert (account.email, account.role, account.person_id) == (
        "liisa.lahti@heka.example",
        "area_office",
        None,
    )
    assert account.email_verified_at is not None
    assert "talvi" not in capsys.readouterr().out


def test_refuses_unknown_role_weak_password_and_duplicates(engine, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("talvi tulee taas 2026\n"))
    assert main([*ARGS[:4], "tenant", *ARGS[5:]]) == 1
    monkeypatch.setattr("sys.stdin", io.StringIO("password\n"))
    assert main(ARGS) == 1
    monkeypatch.setattr("sys.stdin", io.StringIO("talvi tulee taas 2026\n"))
    assert main(ARGS) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("talvi tulee taas 2026\n"))
    assert main(ARGS) == 1
    assert "already exists" in capsys.readouterr().err
