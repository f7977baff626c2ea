// The forms' file drop zone (heka_app/components/drop_zone.py), without react-dropzone:
// a click, Enter or Space opens the file dialog, and files dropped on the zone are taken
// from the drop event; both go to the same handler as rx.upload's. The server checks type,
// size and count either way. (Until 2026-11-29 react-dropzone was a lazy chunk that
// replaced this zone when it arrived: a file chosen in a dialog opened before the swap
// went to a detached input and was lost, on a slow phone easily.)
import { createElement as h, useRef, useState } from "react";

function acceptAttribute(accept) {
  return accept ? Object.entries(accept).flatMap(([type, ext]) => [type, ...ext]).join(",") : undefined;
}

export function HekaDropzone({ children, className, id, inputLabelledby, multiple, accept, maxFiles, onDrop }) {
  const input = useRef(null);
  const [over, setOver] = useState(false);
  const open = () => input.current?.click();
  const take = (list) => {
    const files = Array.from(list || []);
    const most = multiple === false ? 1 : maxFiles;
    if (files.length && onDrop) onDrop(most ? files.slice(0, most) : files, []);
  };
  const onKeyDown = (e) => {
    if (e.target !== e.currentTarget || (e.key !== "Enter" && e.key !== " ")) return;
    e.preventDefault();
    open();
  };
  const onChange = (e) => {
    const files = Array.from(e.target.files || []);
    e.target.value = "";
    take(files);
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
  return h(
    "div",
    {
      className: over ? `${className || ""} heka-upload-over` : className,
      id,
      role: "presentation",
      tabIndex: 0,
      onClick: open,
      onKeyDown,
      onDragOver: (e) => { e.preventDefault(); setOver(true); },
      onDragLeave: () => setOver(false),
      onDrop: (e) => { e.preventDefault(); setOver(false); take(e.dataTransfer && e.dataTransfer.files); },
    },
    field,
    children,
  );
}
