"""Native fields of the fault report form: yes/no choices and the category and location
selects (native so a draft can be restored into them and they work without scripts)."""

from __future__ import annotations

import reflex as rx

from heka_app.i18n.ui import t
from heka_app.services.faults.catalog import CATEGORIES, COMMON_AREAS, ROOMS, URGENT_EXAMPLES


def choice(legend: rx.Var, name: str, options: list[tuple[str, rx.Var]], **props) -> rx.Component:
    return rx.el.fieldset(
        rx.el.legend(legend),
        *[
            rx.el.label(
                rx.el.input(type="radio", name=name, value=value, id=f"{name}-{value}", **props),
                label,
            )
            for value, label in options
        ],
        class_name="heka-choice",
    )


def category_select() -> rx.Component:
    groups = [
        rx.el.optgroup(
            rx.el.option(t(label), value=main),
            *[rx.el.option(t(sub_label), value=f"{main}.{sub}") for sub, sub_label in subs],
            label=t(label),
        )
        for main, (label, subs) in CATEGORIES.items()
    ]
    return rx.el.select(
        rx.el.option(t("Choose..."), value=""),
        *groups,
        id="field-category",
        name="category",
        class_name="heka-select",
        aria_describedby="field-category-error",
    )


def location_select() -> rx.Component:
    return rx.el.select(
        rx.el.option(t("Choose..."), value=""),
        rx.el.optgroup(
            *[rx.el.option(t(label), value=f"room:{key}") for key, label in ROOMS.items()],
            label=t("In my apartment"),
        ),
        rx.el.optgroup(
            *[rx.el.option(t(label), value=f"common:{key}") for key, label in COMMON_AREAS.items()],
            label=t("Common areas of the property"),
        ),
        id="field-location",
        name="location",
        class_name="heka-select",
        aria_describedby="field-location-error",
    )


def examples() -> list:
    parts: list = []
    for n, msgid in enumerate(URGENT_EXAMPLES):
        parts += [", "] if n else []
        parts.append(t(msgid))
    return parts
