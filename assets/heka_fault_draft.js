// The fault form's draft (pages/fault_form.py): what the tenant types and the form's
// submission id are kept in localStorage, so a reload or a dropped connection loses
// nothing, and two tabs share the id (they make one report). Rendered inside the form,
// so the form is there when it mounts.
import { useEffect } from "react";

const KEY = "heka-fault-draft";

function read() {
  try {
    return JSON.parse(localStorage.getItem(KEY) || "{}");
  } catch (e) {
    return {};
  }
}

function write(draft) {
  try {
    localStorage.setItem(KEY, JSON.stringify(draft));
  } catch (e) {}
}

function newSubmissionId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function restore(form) {
  const draft = read();
  if (!draft.submission_id) {
    draft.submission_id = newSubmissionId();
    write(draft);
  }
  for (const el of form.elements) {
    if (!el.name || !(el.name in draft) || el.type === "file") continue;
    if (el.type === "radio") el.checked = draft[el.name] === el.value;
    else if (el.type === "checkbox") el.checked = !!draft[el.name];
    else el.value = draft[el.name];
  }
}

function save(form) {
  const draft = read();
  for (const el of form.elements) {
    if (!el.name || el.type === "file" || el.type === "submit") continue;
    if (el.type === "radio") {
      if (el.checked) draft[el.name] = el.value;
    } else if (el.type === "checkbox") draft[el.name] = el.checked;
    else draft[el.name] = el.value;
  }
  write(draft);
}

export function HekaFaultDraft({ formId }) {
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!form) return undefined;
    restore(form);
    const onChange = () => save(form);
    form.addEventListener("input", onChange);
    form.addEventListener("change", onChange);
    return () => {
      form.removeEventListener("input", onChange);
      form.removeEventListener("change", onChange);
    };
  }, [formId]);
  return null;
}

// In the confirmation: the report was made, so its draft (and submission id) goes.
export function HekaFaultDraftDone() {
  useEffect(() => {
    try {
      localStorage.removeItem(KEY);
    } catch (e) {}
  }, []);
  return null;
}
