// The forms' file drop zone (heka_app/components/lazy_upload.py). react-dropzone (~14 KB gz)
// is its own chunk (heka_dropzone_zone.js), fetched when a page with a picker renders, not
// in the page's first-load JS. Until it is there the zone is the same markup without
// behaviour (the prerendered page shows it the same way).
import { createElement as h, lazy, Suspense } from "react";

const Zone = lazy(() => import("./heka_dropzone_zone.js"));

export function HekaDropzone(props) {
  const { children, className, id, inputLabelledby, multiple } = props;
  const input = h("input", {
    type: "file",
    multiple,
    tabIndex: -1,
    style: { display: "none" },
    "aria-labelledby": inputLabelledby,
  });
  const waiting = h("div", { className, id, role: "presentation", tabIndex: 0 }, input, children);
  return h(Suspense, { fallback: waiting }, h(Zone, props));
}
