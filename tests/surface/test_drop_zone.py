"""The drop zone (components/drop_zone.py) sends what rx.upload sends."""

from __future__ import annotations

import reflex as rx
from reflex_components_core.core.upload import Upload

from heka_app.components.drop_zone import drop_zone
from heka_app.state.faults import FaultFormState


def _zone() -> dict:
    return drop_zone(
        rx.text("Add photos"),
        id="fault-photos",
        accept={"image/png": [".png"]},
        max_files=5,
        on_drop=FaultFormState.upload_photos(rx.upload_files(upload_id="fault-photos")),
        class_name="heka-upload",
        label_id="photos-label",
    ).render()


def test_dropped_files_go_to_the_upload_handler_as_the_triggers_argument():
    props = " ".join(_zone()["props"])
    # The dropped files themselves (not the zone's selected files, which it has none of).
    assert '["files"] : _ev_0' in props and '"uploadFiles"' in props
    assert "upload_photos" in props
    assert 'inputLabelledby:"photos-label"' in props  # the input is named in both states
    assert 'className:"rx-Upload heka-upload"' in props
    assert Upload.is_used  # the backend mounts its upload endpoint


def test_the_page_imports_the_small_wrapper_not_react_dropzone():
    component = drop_zone(
        id="x", on_drop=FaultFormState.upload_photos(rx.upload_files(upload_id="x"))
    )
    imports = component._get_all_imports()
    assert "$/public/heka_dropzone.js" in imports
    rendered = [v for lib, vs in imports.items() if "react-dropzone" in lib for v in vs]
    assert all(not v.render for v in rendered)  # an install dependency, not an import
