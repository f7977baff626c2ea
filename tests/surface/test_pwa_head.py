"""Every page's head names the manifest and installs the worker, whose script loads after
the page (outside the first-load JavaScript); a kiosk keeps nothing: no manifest, no
worker, no fault outbox (the script then removes what an earlier setup left). The policy
lets the worker and the manifest come from the portal only."""

from __future__ import annotations

import pytest

from heka_app.components.fault_outbox import fault_outbox
from heka_app.components.pwa_head import loader, pwa_head
from heka_app.security_headers import content_security_policy
from heka_app.settings import get_settings


def _rendered(components) -> str:
    return "\n".join(str(c.render()) for c in components)


def test_pages_name_the_manifest_and_the_worker_script():
    head = _rendered(pwa_head(kiosk=False))
    assert "/manifest-fi.json" in head and "theme-color" in head
    assert "/heka-pwa.js" in head and "kiosk" not in head


def test_the_worker_script_loads_after_the_page():
    assert loader(kiosk=False).startswith('addEventListener("load"')


def test_a_kiosk_has_no_manifest_and_removes_workers():
    head = _rendered(pwa_head(kiosk=True))
    assert "manifest" not in head
    assert "/heka-pwa.js" in head and "dataset.kiosk" in head


@pytest.fixture
def kiosk(monkeypatch):
    monkeypatch.setenv("HEKA_KIOSK_MODE", "1")
    get_settings.cache_clear()
    yield
    monkeypatch.delenv("HEKA_KIOSK_MODE")
    get_settings.cache_clear()


def test_a_kiosk_has_no_fault_outbox(kiosk):
    assert "fault-outbox" not in str(fault_outbox().render())


def test_outside_a_kiosk_the_form_has_its_outbox():
    assert "fault-outbox" in str(fault_outbox().render())


def test_the_policy_allows_worker_and_manifest_from_the_portal_only():
    policy = dict(
        part.strip().split(" ", 1) for part in content_security_policy(b"<html></html>").split(";")
    )
    assert policy["worker-src"] == "'self'"
    assert policy["manifest-src"] == "'self'"
