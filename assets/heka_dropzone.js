// The forms' file drop zone (heka_app/components/lazy_upload.py). react-dropzone (~14 KB gz)
// is its own chunk (heka_dropzone_zone.js), fetched when a page with a picker renders, not
// in the page's first-load JS. Until it is there the zone is the same markup and already
// picks files (click, Enter or Space opens the file dialog; the chosen files go to the same
// handler): only dragging files onto it waits for react-dropzone. The server checks type,
// size and count either way.
import { createElement as h, lazy, Suspense, useRef } from "react";

const Zone = lazy(() => import("./heka_dropzone_zone.js"));

function acceptAttribute(accept) {
  return accept ? Object.entries(accept).flatMap(([type, ext]) => [type, ...ext]).join(",") : undefined;
}

function WaitingZone({ children, className, id, inputLabelledby, multiple, accept, maxFiles, onDrop }) {
  const input = useRef(null);
  const open = () => input.current?.click();
  const onKeyDown = (e) => {
    if (e.target !== e.currentTarget || (e.key !== "Enter" && e.key !== " ")) return;
    e.preventDefault();
    open();
  };
  const onChange = (e) => {
    const files = Array.from(e.target.files || []);
    e.target.value = "";
    if (files.length && onDrop) onDrop(maxFiles ? files.slice(0, maxFiles) : files, []);
  };
  const field = h("input", {
    ref: input,
    type: "file",
    multiple,
    accept: acceptAttribute(accept),
    tabIndex: -1,
    style: { display: "none" },
    "aria-labelledby": inputLabelledby,
    onClick: (e) => e.stopPropagation(),
    onChange,
  });
  return h("div", { className, id, role: "presentation", tabIndex: 0, onClick: open, onKeyDown }, field, children);
}

export function HekaDropzone(props) {
  return h(Suspense, { fallback: h(WaitingZone, props) }, h(Zone, props));
}
