"""The Content-Security-Policy has no 'unsafe-eval' (security_headers.py), so nothing may
make Reflex's client eval a string: ``rx.call_script`` (always a string) and
``rx.call_function`` with a string. A handler asks the page for a browser action as data
instead (state/browser_actions.py); a page's own event compiles a real function
(components/browser.py)."""

from __future__ import annotations

import re
from pathlib import Path

import heka_app
from heka_app.security_headers import content_security_policy

SOURCE = Path(heka_app.__file__).parent
EVAL_SENDERS = re.compile(r"\bcall_script\s*\(|\bcall_function\s*\(\s*[\"'f]")


def test_no_source_sends_a_script_to_eval():
    found = [
        f"{path.relative_to(SOURCE)}:{number}"
        for path in SOURCE.rglob("*.py")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if EVAL_SENDERS.search(line) and not line.lstrip().startswith(("#", '"', "``"))
    ]
    assert found == []


def test_no_handler_returns_a_toast():
    """A returned ``rx.toast`` is a function sent as text: ``ask_browser`` shows toasts."""
    found = [
        f"{path.name}:{number}"
        for path in (SOURCE / "state").rglob("*.py")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if re.search(r"\brx\.toast\.\w+\(", line)
    ]
    assert found == []


def test_the_policy_allows_no_eval():
    policy = content_security_policy(b"<html><script>1</script></html>")
    script_src = next(p for p in policy.split("; ") if p.startswith("script-src "))
    assert "'unsafe-eval'" not in script_src
    assert "'unsafe-inline'" not in script_src
