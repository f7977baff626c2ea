// Kiosk mode's browser half (heka_app/components/kiosk_timer.py; loaded only on a kiosk).
// 120 s idle = IDLE_SECONDS, countdown from 60 s = WARN_SECONDS, 5 s = FALLBACK_SECONDS.
(() => {
  document.documentElement.classList.add("heka-kiosk-mode");
  if (window.__hekaKiosk) return;
  window.__hekaKiosk = true;
  window.__hekaKioskWipe = async (url) => {
    if (window.__hekaKioskWiping) return;
    window.__hekaKioskWiping = true;
    try { localStorage.clear(); sessionStorage.clear(); } catch (e) {}
    for (const c of document.cookie.split(";")) {
      const name = c.split("=")[0].trim();
      if (name) document.cookie = name + "=; Max-Age=0; Path=/";
    }
    try {
      for (const db of (await indexedDB.databases?.()) || []) {
        if (db.name) indexedDB.deleteDatabase(db.name);
      }
    } catch (e) {}
    try {
      for (const key of (await window.caches?.keys()) || []) await caches.delete(key);
    } catch (e) {}
    window.location.replace(url);
  };
  const endButton = () => document.getElementById("kiosk-end");
  const end = () => {
    const button = endButton();
    if (!button) return;
    const leave = button.dataset.leave;
    button.click();
    setTimeout(() => { if (leave) window.__hekaKioskWipe(leave); }, 5 * 1000);
  };
  // The header's "Log out" buttons end a kiosk session the same way (wipe included).
  window.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest("#logout-button, .heka-menu-action") && endButton()) {
      event.preventDefault();
      event.stopPropagation();
      end();
    }
  }, true);
  // No field offers what an earlier visitor typed (form history), whatever the page says.
  window.addEventListener("focusin", (event) => {
    const field = event.target;
    if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) {
      field.setAttribute("autocomplete", "off");
    }
  }, true);
  let last = Date.now();
  const reset = () => { last = Date.now(); };
  ["pointerdown", "keydown", "touchstart", "scroll", "input"].forEach(
    (name) => window.addEventListener(name, reset, {passive: true, capture: true}));
  let announced = null;
  setInterval(() => {
    const box = document.getElementById("kiosk-countdown");
    if (!box || !endButton()) { last = Date.now(); return; }
    const left = Math.max(120 - Math.floor((Date.now() - last) / 1000), 0);
    box.hidden = left > 60;
    const secs = document.getElementById("kiosk-seconds");
    if (secs) secs.textContent = String(left);
    const say = document.getElementById("kiosk-announce");
    const moment = [60, 30, 10].find((s) => left <= s && left > s - 5);
    if (say && moment !== announced) {
      announced = moment;
      say.textContent = moment === undefined ? "" : box.textContent;
    }
    if (left <= 0) { last = Date.now() + 3600 * 1000; end(); }
  }, 1000);
})();
