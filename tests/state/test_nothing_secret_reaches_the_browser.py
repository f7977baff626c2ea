"""What state sends to the browser holds no identity codes, hashes or internal ids.

The tenant's pages are loaded on real state objects; everything serialized for the
browser (every state's frontend vars) is searched for the secrets (ASVS 14.2.6).
"""

from __future__ import annotations

import json
import re

from sqlmodel import Session, select

from heka_app.models import LoginSession, Person, UserAccount
from heka_app.state.accounts import AccountState
from heka_app.state.housing import HomeState
from tests.state.handler_calls import call, run, signed_in_root, substate

HETU = re.compile(r"\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]")


def _sent_to_browser(root) -> str:
    # dict() is what hydrate sends: every state's base and computed vars, no backend vars.
    return json.dumps(root.dict(), default=str, ensure_ascii=False)


def test_tenant_pages_send_no_identity_codes_hashes_or_ids(engine, now):
    world, root = signed_in_root(engine, now)
    run(call(substate(root, HomeState), "load"))
    run(call(substate(root, AccountState), "load"))
    sent = _sent_to_browser(root)
    assert "Kontulankaari" in sent  # the home really was loaded
    assert "primary@test.example" in sent
    with Session(engine) as s:
        codes = [p.identity_code for p in s.exec(select(Person)).all()]
        hashes = [a.password_hash for a in s.exec(select(UserAccount)).all()]
        session_hashes = [r.secret_hash for r in s.exec(select(LoginSession)).all()]
    assert not HETU.search(sent)
    assert not any(code in sent for code in codes + list(world.codes.values()))
    assert not any(h in sent for h in hashes + session_hashes)
    assert "$argon2" not in sent
    assert '"person_id"' not in sent and '"lease_id"' not in sent
