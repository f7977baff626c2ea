"""Finnish apartment-type shorthand (``3h+k+s``) spelled out in the reader's language."""

from __future__ import annotations

import re

from heka_app.i18n import N_
from heka_app.i18n.catalogs import gettext

# The abbreviations of Finnish housing ads and leases.
PARTS: dict[str, str] = {
    "k": N_("kitchen"),
    "kk": N_("kitchenette"),
    "kt": N_("kitchen area"),
    "s": N_("sauna"),
    "p": N_("balcony"),
    "lp": N_("glazed balcony"),
    "vh": N_("walk-in closet"),
    "kph": N_("bathroom"),
    "wc": N_("toilet"),
    "rt": N_("dining area"),
    "et": N_("hall"),
    "at": N_("alcove"),
}
ONE_ROOM = N_("1 room")
ROOMS = N_("{n} rooms")
_ROOMS = re.compile(r"^(\d+)\s*h$")


def spell_out(apartment_type: str, language: str) -> str:
    """``3h+k+s`` -> "3 rooms, kitchen, sauna" (fi "3 huonetta, keittiö, sauna").

    Unknown parts are kept as written, so nothing the register says is lost.
    """
    words = []
    for part in filter(None, (p.strip().lower() for p in apartment_type.split("+"))):
        rooms = _ROOMS.match(part)
        if rooms:
            n = int(rooms.group(1))
            words.append(gettext(language, ONE_ROOM) if n == 1 else gettext(language, ROOMS, n=n))
        elif part in PARTS:
            words.append(gettext(language, PARTS[part]))
        else:
            words.append(part)
    return ", ".join(words)
