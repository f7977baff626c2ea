"""One report of the household (/faults/<id>): status, timeline, photos, the tenant's
addition, cancel while work has not started, and "was it fixed?" after done. The page
follows the report live (``FaultDetailState.tick`` every second)."""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.components.callout import callout
from heka_app.components.drop_zone import drop_zone
from heka_app.components.fault_fields import choice
from heka_app.components.faults import detail_rows, photo_grid, status_badge, timeline
from heka_app.components.forms import (
    form_error,
    labelled_control,
    notice,
    stacked_form,
    submit_button,
)
from heka_app.components.layout import loading, page_layout
from heka_app.components.plain import badge, card, heading, link, text
from heka_app.i18n.ui import t, t_var
from heka_app.services.faults.reports import MAX_PHOTOS
from heka_app.state.fault_report import FaultDetailState as S


def _textarea(name: str, label: rx.Var, required: bool = False) -> rx.Component:
    textarea = rx.el.textarea(
        id=f"field-{name}",
        name=name,
        class_name="heka-textarea",
        max_length=2000,
        required=required,
        aria_describedby=f"field-{name}-error",
    )
    return labelled_control(label, name, textarea, S)


MORE_PHOTOS_ID = "more-photos"
# rx.vstack(spacing="4") as a plain <div>: the page is plain elements in Radix's classes
# (components/plain.py, issue 9).
_COLUMN = "heka-column heka-gap-4 heka-full-width"


def _more_photos() -> rx.Component:
    return rx.el.div(
        text(t("More photos"), id="more-photos-label", class_name="heka-label"),
        drop_zone(
            rx.button(t("Add photos"), type="button", variant="outline", size="2"),
            id=MORE_PHOTOS_ID,
            multiple=True,
            accept={
                "image/jpeg": [".jpg", ".jpeg"],
                "image/png": [".png"],
                "image/webp": [".webp"],
                "image/heic": [".heic", ".heif"],
            },
            max_files=MAX_PHOTOS,
            on_drop=S.upload_more(rx.upload_files(upload_id=MORE_PHOTOS_ID)),
            label_id="more-photos-label",
        ),
        rx.cond(
            S.photo_error,
            text(t_var(S.photo_error), data_accent_color="red", size="2", role="alert"),
        ),
        rx.el.div(
            rx.foreach(
                S.previews,
                lambda src, i: rx.image(
                    src=src, alt=t("Photo {n}", n=i + 1), class_name="heka-preview-photo"
                ),
            ),
            class_name="heka-row heka-wrap heka-gap-2",
        ),
        class_name="heka-column heka-gap-2 heka-full-width",
    )


def _actions() -> rx.Component:
    d = S.detail
    return rx.el.div(
        form_error(S.error, S.error_params),
        rx.cond(S.saved != "", notice(t_var(S.saved))),
        card(
            heading(t("Add a comment"), level="h2", size="4"),
            stacked_form(
                _textarea("comment", t("Comment")),
                rx.cond(S.photos.length() < MAX_PHOTOS, _more_photos()),
                submit_button(t("Send comment"), S.busy, id="comment-submit"),
                on_submit=S.add_comment,
                id="comment-form",
            ),
            class_name="heka-full-width",
        ),
        rx.cond(
            d["may_give_feedback"],
            card(
                heading(t("Was it fixed?"), level="h2", size="4"),
                stacked_form(
                    choice(t("Was it fixed?"), "fixed", [("yes", t("Yes")), ("no", t("No"))]),
                    _textarea("feedback", t("Anything to add? (optional)")),
                    submit_button(t("Send feedback"), S.busy, id="feedback-submit"),
                    on_submit=S.feedback,
                ),
                class_name="heka-full-width",
            ),
        ),
        rx.cond(
            d["may_cancel"],
            card(
                heading(t("Cancel the report"), level="h2", size="4"),
                stacked_form(
                    _textarea("reason", t("Why? (optional)")),
                    submit_button(
                        t("Cancel the report"),
                        S.busy,
                        color_scheme="red",
                        variant="outline",
                        id="cancel-submit",
                    ),
                    on_submit=S.cancel,
                ),
                class_name="heka-full-width",
            ),
        ),
        class_name=_COLUMN,
    )


def _report() -> rx.Component:
    d = S.detail
    return rx.el.div(
        rx.el.div(
            heading(t("Fault report {number}", number=S.card["number"]), level="h1", size="7"),
            rx.el.div(
                status_badge(S.card["status"], S.card["status_label"]),
                id="fault-status",
                aria_live="polite",
            ),
            rx.cond(S.card["urgent"], badge(t("Urgent"), color="red", size="2")),
            class_name="heka-row heka-center heka-wrap heka-gap-3",
        ),
        rx.el.div(
            rx.el.div(
                card(
                    detail_rows(d, S.card),
                    heading(t("Description"), level="h2", size="4", class_name="heka-mt-1"),
                    text(d["description"], class_name="heka-pre-wrap", id="fault-description"),
                    class_name="heka-full-width",
                ),
                rx.cond(
                    S.photos.length() > 0,
                    card(
                        heading(t("Photos"), level="h2", size="4"),
                        photo_grid(S.photos),
                        class_name="heka-full-width",
                    ),
                ),
                _actions(),
                class_name=_COLUMN,
            ),
            card(
                heading(t("Handling"), level="h2", size="4", class_name="heka-mb-075"),
                rx.el.div(timeline(S.timeline), id="fault-timeline", aria_live="polite"),
                class_name="heka-full-width",
            ),
            class_name="heka-grid-md-2 heka-full-width",
        ),
        rx.moment(interval=1000, on_change=S.tick.temporal, class_name="heka-hidden"),
        class_name=_COLUMN,
    )


def fault_report_page() -> rx.Component:
    """The report, or "not found" for anything the household may not see."""
    return page_layout(
        link(t("All my reports"), href=routes.FAULTS),
        rx.cond(
            S.missing,
            callout(
                t("Fault report not found."),
                icon="info",
                id="fault-missing",
                class_name="heka-mt-1",
            ),
            rx.cond(S.detail.length() > 0, _report(), loading()),
        ),
    )
