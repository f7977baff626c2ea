"""What can be broken and where: the category tree, rooms and common areas, and the
urgent cases that call for the property's 24-hour emergency number first.

A report's ``category`` is ``"<main>"`` or ``"<main>.<sub>"``; its ``location`` is
``"room:<key>"`` (the own apartment) or ``"common:<key>"`` (the property).
"""

from __future__ import annotations

from heka_app.i18n import N_

# main key -> (label, ((sub key, label), ...))
CATEGORIES: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "appliances": (
        N_("Kitchen appliances"),
        (
            ("fridge", N_("Fridge or freezer")),
            ("stove", N_("Stove or oven")),
            ("dishwasher", N_("Dishwasher")),
            ("hood", N_("Cooker hood")),
        ),
    ),
    "plumbing": (
        N_("Water and plumbing"),
        (
            ("tap", N_("Tap or shower")),
            ("toilet", N_("Toilet")),
            ("drain", N_("Blocked drain")),
            ("leak", N_("Leak")),
        ),
    ),
    "electricity": (
        N_("Electricity"),
        (("socket", N_("Socket or switch")), ("light", N_("Light fitting")), ("fuse", N_("Fuse"))),
    ),
    "heating": (N_("Heating"), (("radiator", N_("Radiator")),)),
    "ventilation": (N_("Ventilation"), ()),
    "doors_locks": (
        N_("Doors, locks and keys"),
        (("lock", N_("Lock")), ("key", N_("Key")), ("door", N_("Door"))),
    ),
    "windows": (N_("Windows and balcony"), ()),
    "sauna": (N_("Sauna"), ()),
    "laundry": (N_("Laundry"), ()),
    "common_areas": (N_("Common areas"), ()),
    "outdoor": (N_("Outdoor areas"), ()),
    "other": (N_("Other"), ()),
}

ROOMS: dict[str, str] = {
    "kitchen": N_("Kitchen"),
    "bathroom": N_("Bathroom"),
    "toilet": N_("Toilet"),
    "living_room": N_("Living room"),
    "bedroom": N_("Bedroom"),
    "hall": N_("Hall"),
    "balcony": N_("Balcony"),
    "sauna": N_("Sauna"),
    "other": N_("Other"),
}

COMMON_AREAS: dict[str, str] = {
    "stairwell": N_("Stairwell"),
    "laundry": N_("Laundry room"),
    "sauna": N_("Shared sauna"),
    "storage": N_("Storage"),
    "yard": N_("Yard"),
    "parking": N_("Parking"),
    "other": N_("Other common area"),
}

URGENT_EXAMPLES: tuple[str, ...] = (
    N_("Water leak"),
    N_("No electricity"),
    N_("No heat in winter"),
    N_("Broken entrance lock"),
    N_("Fire or smell of gas"),
)


def category_label(category: str) -> str:
    """The msgid naming ``category`` ("Water and plumbing: Leak")-style, main part first."""
    main, _, sub = category.partition(".")
    label, subs = CATEGORIES.get(main, CATEGORIES["other"])
    return dict(subs).get(sub, label) if sub else label


def main_label(category: str) -> str:
    """The msgid of the main category of ``category``."""
    return CATEGORIES.get(category.partition(".")[0], CATEGORIES["other"])[0]


def is_category(value: str) -> bool:
    """A main key or a ``main.sub`` key of :data:`CATEGORIES`."""
    main, dot, sub = value.partition(".")
    if main not in CATEGORIES:
        return False
    return not dot or sub in dict(CATEGORIES[main][1])


def is_location(value: str) -> bool:
    """``room:<key>`` or ``common:<key>`` of the known rooms and common areas."""
    kind, _, key = value.partition(":")
    return (kind == "room" and key in ROOMS) or (kind == "common" and key in COMMON_AREAS)


def location_label(location: str) -> str:
    """The msgid naming ``location``."""
    kind, _, key = location.partition(":")
    table = ROOMS if kind == "room" else COMMON_AREAS
    return table.get(key, N_("Other"))
