"""The installable app's files: a manifest per language, the icons, the offline page."""

from __future__ import annotations

import json

from PIL import Image

from heka_app.i18n import LANGUAGES
from heka_app.i18n.catalogs import gettext
from heka_app.pwa import files, texts
from heka_app.services.common.secrets import device_owner_tag

ICONS = files.ASSETS / "icons"


def test_each_language_has_a_complete_manifest_in_that_language():
    names = {}
    for lang in LANGUAGES:
        manifest = files.manifest(lang)
        assert manifest["lang"] == lang
        assert manifest["name"] == gettext(lang, files.APP_NAME)
        assert len(manifest["short_name"]) <= 12  # fits under a home-screen icon
        assert manifest["start_url"] == "/home"
        assert manifest["scope"] == "/"
        assert manifest["display"] == "standalone"
        assert manifest["theme_color"] == "#3E63DD"
        names[lang] = (manifest["name"], manifest["short_name"])
    assert names == {
        "fi": ("Hekan asukassivut", "Oma Heka"),
        "sv": ("Hekas boendesidor", "Mitt Heka"),
        "en": ("Heka resident pages", "My Heka"),
    }


def test_the_icons_exist_in_their_sizes_and_the_maskable_one_fills_its_square():
    for icon in files.ICONS:
        image = Image.open(files.ASSETS / icon["src"].lstrip("/"))
        assert f"{image.width}x{image.height}" == icon["sizes"]
        corner = image.convert("RGBA").getpixel((1, 1))
        if icon["purpose"] == "maskable":  # a launcher crops it to any shape: no holes
            assert corner == (62, 99, 221, 255)
        else:  # rounded corners
            assert corner[3] == 0
    assert {i["sizes"] for i in files.ICONS} >= {"192x192", "512x512"}
    assert Image.open(ICONS / "apple-touch-icon.png").size == (180, 180)


def test_every_text_is_there_in_every_language():
    groups = [texts.SHORT_NAME, texts.DESCRIPTION, *texts.OFFLINE_PAGE.values()]
    for group in [*groups, *texts.OUTBOX.values()]:
        assert sorted(group) == sorted(LANGUAGES)
        assert all(value.strip() for value in group.values())
    assert set(texts.OUTBOX) == set(texts.OUTBOX_COLORS)


def test_the_offline_page_carries_every_language_and_escapes_the_text():
    page = files.render_offline_page()
    for lang in LANGUAGES:
        assert f'data-lang="{lang}" lang="{lang}"' in page
        assert texts.OFFLINE_PAGE["title"][lang] in page
        assert texts.OFFLINE_PAGE["urgent"][lang].replace("'", "&#x27;") in page
    assert page.count("<script") == 1 and "<script src" not in page  # one inline, by hash
    assert 'data-lang="sv" lang="sv" data-title="Ingen nätförbindelse – Hekas boendesidor"' in page


def test_the_files_are_written_only_when_they_change(tmp_path):
    assert files.write_pwa_files(tmp_path) is True
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == [
        "heka-outbox-texts.json",
        "manifest-en.json",
        "manifest-fi.json",
        "manifest-sv.json",
        "offline.html",
    ]
    assert json.loads((tmp_path / "manifest-sv.json").read_text())["lang"] == "sv"
    outbox = json.loads((tmp_path / "heka-outbox-texts.json").read_text())
    assert outbox["waiting"]["sv"].startswith("Väntar på att skickas")
    assert files.write_pwa_files(tmp_path) is False


def test_the_device_owner_tag_is_stable_per_account_and_reveals_nothing():
    key = "k" * 40
    one, again, other = (device_owner_tag(n, key=key) for n in (7, 7, 8))
    assert one == again and one != other
    assert len(one) == 32 and set(one) <= set("0123456789abcdef")
    assert device_owner_tag(7, key="another key" * 4) != one
