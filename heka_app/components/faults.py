"""Building blocks of the fault pages: status badge, report card, timeline, photos."""

from __future__ import annotations

import reflex as rx
from reflex.constants import Dirs
from reflex.vars import Var, VarData

from heka_app import routes
from heka_app.components.plain import badge, card, data_list, link, text
from heka_app.i18n.ui import t, t_var, tn

# The backend's origin (in dev it is another port than the page's), as Reflex finds it for
# its own upload URLs; the photo route is on the backend.
BACKEND_ORIGIN = Var(
    _js_expr='getBackendURL(env.PING).href.replace(/\\/ping\\/?$/, "")',
    _var_data=VarData(
        imports={
            f"$/{Dirs.STATE_PATH}": "getBackendURL",
            "$/env.json": rx.ImportVar(tag="env", is_default=True),
        }
    ),
).to(str)

STATUS_COLORS = {
    "received": "gray",
    "assigned": "blue",
    "in_progress": "blue",
    "waiting": "amber",
    "done": "green",
    "rejected": "red",
    "cancelled": "gray",
}


def status_badge(status: rx.Var, label: rx.Var) -> rx.Component:
    """The status in words with its colour (colour is never the only cue)."""
    return rx.match(
        status,
        *[
            # high contrast: the soft blue and green text fell under 4.5:1 (axe, issue 16)
            (key, badge(t_var(label), color=color, size="2", high_contrast=True))
            for key, color in STATUS_COLORS.items()
        ],
        badge(t_var(label), size="2", high_contrast=True),
    )


def fault_card(report: rx.Var, href: rx.Var, show_address: bool = False) -> rx.Component:
    """One report in a list, linking to its page; overdue and urgent marked in words."""
    # Plain elements in Radix's classes (components/plain.py): a list of cards mounted
    # seven Radix components a card (issue 9).
    return link(
        card(
            rx.el.div(
                rx.el.div(
                    text(t("No. {number}", number=report["number"]), weight="bold"),
                    status_badge(report["status"], report["status_label"]),
                    rx.cond(report["urgent"], badge(t("Urgent"), color="red", size="2")),
                    rx.cond(
                        report["overdue"],
                        badge(t("Overdue"), color="red", variant="outline", size="2"),
                    ),
                    class_name="heka-row heka-center heka-wrap heka-gap-2",
                ),
                text(
                    t_var(report["category_label"]),
                    " · ",
                    t_var(report["location_label"]),
                ),
                rx.cond(show_address, text(report["address"], size="2")),
                text(
                    t("Reported {date}", date=report["created"]),
                    " · ",
                    tn("{n} day ago", "{n} days ago", report["age_days"]),
                    size="2",
                    data_accent_color="gray",
                ),
                class_name="heka-column heka-gap-1",
            ),
            class_name=rx.cond(
                report["overdue"], "heka-overdue heka-full-width", "heka-full-width"
            ),
        ),
        href=href,
        class_name="heka-fault-card heka-full-width",
    )


def timeline(entries: rx.Var) -> rx.Component:
    """The report's history, oldest first; internal notes marked as such."""
    return rx.el.ol(
        rx.foreach(
            entries,
            lambda e: rx.el.li(
                text(
                    e["when"],
                    " · ",
                    rx.cond(e["by_staff"], t("Maintenance"), t("Resident")),
                    size="2",
                    data_accent_color="gray",
                ),
                rx.cond(
                    e["kind"] == "status",
                    text(t("Status: {status}", status=t_var(e["status_label"])), weight="bold"),
                ),
                rx.cond(e["kind"] == "note", badge(t("Internal note"), color="amber")),
                rx.cond(e["kind"] == "photo", text(t("Added photos"))),
                rx.cond(e["kind"] == "feedback", text(t("Feedback"), weight="bold")),
                rx.cond(e["text"] != "", text(e["text"], class_name="heka-pre-wrap")),
                class_name=rx.cond(e["public"], "", "heka-note"),
            ),
        ),
        class_name="heka-timeline",
    )


def photo_grid(tokens: rx.Var) -> rx.Component:
    """The report's photos as thumbnails linking to the full photo (session-checked)."""
    return rx.el.div(
        rx.foreach(
            tokens,
            lambda token, i: rx.link(
                rx.image(
                    src=BACKEND_ORIGIN + routes.FAULT_PHOTO_PREFIX + token + ".thumb.jpg",
                    alt=t("Photo {n}", n=i + 1),
                    loading="lazy",
                ),
                href=BACKEND_ORIGIN + routes.FAULT_PHOTO_PREFIX + token + ".jpg",
                is_external=True,
            ),
        ),
        class_name="heka-photos",
    )


def detail_rows(detail: rx.Var, card: rx.Var) -> rx.Component:
    """Where, description, entry permission, pets and phone."""

    return data_list(
        (t("What"), t_var(card["category_label"])),
        (t("Where"), t_var(card["location_label"])),
        (t("Address"), card["address"]),
        (t("Reported"), card["created"]),
        (
            t("Master key"),
            rx.cond(
                detail["permission_to_enter"],
                t("May enter with a master key"),
                t("Not with a master key. Reachable: {when}", when=detail["reachable_at"]),
            ),
        ),
        (t("Pets"), rx.cond(detail["pets"] != "", detail["pets"], t("None"))),
        (t("Contact phone"), detail["contact_phone"]),
    )
