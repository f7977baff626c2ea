// react-dropzone's zone behind HekaDropzone (heka_dropzone.js): the markup rx.upload makes.
import { createElement as h } from "react";
import { useDropzone } from "react-dropzone";

export default function HekaDropzoneZone(props) {
  const { children, className, id, inputLabelledby, ...options } = props;
  const { getRootProps, getInputProps } = useDropzone({ ...options, id });
  return h(
    "div",
    { className, id, ...getRootProps() },
    h("input", { "aria-labelledby": inputLabelledby, type: "file", ...getInputProps() }),
    children,
  );
}
