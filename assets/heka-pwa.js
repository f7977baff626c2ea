// Heka resident pages: installs the app's service worker (assets/sw.js) and points the
// manifest link at the page's language. Every page loads it after its load event
// (components/pwa_head.py), outside the first-load JavaScript. In kiosk mode (data-kiosk
// on this script's tag) it does the opposite:
// a shared terminal keeps nothing, so any earlier worker, its caches and the fault-report
// outbox are removed.
(function () {
  "use strict";
  var me = document.currentScript;
  if (me && me.hasAttribute("data-kiosk")) {
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker.getRegistrations().then(function (all) {
        all.forEach(function (r) { r.unregister(); });
      });
    }
    if (window.caches) caches.keys().then(function (n) { n.forEach(function (k) { caches.delete(k); }); });
    if (window.indexedDB) indexedDB.deleteDatabase("heka-outbox");
    return;
  }
  function manifestLanguage() {
    var link = document.querySelector('link[rel="manifest"]');
    var lang = document.documentElement.lang;
    if (link && /^(fi|sv|en)$/.test(lang)) {
      var href = "/manifest-" + lang + ".json";
      if (link.getAttribute("href") !== href) link.setAttribute("href", href);
    }
  }
  manifestLanguage();
  new MutationObserver(manifestLanguage).observe(document.documentElement, {
    attributes: true, attributeFilter: ["lang"],
  });
  if ("serviceWorker" in navigator && window.isSecureContext) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
  }
})();
