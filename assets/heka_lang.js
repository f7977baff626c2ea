// The UI language as translated text reads it (heka_app/i18n/ui.py): selectors on the
// session state that re-render a component only when what it shows changes, not on every
// session delta. Each t() reader used to subscribe to the whole session state, so the
// hydrate answer (cookies, the logout link, the unread count) re-rendered every text on
// the page (issue 9).
import { useContext, useEffect, useLayoutEffect, useMemo, useSyncExternalStore } from "react";
import { DispatchContext, StateStoreContext, app } from "$/utils/context-registry";
import { hekaCatalogReady, hekaLoadCatalog, hekaTextLang } from "./heka_i18n.js";

function useSelected(name, select) {
  const store = useContext(StateStoreContext);
  const [subscribe, snapshot] = useMemo(() => {
    const read = () => select(store.getSnapshot(name) ?? app.initialState?.[name] ?? {});
    return [(listener) => store.subscribe(name, listener), read];
  }, [store, name, select]);
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

// A page served prerendered in Swedish or English (heka_app/language_pages.py) starts in
// that language: the state's compiled default says Finnish, so the served language is put
// in it, and the language's tables loaded, before React hydrates (the page's module script
// awaits this). Hydration then matches the served HTML, and the state's answer changes no
// text. The prerender calls it too (in Node) to render the page in the language.
globalThis.hekaServe = (lang, state, field) => {
  const initial = app.initialState?.[state];
  if (initial && field in initial) initial[field] = lang;
  return hekaLoadCatalog(lang).catch(() => lang);
};

const textSelectors = new Map();
const wantedSelectors = new Map();

// For text: the language whose table has arrived (the words t() would show anyway: the
// Finnish ones until then), so a switch to a language still loading does not re-render
// everything in Finnish first. components/html_lang.py sets heka_catalog when a table
// arrives; a route group's table (the staff tools') arriving re-renders through it too.
export function useHekaLang(name, field) {
  if (!textSelectors.has(field)) {
    textSelectors.set(field, (state) =>
      `${hekaTextLang(state[field])}|${state.heka_catalog_rx_state_ ?? ""}`);
  }
  const key = useSelected(name, textSelectors.get(field));
  return key.slice(0, key.indexOf("|"));
}

// The language the session asks for (what loads the tables and sets <html lang>).
export function useHekaWantedLang(name, field) {
  if (!wantedSelectors.has(field)) wantedSelectors.set(field, (state) => state[field]);
  return useSelected(name, wantedSelectors.get(field));
}

// Load `lang`'s tables if some are missing (its main table, a route group's), keeping the
// page hidden meanwhile (at most maxHiddenMs); once there, the heka_catalog marker
// re-renders every text.
function loadTables(lang, state, dispatch, pendingClass, maxHiddenMs) {
  const root = document.documentElement;
  const show = () => root.classList.remove(pendingClass);
  root.classList.add(pendingClass);
  setTimeout(show, maxHiddenMs);
  hekaLoadCatalog(lang)
    .then(() => {
      dispatch[state]?.({ heka_catalog_rx_state_: lang });
      setTimeout(show, 0);
    })
    .catch(show);
}

// Renders nothing; keeps <html lang> equal to the UI language (screen readers pick the
// voice by it) and the page in that language's tables (components/html_lang.py). Its own
// component: a language change re-renders it, not the page.
export function HekaHtmlLang({ state, field, pendingClass, maxHiddenMs }) {
  const lang = useHekaWantedLang(state, field);
  const dispatch = useContext(DispatchContext);
  useEffect(() => {
    const root = document.documentElement;
    // The first-paint script set the cookie's language; the state catches up next.
    const want = root.dataset.hekaLang;
    if (want && want !== lang) return;
    if (!hekaCatalogReady(lang)) loadTables(lang, state, dispatch, pendingClass, maxHiddenMs);
    delete root.dataset.hekaLang;
    root.lang = lang;
    if (hekaCatalogReady(lang)) root.classList.remove(pendingClass);
  }, [lang]);
  return null;
}

// Renders nothing; on a route group's page (components/catalog_group.py), before the
// browser paints: the group's table missing in this language -> hide, load, re-render.
// `group` is the group module's export: the page imports that module statically.
export function HekaCatalogGroup({ state, field, group, pendingClass, maxHiddenMs }) {
  const lang = useHekaWantedLang(state, field);
  const dispatch = useContext(DispatchContext);
  useLayoutEffect(() => {
    if (!hekaCatalogReady(lang)) loadTables(lang, state, dispatch, pendingClass, maxHiddenMs);
  }, [lang, group]);
  return null;
}
