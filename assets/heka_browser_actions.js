// What a handler asks the page to do in the browser (heka_app/state/browser_actions.py),
// sent as data and run by the fixed functions below: no script travels over the websocket,
// so the Content-Security-Policy needs no 'unsafe-eval'. Each action runs once per tab:
// its id is remembered in sessionStorage, so a reload or the next page's hydration, which
// bring the last actions again, does not repeat them.
import { useEffect } from "react";
import { refs } from "$/utils/state";

const DONE_KEY = "heka-browser-actions-done";
const KEPT = 20;
let doneInMemory = [];

const ACTIONS = {
  // Reflex's toaster (rx.toast), as a handler's returned rx.toast would call it.
  toast_error: (message) => refs["__toast"]?.error(message),
  toast_success: (message) => refs["__toast"]?.success(message),
  reset_form: (id) => document.getElementById(id)?.reset(),
  clear_field: (id) => {
    const field = document.getElementById(id);
    if (field) field.value = "";
  },
  // Only a path of this site: the address bar shows a view's filters without a navigation.
  replace_url: (path) => {
    if (path.startsWith("/") && !path.startsWith("//")) {
      window.history.replaceState(window.history.state, "", path);
    }
  },
};

function readDone() {
  try {
    return JSON.parse(sessionStorage.getItem(DONE_KEY) || "[]");
  } catch (e) {
    return doneInMemory;
  }
}

function writeDone(done) {
  doneInMemory = done.slice(-KEPT);
  try {
    sessionStorage.setItem(DONE_KEY, JSON.stringify(doneInMemory));
  } catch (e) {}
}

export function HekaBrowserActions({ actions }) {
  useEffect(() => {
    if (!actions || actions.length === 0) return;
    const done = readDone();
    for (const [id, name, target] of actions) {
      if (done.includes(id)) continue;
      done.push(id);
      try {
        ACTIONS[name]?.(target);
      } catch (e) {
        console.error("heka browser action", name, e);
      }
    }
    writeDone(done);
  }, [actions]);
  return null;
}
