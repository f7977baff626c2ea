"""``rx.upload.root`` without react-dropzone (issue 9: fast on a phone).

``rx.upload`` calls react-dropzone's hook in the page's own code, so the library (~14 KB gz)
was in the first-load JS of every page with a picker (fault form, messages, the editor).
``assets/heka_dropzone.js`` renders the same zone with a native file input and native
drag-and-drop; the events are rx.upload's: picked or dropped files go to the state's upload
handler through ``rx.upload_files``. (A lazily loaded react-dropzone replacing the zone lost
a file chosen in a dialog opened before it arrived.)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import reflex as rx
from reflex.event import EventHandler, EventSpec
from reflex_components_core.core.upload import (  # type: ignore[import-untyped]
    Upload,
    _default_drop_rejected,
    _on_drop_args_spec,
    _on_drop_rejected_spec,
)


class HekaDropzone(rx.Component):
    """``HekaDropzone`` of assets/heka_dropzone.js."""

    library = "$/public/heka_dropzone.js"
    tag = "HekaDropzone"

    accept: rx.Var[dict[str, Sequence]]
    max_files: rx.Var[int]
    multiple: rx.Var[bool]
    # The id of the label that names the hidden file input (axe: label).
    input_labelledby: rx.Var[str]

    # Reflex reads the argument specs from these annotations (as rx.upload declares them).
    on_drop: EventHandler[_on_drop_args_spec]  # type: ignore[type-arg]
    on_drop_rejected: EventHandler[_on_drop_rejected_spec]  # type: ignore[type-arg]

    @classmethod
    def create(cls, *children: Any, **props: Any) -> HekaDropzone:
        """The zone; ``on_drop`` as for rx.upload (``handler(rx.upload_files(upload_id=...))``)."""
        # The backend's upload endpoint is mounted only when an upload component exists.
        Upload.is_used = True
        on_drop = props["on_drop"]
        if isinstance(on_drop, EventSpec):
            # rx.upload_files names the zone's selected files; the dropped files are the
            # trigger's own argument here (as Upload.create does).
            on_drop = on_drop.with_args(
                args=tuple(Upload._update_arg_tuple_for_on_drop(arg) for arg in on_drop.args)
            )
        props["on_drop"] = on_drop
        props.setdefault("on_drop_rejected", _default_drop_rejected)
        props.setdefault("multiple", True)
        return super().create(*children, **props)


def drop_zone(*children: Any, label_id: str = "", **props: Any) -> rx.Component:
    """A drop zone like ``rx.upload.root(*children, **props)``; its hidden file input is
    named by the label ``label_id``."""
    if label_id:
        props["input_labelledby"] = label_id
    class_name = props.pop("class_name", "")
    return HekaDropzone.create(*children, class_name=f"rx-Upload {class_name}".strip(), **props)
