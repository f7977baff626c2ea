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


def _more_photos() -> rx.Component:
    return rx.vstack(
        rx.text(t("More photos"), id="more-photos-label", class_name="heka-label"),
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
            rx.text(t_var(S.photo_error), color_scheme="red", size="2", role="alert"),
        ),
        rx.hstack(
            rx.foreach(
                S.previews,
                lambda src, i: rx.image(
                    src=src, alt=t("Photo {n}", n=i + 1), class_name="heka-preview-photo"
                ),
            ),
            wrap="wrap",
            spacing="2",
        ),
        spacing="2",
        class_name="heka-full-width",
    )


def _actions() -> rx.Component:
    d = S.detail
    return rx.vstack(
        form_error(S.error, S.error_params),
        rx.cond(S.saved != "", notice(t_var(S.saved))),
        rx.card(
            rx.heading(t("Add a comment"), as_="h2", size="4"),
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
            rx.card(
                rx.heading(t("Was it fixed?"), as_="h2", size="4"),
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
            rx.card(
                rx.heading(t("Cancel the report"), as_="h2", size="4"),
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
        spacing="4",
        class_name="heka-full-width",
    )


def _report() -> rx.Component:
    d = S.detail
    return rx.vstack(
        rx.hstack(
            rx.heading(t("Fault report {number}", number=S.card["number"]), as_="h1", size="7"),
            rx.box(
                status_badge(S.card["status"], S.card["status_label"]),
                id="fault-status",
                aria_live="polite",
            ),
            rx.cond(S.card["urgent"], rx.badge(t("Urgent"), color_scheme="red", size="2")),
            wrap="wrap",
            align="center",
            spacing="3",
        ),
        rx.grid(
            rx.vstack(
                rx.card(
                    detail_rows(d, S.card),
                    rx.heading(t("Description"), as_="h2", size="4", class_name="heka-mt-1"),
                    rx.text(d["description"], class_name="heka-pre-wrap", id="fault-description"),
                    class_name="heka-full-width",
                ),
                rx.cond(
                    S.photos.length() > 0,
                    rx.card(
                        rx.heading(t("Photos"), as_="h2", size="4"),
                        photo_grid(S.photos),
                        class_name="heka-full-width",
                    ),
                ),
                _actions(),
                spacing="4",
                class_name="heka-full-width",
            ),
            rx.card(
                rx.heading(t("Handling"), as_="h2", size="4", class_name="heka-mb-075"),
                rx.box(timeline(S.timeline), id="fault-timeline", aria_live="polite"),
                class_name="heka-full-width",
            ),
            columns=rx.breakpoints(initial="1", md="2"),
            spacing="4",
            class_name="heka-full-width",
        ),
        rx.moment(interval=1000, on_change=S.tick.temporal, class_name="heka-hidden"),
        spacing="4",
        class_name="heka-full-width",
    )


def fault_report_page() -> rx.Component:
    """The report, or "not found" for anything the household may not see."""
    return page_layout(
        rx.link(t("All my reports"), href=routes.FAULTS),
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
