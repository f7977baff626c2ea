"""The demo dataset: realistic, valid, deterministic and relative to ``today``.

Most checks read one dataset loaded once per module (loading takes about half a
second); the tests about loading itself use the conftest ``session`` fixture.
"""

from __future__ import annotations

import collections
import datetime as dt
import re

import pytest
from sqlmodel import Session, SQLModel, func, select

from heka_app import db
from heka_app.demo.dataset import (
    DEMO_LOGINS,
    DEMO_PASSWORD,
    DemoDataExists,
    database_is_empty,
    load_demo_data,
)
from heka_app.models import (
    Apartment,
    AreaOffice,
    Article,
    ArticleTranslation,
    Building,
    FaultReport,
    Lease,
    LeaseCharge,
    LeaseResident,
    Person,
    Property,
    RentLedgerEntry,
    UserAccount,
)
from heka_app.models.accounts import STAFF_ROLES, TENANT_ROLE
from heka_app.models.faults import FAULT_STATUSES
from heka_app.services.auth.passwords import verify_password
from heka_app.services.common.identity_codes import age_on, birth_date_of, normalize_identity_code
from heka_app.services.common.payment_references import normalize_reference

TODAY = dt.date(2026, 3, 18)
NEXT_MONTH = dt.date(2026, 4, 1)


def _fresh_engine(path):
    engine = db.make_engine(f"sqlite:///{path}")
    SQLModel.metadata.create_all(engine)
    return engine


def _load(engine, today):
    with Session(engine, expire_on_commit=False) as s:
        load_demo_data(session=s, today=today)
        s.commit()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """A read-only session on a demo dataset loaded for TODAY."""
    engine = _fresh_engine(tmp_path_factory.mktemp("demo") / "demo.db")
    _load(engine, TODAY)
    with Session(engine) as s:
        yield s
    engine.dispose()


def _all(session, model):
    return session.exec(select(model)).all()


def _leases_by_apartment(session):
    by_apartment = collections.defaultdict(list)
    for lease in _all(session, Lease):
        by_apartment[lease.apartment_id].append(lease)
    return by_apartment


def _status(lease, today=TODAY):
    if lease.starts_on > today:
        return "future"
    if lease.ends_on is not None and lease.ends_on < today:
        return "ended"
    return "active"


def _balances(session):
    rows = session.exec(
        select(RentLedgerEntry.lease_id, func.sum(RentLedgerEntry.amount_cents)).group_by(
            RentLedgerEntry.lease_id
        )
    ).all()
    return dict(rows)


def test_database_is_empty_before_and_not_after_loading(session):
    assert database_is_empty(session=session)

    summary = load_demo_data(session=session, today=TODAY)

    assert not database_is_empty(session=session)
    text = str(summary)
    assert "\n" not in text
    assert DEMO_PASSWORD in text
    assert all(email in text for email, _ in DEMO_LOGINS)
    assert summary.apartments == len(_all(session, Apartment))
    assert summary.future_leases > 0 and summary.ended_leases > 0
    with pytest.raises(DemoDataExists):
        load_demo_data(session=session, today=TODAY)


def test_counts_are_in_expected_ranges(demo):
    assert 4 <= len(_all(demo, AreaOffice)) <= 5
    properties = _all(demo, Property)
    assert 8 <= len(properties) <= 12
    assert 180 <= len(_all(demo, Apartment)) <= 220
    per_property = collections.Counter(b.property_id for b in _all(demo, Building))
    assert set(per_property) == {p.id for p in properties}
    assert all(1 <= n <= 3 for n in per_property.values())
    assert all(1960 <= p.year_built <= 2024 for p in properties)
    assert all(p.postal_code.startswith("00") for p in properties)
    assert 15 <= len(_all(demo, FaultReport)) <= 30
    kinds = collections.Counter(a.kind for a in _all(demo, Article))
    assert 6 <= kinds["news"] <= 10 and 4 <= kinds["instruction"] <= 7


def test_apartments_are_plausible(demo):
    for apartment in _all(demo, Apartment):
        assert 1 <= apartment.rooms <= 5
        assert apartment.apartment_type.startswith(f"{apartment.rooms}h+")
        low, high = {1: (20, 40), 2: (35, 60), 3: (55, 80), 4: (70, 95), 5: (85, 120)}[
            apartment.rooms
        ]
        assert low <= apartment.area_m2 <= high
        assert 1 <= apartment.floor <= 8


def test_identity_codes_are_unique_valid_test_codes(demo):
    persons = _all(demo, Person)
    codes = [p.identity_code for p in persons]
    assert len(codes) == len(set(codes))
    for person in persons:
        code = person.identity_code
        assert normalize_identity_code(code, allow_test_codes=True) == code
        assert 900 <= int(code[7:10]) <= 999
        assert birth_date_of(code) == person.birth_date
    assert {code[6] for code in codes} == {"-", "A"}


def test_children_live_as_co_residents_and_primaries_are_adults(demo):
    persons = {p.id: p for p in _all(demo, Person)}
    leases = {lease.id: lease for lease in _all(demo, Lease)}
    roles = collections.defaultdict(list)
    children = 0
    for link in _all(demo, LeaseResident):
        person, lease = persons[link.person_id], leases[link.lease_id]
        roles[link.lease_id].append(link.role)
        if link.role == "primary":
            assert age_on(person.identity_code, lease.starts_on) >= 18
        elif age_on(person.identity_code, TODAY) < 18 and _status(lease) == "active":
            children += 1
        assert link.moved_in_on >= min(lease.starts_on, person.birth_date)
    assert children >= 20
    assert set(roles) == set(leases)
    assert all(1 <= r.count("primary") <= 2 for r in roles.values())
    assert any("co_resident" in r for r in roles.values())


def test_payment_references_and_contract_numbers_are_valid_and_unique(demo):
    leases = _all(demo, Lease)
    references = [lease.payment_reference for lease in leases]
    assert len(set(references)) == len(references)
    assert all(normalize_reference(r) == r for r in references)
    assert all(re.fullmatch(r"HK-\d{4}-\d{6}", lease.contract_number) for lease in leases)
    assert all(lease.signed_on <= lease.starts_on for lease in leases)


def test_no_apartment_has_overlapping_leases(demo):
    for leases in _leases_by_apartment(demo).values():
        leases.sort(key=lambda lease: lease.starts_on)
        for earlier, later in zip(leases, leases[1:], strict=False):
            assert earlier.ends_on is not None and earlier.ends_on < later.starts_on


def test_active_future_and_ended_leases_relative_to_today(demo):
    leases = _all(demo, Lease)
    by_status = collections.defaultdict(list)
    for lease in leases:
        by_status[_status(lease)].append(lease)
    assert len(by_status["active"]) >= 0.8 * len(_all(demo, Apartment))
    assert 3 <= len(by_status["future"]) <= 10
    assert all(lease.starts_on == NEXT_MONTH for lease in by_status["future"])
    assert all(
        TODAY - dt.timedelta(days=30) <= lease.signed_on <= TODAY for lease in by_status["future"]
    )
    assert len(by_status["ended"]) >= 5
    # After an ended lease the home is let again or stands vacant.
    for apartment_leases in _leases_by_apartment(demo).values():
        current = [lease for lease in apartment_leases if _status(lease) == "active"]
        assert len(current) <= 1


def test_charges_are_monthly_cents_in_plausible_ranges(demo):
    apartments = {a.id: a for a in _all(demo, Apartment)}
    leases = {lease.id: lease for lease in _all(demo, Lease)}
    kinds = collections.Counter()
    for charge in _all(demo, LeaseCharge):
        kinds[charge.kind] += 1
        if charge.kind == "rent":
            area = apartments[leases[charge.lease_id].apartment_id].area_m2
            assert 11 <= charge.amount_cents / 100 / area <= 20.01
    assert kinds["rent"] == kinds["water"] == len(leases)
    assert kinds["sauna"] > 0 and kinds["parking"] > 0


def test_ledger_has_debt_credit_and_nothing_after_today(demo):
    entries = _all(demo, RentLedgerEntry)
    assert all(e.booked_on <= TODAY for e in entries)
    charges = [e for e in entries if e.kind == "charge"]
    assert all(e.booked_on.day == 1 and e.due_on == e.booked_on.replace(day=2) for e in charges)
    assert all(e.amount_cents > 0 for e in charges)
    assert all(e.amount_cents < 0 for e in entries if e.kind in ("payment", "credit"))
    balances = _balances(demo)
    assert sum(1 for b in balances.values() if b > 0) >= 3  # rent debt
    assert sum(1 for b in balances.values() if b < 0) >= 2  # credit
    assert sum(1 for b in balances.values() if b == 0) > 0.7 * len(balances)
    leases = {lease.id: lease for lease in _all(demo, Lease)}
    assert all(_status(leases[lease_id]) == "active" for lease_id in balances)
    earliest = dt.date(2025, 4, 1)  # twelve months including March 2026
    assert min(e.booked_on for e in charges) == earliest


def test_articles_mostly_translated_some_finnish_only(demo):
    languages = collections.defaultdict(set)
    for tr in _all(demo, ArticleTranslation):
        languages[tr.article_id].add(tr.language)
        assert "<" not in tr.body and tr.summary and len(tr.summary) <= 500
        assert "{" not in tr.body + tr.summary  # date placeholders were filled
    articles = _all(demo, Article)
    assert all("fi" in languages[a.id] for a in articles)
    finnish_only = [a for a in articles if languages[a.id] == {"fi"}]
    assert 2 <= len(finnish_only) <= 3
    assert sum(1 for a in articles if {"sv", "en"} <= languages[a.id]) > len(articles) / 2
    targeted = [a for a in articles if a.property_id is not None]
    assert 1 <= len(targeted) < len(articles) / 2
    assert all(a.published_at.date() < TODAY for a in articles)


def test_fault_reports_cover_every_status(demo):
    reports = _all(demo, FaultReport)
    assert {r.status for r in reports} == set(FAULT_STATUSES)
    assert len({r.category for r in reports}) >= 5
    assert all(re.fullmatch(r"[0-9a-f]{32}", r.submission_id) for r in reports)
    assert all(r.created_at <= r.updated_at for r in reports)


def test_demo_accounts_match_their_descriptions(demo):
    accounts = {a.email: a for a in _all(demo, UserAccount)}
    assert set(accounts) == {email for email, _ in DEMO_LOGINS}
    assert {a.role for a in accounts.values() if a.role != TENANT_ROLE} == set(STAFF_ROLES)
    assert all(a.email_verified_at is not None and a.is_active for a in accounts.values())
    assert len({a.password_hash for a in accounts.values()}) == 1  # hashed once
    leases = {lease.id: lease for lease in _all(demo, Lease)}

    def links(email):
        person_id = accounts[email].person_id
        assert person_id is not None
        rows = demo.exec(select(LeaseResident).where(LeaseResident.person_id == person_id))
        return [(link.role, leases[link.lease_id]) for link in rows.all()]

    [(role, tenant_lease)] = links("tenant@demo.heka.example")
    assert role == "primary" and _status(tenant_lease) == "active"
    [(role, lease)] = links("coresident@demo.heka.example")
    assert role == "co_resident" and lease.id == tenant_lease.id
    coresident = demo.get(Person, accounts["coresident@demo.heka.example"].person_id)
    assert age_on(coresident.identity_code, TODAY) >= 18
    [(role, lease)] = links("newtenant@demo.heka.example")
    assert role == "primary" and lease.starts_on == NEXT_MONTH
    [(role, lease)] = links("former@demo.heka.example")
    assert role == "primary" and _status(lease) == "ended"


def test_demo_password_verifies_against_a_demo_account(demo):
    account = demo.exec(select(UserAccount)).first()
    assert verify_password(DEMO_PASSWORD, account.password_hash) == (True, None)
    assert verify_password("wrong", account.password_hash)[0] is False


def test_same_today_gives_same_data(session, tmp_path):
    load_demo_data(session=session, today=TODAY)
    other = _fresh_engine(tmp_path / "second.db")
    try:
        _load(other, TODAY)
        with Session(other) as second:
            for query in (
                select(Person.identity_code, Person.first_name).order_by(Person.id),
                select(Lease.contract_number, Lease.payment_reference).order_by(Lease.id),
                select(RentLedgerEntry.lease_id, RentLedgerEntry.amount_cents).order_by(
                    RentLedgerEntry.id
                ),
                select(FaultReport.submission_id).order_by(FaultReport.id),
            ):
                assert session.exec(query).all() == second.exec(query).all()
    finally:
        other.dispose()


@pytest.mark.parametrize(
    "today", [dt.date(2026, 1, 1), dt.date(2028, 2, 29), dt.date(2026, 12, 31)]
)
def test_edge_days_keep_the_invariants(tmp_path, today):
    engine = _fresh_engine(tmp_path / "edge.db")
    try:
        _load(engine, today)
        with Session(engine) as s:
            leases = _all(s, Lease)
            statuses = collections.Counter(_status(lease, today) for lease in leases)
            assert statuses["active"] and statuses["future"] and statuses["ended"]
            assert max(e.booked_on for e in _all(s, RentLedgerEntry)) <= today
            assert any(b > 0 for b in _balances(s).values())
            for apartment_leases in _leases_by_apartment(s).values():
                apartment_leases.sort(key=lambda lease: lease.starts_on)
                for a, b in zip(apartment_leases, apartment_leases[1:], strict=False):
                    assert a.ends_on is not None and a.ends_on < b.starts_on
    finally:
        engine.dispose()
