"""The service worker's policy (assets/sw.js), run in Node: what it keeps and what it
never touches. The e2e test (tests/e2e/test_pwa.py) checks the real cache in Chromium."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from heka_app.pwa.files import ASSETS

NODE = shutil.which("node")
ORIGIN = "https://asukas.heka.example"
_RUN = """
const sw = require(process.argv[1]);
const cases = JSON.parse(process.argv[2]);
const out = cases.map(([method, mode, url]) => sw.policy({ method, mode, url }, process.argv[4]));
console.log(JSON.stringify({ out, shell: JSON.parse(process.argv[3]).map(sw.shellRoute) }));
"""


def _policy(cases: list[tuple[str, str, str]], shell: list[str] = ()) -> dict:
    if NODE is None:
        pytest.fail("node is needed (it builds the frontend too)")
    result = subprocess.run(
        [NODE, "-e", _RUN, str(ASSETS / "sw.js"), json.dumps(cases), json.dumps([*shell]), ORIGIN],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_private_traffic_is_never_handled_by_the_worker():
    cases = [
        ("GET", "cors", f"{ORIGIN}/_files/faults/abc123.jpg"),
        ("GET", "no-cors", f"{ORIGIN}/_files/messages/abc123.pdf"),
        ("GET", "navigate", f"{ORIGIN}/_session/end?r=x"),
        ("GET", "navigate", f"{ORIGIN}/_session/start?h=x"),
        ("GET", "websocket", f"{ORIGIN}/_event/?token=t&EIO=4&transport=websocket"),
        ("POST", "cors", f"{ORIGIN}/_upload"),
        ("GET", "cors", f"{ORIGIN}/_health"),
        ("GET", "cors", f"{ORIGIN}/ping"),
        ("GET", "cors", f"{ORIGIN}/sw.js"),
        ("POST", "navigate", f"{ORIGIN}/faults/new"),
        ("GET", "cors", "https://elsewhere.example/assets/x.js"),
        ("GET", "cors", f"{ORIGIN}/api/anything"),
    ]
    assert _policy(cases)["out"] == ["pass"] * len(cases)


def test_pages_and_build_files_are_handled():
    cases = [
        ("GET", "navigate", f"{ORIGIN}/home"),
        ("GET", "navigate", f"{ORIGIN}/rent"),  # handled: offline it gets the offline page
        ("GET", "cors", f"{ORIGIN}/assets/root-DA2ps7O9.js"),
        ("GET", "no-cors", f"{ORIGIN}/heka.css"),
        ("GET", "no-cors", f"{ORIGIN}/icons/heka-192.png"),
        ("GET", "cors", f"{ORIGIN}/manifest-sv.json"),
    ]
    assert _policy(cases)["out"] == ["page", "page", "static", "static", "static", "static"]


def test_only_the_shell_pages_are_kept():
    paths = ["/", "/home", "/home/", "/faults/new/", "/faults/new.html", "/login"]
    private = ["/rent", "/faults", "/faults/12", "/messages", "/account", "/staff/faults"]
    found = _policy([], [*paths, *private])["shell"]
    assert found[: len(paths)] == ["/", "/home", "/home", "/faults/new", "/faults/new", "/login"]
    assert found[len(paths) :] == [None] * len(private)
