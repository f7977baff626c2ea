"""The editor's "Image and attachments" section: the lead image with a description per
language, and PDF attachments; shown once the article has been saved."""

from __future__ import annotations

import reflex as rx

from heka_app.components.drop_zone import drop_zone
from heka_app.components.faults import BACKEND_ORIGIN
from heka_app.i18n import N_
from heka_app.i18n.ui import t, t_var
from heka_app.state.content_media import IMAGE_UPLOAD_ID, PDF_UPLOAD_ID
from heka_app.state.content_media import ContentMediaState as M

_ALT_LABELS = {
    "fi": N_("Image description in Finnish"),
    "sv": N_("Image description in Swedish"),
    "en": N_("Image description in English"),
}


def _message(text: rx.Var, field_id: str = "") -> rx.Component:
    return rx.cond(
        text, rx.text(t_var(text), id=field_id or None, color_scheme="red", size="2", role="alert")
    )


def _picker(upload_id: str, label: rx.Var, accept: dict, handler) -> rx.Component:
    return drop_zone(
        rx.button(label, type="button", variant="outline", size="3"),
        id=upload_id,
        multiple=upload_id == PDF_UPLOAD_ID,
        accept=accept,
        max_files=10 if upload_id == PDF_UPLOAD_ID else 1,
        on_drop=handler(rx.upload_files(upload_id=upload_id)),
        class_name="heka-upload",
        label_id=f"{upload_id}-label",  # the section's heading names the file input
    )


def _alt_input(lang: str) -> rx.Component:
    name = f"alt_{lang}"
    return rx.vstack(
        rx.el.label(t(_ALT_LABELS[lang]), html_for=f"field-{name}", class_name="heka-label"),
        rx.input(
            id=f"field-{name}",
            name=name,
            default_value=M.alts.get(lang, ""),
            max_length=250,
            aria_describedby=f"field-{name}-error",
            size="3",
            class_name="heka-full-width",
        ),
        _message(M.field_errors.get(name, ""), f"field-{name}-error"),
        spacing="1",
        class_name="heka-full-width",
    )


def _image_part() -> rx.Component:
    current = BACKEND_ORIGIN + M.image_thumb
    shown = rx.cond(M.preview, M.preview, rx.cond(M.image_thumb, current, ""))
    return rx.vstack(
        rx.heading(t("Lead image"), as_="h3", size="4", id=f"{IMAGE_UPLOAD_ID}-label"),
        rx.cond(
            shown,
            rx.el.img(src=shown, alt=t("The article's image"), class_name="heka-lead-image"),
            rx.text(t("No image."), size="2"),
        ),
        _picker(
            IMAGE_UPLOAD_ID,
            rx.cond(shown, t("Choose another image"), t("Choose an image")),
            {
                "image/jpeg": [".jpg", ".jpeg"],
                "image/png": [".png"],
                "image/webp": [".webp"],
                "image/heic": [".heic", ".heif"],
            },
            M.upload_image,
        ),  # fmt: skip
        rx.text(t("JPEG, PNG, WEBP or HEIC, at most 10 MB."), size="2"),
        _message(M.field_errors.get("image", "")),
        rx.form(
            rx.vstack(
                *[_alt_input(lang) for lang in ("fi", "sv", "en")],
                rx.hstack(
                    rx.button(t("Save image"), type="submit", size="3", loading=M.busy),
                    rx.cond(
                        shown,
                        rx.button(
                            t("Remove image"),
                            type="button",
                            size="3",
                            variant="soft",
                            color_scheme="red",
                            on_click=M.remove_image,
                        ),  # fmt: skip
                    ),
                    wrap="wrap",
                ),
                class_name="heka-full-width",
            ),
            key=M.form_key,
            on_submit=M.save_image,
            reset_on_submit=False,
            class_name="heka-full-width",
        ),
        spacing="2",
        class_name="heka-full-width",
        align="start",
    )


def _attachment(item: rx.Var) -> rx.Component:
    return rx.el.li(
        rx.hstack(
            rx.link(
                item["name"],
                href=BACKEND_ORIGIN + item["href"].to(str),
            ),
            rx.button(
                t("Remove PDF"),
                type="button",
                size="1",
                variant="soft",
                color_scheme="red",
                on_click=M.remove_attachment(item["id"].to(int)),
                aria_label=t("Remove {name}", name=item["name"]),
            ),
            align="center",
            wrap="wrap",
        ),
    )


def _attachments_part() -> rx.Component:
    return rx.vstack(
        rx.heading(t("Attachments (PDF)"), as_="h3", size="4", id=f"{PDF_UPLOAD_ID}-label"),
        rx.el.ul(rx.foreach(M.attachments, _attachment)),
        _picker(PDF_UPLOAD_ID, t("Add PDF files"), {"application/pdf": [".pdf"]}, M.upload_pdf),
        rx.text(t("PDF, at most 10 MB each, 10 per article."), size="2"),
        _message(M.pdf_error),
        spacing="2",
        class_name="heka-full-width",
        align="start",
    )


def media_section() -> rx.Component:
    """Image and attachments of a saved article; a hint for a new one."""
    return rx.box(
        rx.heading(t("Image and attachments"), as_="h2", size="5", class_name="heka-my-075"),
        rx.cond(
            M.article_no,
            rx.vstack(
                _message(M.error),
                rx.cond(M.notice, rx.text(t_var(M.notice), role="status", size="2")),
                rx.grid(
                    _image_part(),
                    _attachments_part(),
                    columns=rx.breakpoints(initial="1", md="2"),
                    spacing="5",
                    class_name="heka-full-width",
                ),
                class_name="heka-full-width",
            ),
            rx.text(t("Save the article first to add an image or attachments.")),
        ),
        id="content-media",
        class_name="heka-full-width",
    )
