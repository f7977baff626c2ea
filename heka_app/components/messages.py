"""Building blocks of the message pages: a thread's card, its status, the answers of a
request, the lines of a thread, and the attachment picker."""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.components.callout import callout
from heka_app.components.faults import BACKEND_ORIGIN
from heka_app.components.plain import badge, card, link, text
from heka_app.components.upload_picker import PHOTO_OR_PDF_TYPES, PickerTexts, upload_picker
from heka_app.i18n.ui import t, t_var

STATUS_COLORS = {
    "sent": "gray",
    "in_handling": "blue",
    "decided": "green",
    "done": "green",
    "rejected": "red",
}


def thread_status(status: rx.Var, label: rx.Var) -> rx.Component:
    """The status in words with its colour (colour is never the only cue)."""
    return rx.match(
        status,
        *[
            (key, badge(t_var(label), color=color, size="2", high_contrast=True))
            for key, color in STATUS_COLORS.items()
        ],
        badge(t_var(label), size="2", high_contrast=True),
    )


def saved_notice(message: rx.Var) -> rx.Component:
    """A "saved" callout with AA contrast."""
    return callout(
        message,
        icon="info",
        color_scheme="green",
        high_contrast=True,
        class_name="heka-full-width",
        role="status",
    )


def subject(card: rx.Var) -> rx.Var:
    """The thread's subject (a request's is its type, translated)."""
    return rx.cond(card["subject_is_msgid"], t_var(card["subject"]), card["subject"])


def thread_card(thread: rx.Var, href: rx.Var) -> rx.Component:
    """One thread in a list; an unread answer is said in words, not only bold."""
    # Plain elements in Radix's classes (components/plain.py, issue 9).
    return link(
        card(
            rx.el.div(
                rx.el.div(
                    text(subject(thread), weight="bold"),
                    thread_status(thread["status"], thread["status_label"]),
                    rx.cond(
                        thread["unread"],
                        badge(t("New answer"), color="amber", size="2", high_contrast=True),
                    ),
                    class_name="heka-row heka-center heka-wrap heka-gap-2",
                ),
                text(
                    t_var(thread["topic_label"]),
                    " · ",
                    thread["updated"],
                    size="2",
                    data_accent_color="gray",
                ),
                class_name="heka-column heka-gap-1",
            ),
            class_name="heka-full-width",
        ),
        href=href,
        underline="none",
        class_name="heka-thread-card heka-full-width",
    )


def answers_list(answers: rx.Var) -> rx.Component:
    """A request's fields as sent."""
    return rx.el.dl(
        rx.foreach(
            answers,
            lambda a: rx.fragment(
                rx.el.dt(t_var(a["label"]), class_name="heka-label"),
                rx.el.dd(rx.cond(a["value_is_msgid"], t_var(a["value"]), a["value"])),
            ),
        ),
        class_name="heka-answers",
    )


def _files(line: rx.Var) -> rx.Component:
    base = BACKEND_ORIGIN + routes.MESSAGE_FILE_PREFIX
    return rx.fragment(
        rx.cond(
            line["photos"].to(list[str]).length() > 0,
            rx.el.div(
                rx.foreach(
                    line["photos"].to(list[str]),
                    lambda token, i: rx.link(
                        rx.image(
                            src=base + token.to(str) + ".thumb.jpg", alt=t("Photo {n}", n=i + 1)
                        ),
                        href=base + token.to(str) + ".jpg",
                        is_external=True,
                    ),
                ),
                class_name="heka-photos",
            ),
        ),
        rx.foreach(
            line["documents"].to(list[str]),
            lambda token, i: rx.link(
                t("PDF document {n}", n=i + 1), href=base + token.to(str) + ".pdf", is_external=True
            ),
        ),
    )


def thread_line(line: rx.Var, staff_view: bool = False) -> rx.Component:
    """A message, status change or (staff only) internal note."""
    who = rx.cond(line["by_staff"], t("Heka"), t("Household"))
    head = rx.match(
        line["kind"],
        ("status", text(t("Status: {s}", s=t_var(line["status_label"])), weight="bold")),
        ("note", text(t("Internal note (not shown to the tenant)"), weight="bold")),
        text(who, weight="bold"),
    )
    return rx.el.div(
        rx.el.div(
            head,
            text(line["when"], size="1", data_accent_color="gray"),
            class_name="heka-row heka-wrap heka-gap-3",
        ),
        rx.cond(line["text"] != "", text(line["text"], class_name="heka-pre-wrap")),
        _files(line),
        class_name=rx.cond(
            line["kind"] == "note",
            "heka-line heka-line-note heka-full-width",
            rx.cond(
                line["by_staff"],
                "heka-line heka-line-staff heka-full-width",
                "heka-line heka-full-width",
            ),
        ),
    )


def attachment_picker(state, upload_id: str) -> rx.Component:
    """Add photos or PDFs (10 MB each) through the shared pipeline; remove before sending."""
    texts = PickerTexts(
        label=t("Attachments: photos or PDF, at most 5"),
        button=t("Add files"),
        hint=t("JPEG, PNG, WEBP, HEIC or PDF, 10 MB each"),
        uploading=t("Uploading: {p} %", p=state.progress),
        remove=lambda i: t("Remove file {n}", n=i + 1),
    )
    return upload_picker(
        state,
        upload_id,
        texts,
        accept=PHOTO_OR_PDF_TYPES,
        max_files=5,
        on_upload=state.upload_attachments,
        on_remove=state.remove_attachment,
        error=state.file_error,
        preview=lambda p, i: rx.cond(
            p["kind"] == "photo",
            rx.image(src=p["src"], alt=t("Photo {n}", n=i + 1)),
            text(t("PDF: {name}", name=p["name"]), size="2"),
        ),
    )
