"""An article's lead image and its PDF attachments on the article page. The files come
from the backend's ``/_files/content/`` route, which checks the article's audience."""

from __future__ import annotations

import reflex as rx

from heka_app.components.faults import BACKEND_ORIGIN
from heka_app.i18n.ui import t


def lead_image(image: rx.Var) -> rx.Component:
    """The image at the top of the article: width and height set so nothing jumps while it
    loads, scaled to the column; not lazy, since it is above the fold on every screen."""
    return rx.cond(
        image["src"],
        rx.el.img(
            src=BACKEND_ORIGIN + image["src"].to(str),
            src_set=_srcset(image),
            sizes="(max-width: 44rem) 100vw, 42rem",
            alt=image["alt"].to(str),
            decoding="async",
            class_name="heka-lead-image",
            # HTML width/height (the browser reserves the box from their ratio); Reflex would
            # make ``width=``/``height=`` CSS, so they go as attributes.
            custom_attrs={"width": image["width"].to(str), "height": image["height"].to(str)},
            style={
                "display": "block",
                "max_width": "min(100%, 42rem)",  # the text column's width
                "height": "auto",
                "border_radius": "var(--radius-3)",
                "margin_bottom": "1em",
            },
        ),
    )


def _srcset(image: rx.Var) -> rx.Var:
    """The thumbnail for narrow screens, the full image for the rest."""
    return (
        BACKEND_ORIGIN + image["thumb"].to(str) + " " + image["thumb_width"].to(str) + "w, "
        + BACKEND_ORIGIN + image["src"].to(str) + " " + image["width"].to(str) + "w"
    )  # fmt: skip


def attachment_links(attachments: rx.Var) -> rx.Component:
    """The attachments as download links: name, then "PDF" and the size."""
    return rx.cond(
        attachments.length() > 0,
        rx.box(
            rx.heading(t("Attached documents"), as_="h2", size="5", margin_y="0.75em"),
            rx.el.ul(
                rx.foreach(
                    attachments,
                    lambda a: rx.el.li(
                        rx.link(
                            a["name"],
                            href=BACKEND_ORIGIN + a["href"].to(str),
                            download=a["name"],
                        ),
                        rx.text(
                            " (PDF, ", a["size"], ")", as_="span", size="2", color_scheme="gray"
                        ),
                        style={"margin_bottom": "0.5em"},
                    ),
                ),
                style={"padding_left": "1.2em"},
            ),
        ),
    )
