"""Staff: the news and instruction editor with a preview per language and the history."""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.components.articles import article_body
from heka_app.components.forms import form_error, notice, submit_button
from heka_app.components.layout import page_layout
from heka_app.i18n import N_
from heka_app.i18n.ui import t, t_var
from heka_app.pages.content_editor_media import media_section
from heka_app.state.content_editor import ContentEditorState as S

LANGUAGE_NAMES = (("fi", N_("Finnish")), ("sv", N_("Swedish")), ("en", N_("English")))

ACTIONS = {
    "created": N_("created"),
    "edited": N_("edited"),
    "published": N_("published"),
    "scheduled": N_("scheduled"),
    "unpublished": N_("unpublished"),
    "image_set": N_("image set"),
    "image_alt": N_("image description changed"),
    "image_removed": N_("image removed"),
    "attachment_added": N_("attachment added"),
    "attachment_removed": N_("attachment removed"),
}


def _action(action: rx.Var) -> rx.Component:
    return rx.match(action, *[(key, t(label)) for key, label in ACTIONS.items()], action)


def _error(name: str) -> rx.Component:
    message = S.field_errors.get(name, "")
    return rx.cond(
        message,
        rx.text(
            t_var(message), id=f"field-{name}-error", color_scheme="red", size="2", role="alert"
        ),
    )


def _labelled(label: rx.Var, name: str, control: rx.Component) -> rx.Component:
    return rx.vstack(
        rx.el.label(label, html_for=f"field-{name}", class_name="heka-label"),
        control,
        _error(name),
        spacing="1",
        class_name="heka-full-width",
        align="start",
    )


def _input(label: rx.Var, name: str, type_: str = "text", **props) -> rx.Component:
    return _labelled(
        label,
        name,
        rx.input(
            id=f"field-{name}",
            name=name,
            type=type_,
            default_value=S.form.get(name, ""),
            aria_describedby=f"field-{name}-error",
            size="3",
            class_name="heka-full-width",
            **props,
        ),
    )


def _select(label: rx.Var, name: str, options: list[tuple[str, rx.Var]]) -> rx.Component:
    return _labelled(
        label,
        name,
        rx.el.select(
            *[rx.el.option(text, value=value) for value, text in options],
            id=f"field-{name}",
            name=name,
            default_value=S.form.get(name, ""),
            class_name="heka-select",
        ),
    )


def _target_select() -> rx.Component:
    def option(item: rx.Var) -> rx.Component:
        return rx.el.option(item["name"], value=item["id"].to(str))

    return _labelled(
        t("Area office or property"),
        "target_id",
        rx.el.select(
            rx.el.option(t("Not needed for everyone"), value=""),
            rx.el.optgroup(rx.foreach(S.offices, option), label=t("Area offices")),
            rx.el.optgroup(rx.foreach(S.properties, option), label=t("Properties")),
            id="field-target_id",
            name="target_id",
            default_value=S.form.get("target_id", ""),
            class_name="heka-select",
        ),
    )


def _language_tab(lang: str, name: str) -> rx.Component:
    preview = {"fi": S.preview_fi, "sv": S.preview_sv, "en": S.preview_en}[lang]
    return rx.tabs.content(
        rx.grid(
            rx.vstack(
                _input(t("Title"), f"title_{lang}", max_length=200),
                _input(t("Summary"), f"summary_{lang}", max_length=500),
                _labelled(
                    t("Text (Markdown: **bold**, - list, [link](https://...))"),
                    f"body_{lang}",
                    rx.text_area(
                        id=f"field-body_{lang}",
                        name=f"body_{lang}",
                        default_value=S.form.get(f"body_{lang}", ""),
                        on_change=preview.debounce(400),
                        rows="14",
                        class_name="heka-full-width",
                        aria_describedby=f"field-body_{lang}-error",
                    ),
                ),
                class_name="heka-full-width",
            ),
            rx.box(  # h2 (the page has no h2 above it); only the article is in ``lang``
                rx.heading(t("Preview"), as_="h2", size="3", class_name="heka-mb-05"),
                rx.box(article_body(S.preview_html.get(lang, "")), lang=lang),
                class_name="heka-preview",
            ),
            columns=rx.breakpoints(initial="1", md="2"),
            spacing="4",
            class_name="heka-full-width",
        ),
        value=lang,
        class_name="heka-pt-1",
    )


def content_editor_page() -> rx.Component:
    """``/staff/content/edit[?id=]``: write, preview, target, schedule and publish."""
    return page_layout(
        rx.link(t("All news and instructions"), href=routes.STAFF_CONTENT),
        rx.heading(rx.cond(S.article_no, t("Edit article"), t("New article")), as_="h1", size="7"),
        form_error(S.error, S.error_params),
        rx.cond(S.saved_notice, notice(t_var(S.saved_notice))),
        rx.form(
            rx.vstack(
                rx.grid(
                    _select(
                        t("Type"), "kind", [("news", t("News")), ("instruction", t("Instruction"))]
                    ),
                    _select(
                        t("For"),
                        "audience",
                        [
                            ("everyone", t("Everyone (also the public front page)")),
                            ("area", t("Residents of one area office")),
                            ("property", t("Residents of one property")),
                        ],
                    ),
                    _target_select(),
                    _input(t("Publish at (empty: when published)"), "publish_at", "datetime-local"),
                    _input(t("Remove at (empty: never)"), "expires_at", "datetime-local"),
                    columns=rx.breakpoints(initial="1", sm="2", lg="3"),
                    spacing="3",
                    class_name="heka-full-width",
                ),
                rx.tabs.root(
                    rx.tabs.list(
                        *[rx.tabs.trigger(t(name), value=lang) for lang, name in LANGUAGE_NAMES]
                    ),
                    *[_language_tab(lang, name) for lang, name in LANGUAGE_NAMES],
                    default_value="fi",
                    class_name="heka-full-width",
                ),
                rx.hstack(
                    submit_button(t("Save"), S.busy),
                    rx.button(
                        t("Publish"),
                        type="button",
                        size="3",
                        color_scheme="green",
                        high_contrast=True,  # white on green-9 is 3:1 (axe, issue 16)
                        on_click=S.publish,
                        disabled=~S.article_no.to(bool),
                    ),
                    rx.button(
                        t("Unpublish"),
                        type="button",
                        size="3",
                        variant="soft",
                        on_click=S.unpublish,
                        disabled=~S.article_no.to(bool),
                    ),
                    wrap="wrap",
                    spacing="3",
                ),
                spacing="4",
                class_name="heka-full-width",
            ),
            key=S.form_key,
            on_submit=S.save,
            reset_on_submit=False,
            class_name="heka-full-width",
        ),
        media_section(),
        rx.cond(
            S.history.length() > 0,
            rx.box(
                rx.heading(t("History"), as_="h2", size="5", class_name="heka-my-075"),
                rx.el.ul(
                    rx.foreach(
                        S.history,
                        lambda h: rx.el.li(
                            rx.text(
                                h["at"],
                                " · ",
                                h["who"],
                                " · ",
                                _action(h["action"]),
                                " ",
                                h["summary"],
                                size="2",
                            )
                        ),
                    )
                ),
            ),
        ),
    )
