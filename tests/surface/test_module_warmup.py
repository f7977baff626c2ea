"""The page's chunks are evaluated one per task, dependencies first (heka_app/module_warmup.py)."""

from __future__ import annotations

from pathlib import Path

from heka_app.first_paint import park_scripts_until_first_paint
from heka_app.module_warmup import chunk_imports, warm_up_order

CHUNKS = {
    # Vite's minified output: named, namespace and bare imports; a dynamic import is not one.
    "react-1.js": "var a=1;export{a as r};",
    "lang-2.js": (
        'import{r as e}from"./react-1.js";import"./env-3.js";const l=()=>import("./sv-4.js");'
    ),
    "env-3.js": "export const e=1;",
    "sv-4.js": "export default {};",
    "root-5.js": 'import*as t from"./react-1.js";import{x}from "./lang-2.js";',
    "entry.client-6.js": 'import{r}from"./react-1.js";hydrateRoot(document);',
    "manifest-7.js": "window.__m={};",
}


def _assets(tmp_path: Path) -> Path:
    for name, text in CHUNKS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_static_imports_make_the_graph(tmp_path):
    graph = chunk_imports(_assets(tmp_path))
    assert graph["lang-2.js"] == ["react-1.js", "env-3.js"]  # not the dynamic sv-4.js
    assert graph["root-5.js"] == ["react-1.js", "lang-2.js"]
    assert graph["react-1.js"] == []


def test_dependencies_come_first_and_react_doms_entry_is_left_to_the_page(tmp_path):
    graph = chunk_imports(_assets(tmp_path))
    # The page's preload order, as React Router writes it (dependents before dependencies).
    page = [
        f"/assets/{name}"
        for name in ("manifest-7.js", "entry.client-6.js", "root-5.js", "lang-2.js", "react-1.js")
    ] + ["/assets/env-3.js", "https://elsewhere.example/x.js"]
    order = warm_up_order(page, graph)
    assert order == [
        "/assets/react-1.js",
        "/assets/env-3.js",
        "/assets/lang-2.js",
        "/assets/root-5.js",
    ]


def test_the_parked_script_names_its_warm_up(tmp_path):
    graph = chunk_imports(_assets(tmp_path))
    page = (
        '<html><head><link rel="modulepreload" href="/assets/root-5.js"/>'
        '<link rel="modulepreload" href="/assets/react-1.js"/></head><body>'
        '<script type="module">import "/assets/root-5.js";</script></body></html>'
    )
    html = park_scripts_until_first_paint(page, graph)
    assert 'data-warm="/assets/react-1.js /assets/root-5.js">' in html
    assert 'data-warm="' not in park_scripts_until_first_paint(page)
