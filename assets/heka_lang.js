// The UI language for translated text (heka_app/i18n/ui.py): a reader of the session state
// that re-renders only when the words change (the language, or its catalog arriving), not
// on every session delta. Each t() reader used to subscribe to the whole session state, so
// the hydrate answer (cookies, the logout link, the unread count) re-rendered every text
// on the page (issue 9).
import { useContext, useMemo, useSyncExternalStore } from "react";
import { StateStoreContext, app } from "$/utils/context-registry";

export function useHekaLang(name, field) {
  const store = useContext(StateStoreContext);
  const [subscribe, snapshot] = useMemo(() => {
    const read = () => {
      const state = store.getSnapshot(name) ?? app.initialState?.[name] ?? {};
      // heka_catalog: set by components/html_lang.py when a language's table has arrived.
      return `${state[field]}|${state.heka_catalog_rx_state_ ?? ""}`;
    };
    return [(listener) => store.subscribe(name, listener), read];
  }, [store, name, field]);
  const key = useSyncExternalStore(subscribe, snapshot, snapshot);
  return key.slice(0, key.indexOf("|"));
}
