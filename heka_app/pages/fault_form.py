"""The tenant's fault report form (/faults/new).

The form's fields are native and uncontrolled: nothing typed is lost on a validation
error, and a small script (components/fault_draft.py) keeps a draft (with the submission
id) in localStorage so a reload or a dropped connection loses nothing either; two tabs
share the id, so they make one report.
"""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.components.callout import callout
from heka_app.components.fault_draft import fault_draft, fault_draft_done
from heka_app.components.fault_fields import category_select, choice, examples, location_select
from heka_app.components.fault_outbox import fault_outbox
from heka_app.components.forms import (
    form_error,
    labelled_control,
    no_autofill_on_kiosk,
    notice,
    submit_button,
)
from heka_app.components.layout import loading, page_layout
from heka_app.components.plain import heading, link, text
from heka_app.components.upload_picker import PHOTO_TYPES, PickerTexts, upload_picker
from heka_app.i18n.ui import t
from heka_app.services.faults.reports import MAX_PHOTOS
from heka_app.state.faults import FaultFormState

UPLOAD_ID = "fault-photos"


def _labelled(label: rx.Var, name: str, control: rx.Component) -> rx.Component:
    return labelled_control(label, name, control, FaultFormState)


def _emergency() -> rx.Component:
    # Plain elements in Radix's classes (components/plain.py): the phone opens this page
    # most, and every Radix component costs its extractProps at hydration (issue 9).
    return rx.el.div(
        callout(
            rx.el.div(
                text(t("Call the 24-hour emergency number first:"), weight="bold"),
                link(
                    FaultFormState.emergency_phone,
                    href="tel:" + FaultFormState.emergency_phone,
                    internal=False,
                    class_name="heka-emergency-phone",
                    id="emergency-phone",
                ),
                text(t("You can still leave this report after the call.")),
                class_name="heka-column heka-gap-2",
            ),
            icon="phone",
            text_as="div",
            color_scheme="red",
            role="note",
        ),
        class_name="heka-emergency heka-full-width",
    )


def _photos() -> rx.Component:
    texts = PickerTexts(
        label=t("Photos (at most {n}, 10 MB each)", n=MAX_PHOTOS),
        button=t("Add photos"),
        hint=t("JPEG, PNG, WEBP or HEIC from your phone camera"),
        uploading=t("Uploading: {p} %", p=FaultFormState.progress),
        remove=lambda i: t("Remove photo {n}", n=i + 1),
    )
    return upload_picker(
        FaultFormState,
        UPLOAD_ID,
        texts,
        accept=PHOTO_TYPES,
        max_files=MAX_PHOTOS,
        on_upload=FaultFormState.upload_photos,
        on_remove=FaultFormState.remove_photo,
        error=FaultFormState.photo_error,
        preview=lambda src, i: rx.image(src=src, alt=t("Photo {n}", n=i + 1)),
        label_id="photos-label",  # the zone names the file input by it
        progress_bar=True,
    )


def _form() -> rx.Component:
    yes_no = [("yes", t("Yes")), ("no", t("No"))]
    return rx.form(
        fault_draft("fault-form"),
        rx.el.div(
            form_error(FaultFormState.error, FaultFormState.error_params),
            rx.el.input(type="hidden", name="submission_id", id="field-submission-id"),
            choice(t("Is it urgent?"), "urgent", yes_no),
            text(t("Urgent means, for example:"), " ", *examples(), size="2"),
            _emergency(),
            _labelled(t("What is broken?"), "category", category_select()),
            _labelled(t("Where?"), "location", location_select()),
            _labelled(
                t("Description"),
                "description",
                rx.el.textarea(
                    id="field-description",
                    name="description",
                    class_name="heka-textarea",
                    max_length=4000,
                    aria_describedby="field-description-error",
                ),
            ),
            choice(t("May maintenance enter with a master key?"), "enter", yes_no),
            rx.el.div(
                _labelled(
                    t("When can you be reached?"),
                    "reachable_at",
                    rx.el.input(
                        id="field-reachable_at",
                        name="reachable_at",
                        class_name="heka-native-input",
                        max_length=200,
                        aria_describedby="field-reachable_at-error",
                    ),
                ),
                class_name="heka-reachable heka-full-width",
            ),
            _labelled(
                t("Pets at home (leave empty if none)"),
                "pets",
                rx.el.input(
                    id="field-pets", name="pets", class_name="heka-native-input", max_length=200
                ),
            ),
            _labelled(
                t("Contact phone"),
                "contact_phone",
                rx.el.input(
                    id="field-contact_phone",
                    name="contact_phone",
                    type="tel",
                    auto_complete=no_autofill_on_kiosk("tel"),
                    class_name="heka-native-input",
                    aria_describedby="field-contact_phone-error",
                ),
            ),
            rx.el.label(
                rx.el.input(
                    type="checkbox", name="notify", id="field-notify", default_checked=True
                ),
                # In a span that takes the rest of the line: a bare text node wrapped
                # under the box at 390 px.
                rx.el.span(t("Tell me by email when the report is updated")),
                class_name="heka-choice heka-choice-line",
            ),
            _photos(),
            submit_button(t("Send report"), FaultFormState.busy, id="fault-submit"),
            class_name="heka-column heka-gap-4 heka-full-width",
        ),
        id="fault-form",
        on_submit=FaultFormState.submit,
        reset_on_submit=False,
        class_name="heka-full-width heka-max-40",
    )


def _done() -> rx.Component:
    return rx.el.div(
        fault_draft_done(),
        notice(
            t(
                "Thank you. Your report was received with number {number}.",
                number=FaultFormState.number,
            )
        ),
        rx.el.div(
            link(t("Open the report"), href=FaultFormState.report_link, id="open-report"),
            link(t("All my reports"), href=routes.FAULTS),
            class_name="heka-row heka-gap-4",
        ),
        class_name="heka-column heka-gap-3 heka-full-width",
        id="fault-done",
    )


def new_fault_page() -> rx.Component:
    """The report form, or its confirmation with the report number."""
    return page_layout(
        heading(t("Report a fault"), level="h1", size="7", class_name="heka-mb-05"),
        fault_outbox(),
        rx.cond(
            FaultFormState.number != "",
            _done(),
            rx.cond(FaultFormState.loaded, _form(), loading()),
        ),
    )
