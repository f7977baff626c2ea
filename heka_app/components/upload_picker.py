"""The one file picker of the tenant's forms (fault photos, message and request
attachments, a thread's answer): a labelled drop zone, upload progress, the refusal in
the user's language, and previews with a remove button each. The caller says what may be
picked and how one preview looks; the state keeps the stored files server-side."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import reflex as rx

from heka_app.components.drop_zone import drop_zone
from heka_app.components.plain import text
from heka_app.i18n.ui import t_var

PHOTO_TYPES = {
    "image/jpeg": [".jpg", ".jpeg"],
    "image/png": [".png"],
    "image/webp": [".webp"],
    "image/heic": [".heic", ".heif"],
}
PHOTO_OR_PDF_TYPES = {**PHOTO_TYPES, "application/pdf": [".pdf"]}


@dataclasses.dataclass(frozen=True)
class PickerTexts:
    """The picker's visible words (translated Vars)."""

    label: rx.Var
    button: rx.Var
    hint: rx.Var
    uploading: rx.Var  # "Uploading: {p} %"
    remove: Callable[[rx.Var], rx.Var]  # index -> "Remove file {n}"


def upload_picker(
    state: type[rx.State],
    upload_id: str,
    texts: PickerTexts,
    *,
    accept: dict[str, list[str]],
    max_files: int,
    on_upload: Callable,
    on_remove: Callable,
    error: rx.Var,
    preview: Callable[[rx.Var, rx.Var], rx.Component],
    label_id: str = "",
    progress_bar: bool = False,
) -> rx.Component:
    """The picker bound to ``state``'s ``previews``, ``progress`` and ``upload_progress``.

    Args:
        on_upload: The state's upload handler (takes the files).
        on_remove: The state's remove handler (takes the index).
        error: The msgid of the last refusal ("" for none).
        preview: ``(item, index)`` -> how one picked file is shown.
        label_id: The label's id (the file input is named by it); ``<upload_id>-label``.
        progress_bar: Show a bar besides the percentage.
    """
    # Plain elements in Radix's classes, not Radix stacks and texts (components/plain.py):
    # the picker is on the fault form and the message forms (issue 9).
    uploading = text(texts.uploading, size="2", role="status", id=f"{upload_id}-status")
    if progress_bar:
        bar = rx.progress(value=state.progress, max=100)  # full width by default (Reflex sets it)
        uploading = rx.el.div(bar, uploading, class_name="heka-column heka-gap-3 heka-full-width")
    label_id = label_id or f"{upload_id}-label"
    return rx.el.div(
        text(texts.label, class_name="heka-label", id=label_id),
        drop_zone(
            rx.el.div(
                rx.button(texts.button, type="button", variant="outline", size="3"),
                text(texts.hint, size="2"),
                class_name="heka-column heka-center heka-gap-3",
            ),
            id=upload_id,
            multiple=True,
            accept=accept,
            max_files=max_files,
            on_drop=on_upload(
                rx.upload_files(upload_id=upload_id, on_upload_progress=state.upload_progress)
            ),
            class_name="heka-upload",
            label_id=label_id,
        ),
        # Hidden at 100 %: the last progress event can arrive after the upload handler has
        # reset the number (they travel apart: HTTP upload, websocket events), and a status
        # saying "100 %" under the finished previews reads as still busy.
        rx.cond((state.progress > 0) & (state.progress < 100), uploading),
        rx.cond(error, text(t_var(error), data_accent_color="red", size="2", role="alert")),
        rx.el.div(
            rx.foreach(
                state.previews,
                lambda item, i: rx.el.div(
                    preview(item, i),
                    rx.button(
                        texts.remove(i),
                        type="button",
                        size="1",
                        variant="soft",
                        color_scheme="red",
                        on_click=on_remove(i),
                    ),
                    class_name="heka-column heka-gap-1",
                ),
            ),
            class_name="heka-photos",
        ),
        class_name="heka-column heka-gap-3 heka-full-width",
    )
