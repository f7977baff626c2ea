// Heka resident pages: the fault report's offline outbox (components/fault_outbox.py).
//
// A report sent while the browser is offline (or the app's connection is down) never
// reaches the server: this script stops that submit, keeps what was typed in IndexedDB
// (database "heka-outbox", one entry per submission id) and shows "waiting to send". When
// the connection is back it fills the form with the kept report and submits it through
// the form's own handler, so the server's validation and its one-report-per-submission-id
// rule apply: a report is made once, however often it is sent. "Sent" when the report
// number appears, "not sent" when the server asks to fix a field (the entry is then
// dropped: the form keeps the text, the tenant corrects and sends again).
//
// Entries carry their owner's tag (SessionState.device_owner): a shared browser sends a
// kept report only in the session of the account that wrote it. Entries older than
// MAX_AGE_MS are dropped. Photos are uploaded when picked, so they need a connection.
(function () {
  "use strict";
  if (window.hekaOutbox) {
    window.hekaOutbox.start();
    return;
  }
  var DB = "heka-outbox";
  var STORE = "faults";
  var FORM = "fault-form";
  var BOX = "fault-outbox";
  var TEXTS = "/heka-outbox-texts.json";
  var SETTLE_MS = 1500; // the connection must stay up this long before a resend
  var ANSWER_MS = 60000; // no answer by then: keep waiting, try again later
  var MAX_AGE_MS = 14 * 24 * 3600 * 1000;
  var resending = null; // the submission id being sent now
  var upSince = 0;

  function withStore(mode, action) {
    return new Promise(function (resolve, reject) {
      var open = indexedDB.open(DB, 1);
      open.onupgradeneeded = function () {
        open.result.createObjectStore(STORE, { keyPath: "submission_id" });
      };
      open.onerror = function () { reject(open.error); };
      open.onsuccess = function () {
        var db = open.result;
        var tx = db.transaction(STORE, mode);
        var request = action(tx.objectStore(STORE));
        tx.oncomplete = function () { db.close(); resolve(request && request.result); };
        tx.onerror = function () { db.close(); reject(tx.error); };
      };
    });
  }
  function keep(entry) { return withStore("readwrite", function (s) { return s.put(entry); }); }
  function drop(id) { return withStore("readwrite", function (s) { return s.delete(id); }); }
  function entries() { return withStore("readonly", function (s) { return s.getAll(); }); }

  function box() { return document.getElementById(BOX); }
  function form() { return document.getElementById(FORM); }
  function owner() { var b = box(); return (b && b.getAttribute("data-owner")) || ""; }
  // The line's words (pwa/texts.py), in the heka_lang cookie's language: the page may
  // have no server to tell it the language. Written again each second, so a language
  // switch reaches the line too.
  var texts = null;
  fetch(TEXTS).then(function (r) { return r.json(); }).then(function (t) { texts = t; words(); },
    function () {});
  function words() {
    var b = box();
    if (!b || !texts) return;
    var m = document.cookie.match(/(?:^|; )heka_lang=(fi|sv|en)(?:;|$)/);
    var lang = m ? m[1] : "fi";
    b.querySelectorAll("[data-when]").forEach(function (message) {
      var span = message.querySelector("[data-outbox-text]");
      var text = (texts[message.getAttribute("data-when")] || {})[lang] || "";
      if (span && span.textContent !== text) { span.textContent = text; span.lang = lang; }
    });
  }
  function show(state, reveal) {
    var b = box();
    if (!b) return;
    words();
    b.setAttribute("data-state", state);
    // The send button is at the bottom of a long form: bring the answer into view.
    if (reveal && b.scrollIntoView) b.scrollIntoView({ block: "center" });
  }
  function shown() { var b = box(); return (b && b.getAttribute("data-state")) || ""; }
  function connected() {
    return navigator.onLine && !document.getElementById("connection-lost");
  }

  function fieldsOf(f) {
    var data = {};
    for (var i = 0; i < f.elements.length; i++) {
      var el = f.elements[i];
      if (!el.name || el.type === "file" || el.type === "submit") continue;
      if (el.type === "radio") { if (el.checked) data[el.name] = el.value; }
      else if (el.type === "checkbox") data[el.name] = el.checked;
      else data[el.name] = el.value;
    }
    return data;
  }
  function fill(f, data) {
    for (var i = 0; i < f.elements.length; i++) {
      var el = f.elements[i];
      if (!el.name || !(el.name in data) || el.type === "file") continue;
      if (el.type === "radio") el.checked = data[el.name] === el.value;
      else if (el.type === "checkbox") el.checked = !!data[el.name];
      else el.value = data[el.name];
    }
    // The page's draft (localStorage) follows what the form now holds.
    f.dispatchEvent(new Event("change", { bubbles: true }));
  }
  function errorsText(f) {
    var text = "";
    f.querySelectorAll("[role=alert]").forEach(function (el) { text += el.textContent || ""; });
    return text.trim();
  }

  // Capture phase on window: runs before React's listener on the app root, so an offline
  // submit is kept here and never queued in the page's memory, where a closed tab loses it.
  function onSubmit(event) {
    var f = event.target;
    if (!f || f.id !== FORM || !owner()) return;
    if (f.getAttribute("data-outbox-resend") === "1") {
      f.removeAttribute("data-outbox-resend");
      return;
    }
    if (connected()) return;
    var fields = fieldsOf(f);
    if (!fields.submission_id) return;
    event.preventDefault();
    event.stopPropagation();
    keep({ submission_id: fields.submission_id, owner: owner(), fields: fields, kept_at: Date.now() })
      .then(function () { show("waiting", true); }, function () { show("offline", true); });
  }

  function awaitAnswer(id, before) {
    var started = Date.now();
    var timer = setInterval(function () {
      var f = form();
      if (document.getElementById("fault-done")) {
        clearInterval(timer);
        resending = null;
        drop(id).catch(function () {});
        show("sent", true);
        return;
      }
      var errors = f ? errorsText(f) : "";
      var waited = Date.now() - started;
      if (errors && (errors !== before || waited > 5000)) {
        clearInterval(timer);
        resending = null;
        drop(id).catch(function () {});
        show("refused", true);
      } else if (waited > ANSWER_MS) {
        clearInterval(timer);
        resending = null;
        show("waiting");
      }
    }, 300);
  }

  function resend(entry) {
    var f = form();
    if (!f || resending) return;
    resending = entry.submission_id;
    fill(f, entry.fields);
    var before = errorsText(f);
    show("sending");
    f.setAttribute("data-outbox-resend", "1");
    f.requestSubmit();
    awaitAnswer(entry.submission_id, before);
  }

  // Every second: notice offline / online, and send a kept report once the connection has
  // been up for SETTLE_MS (the connection banner's own reconnect clean-up runs first).
  function tick() {
    if (!box()) return;
    words();
    var up = connected();
    upSince = up ? upSince || Date.now() : 0;
    var state = shown();
    var quiet = ["", "sent", "refused", "offline", "closed"].indexOf(state) >= 0;
    if (!up && quiet) show(form() ? "offline" : "closed");
    if (up && (state === "offline" || state === "closed")) show("");
    if (!up || resending || Date.now() - upSince < SETTLE_MS || !form() || !owner()) return;
    entries().then(function (all) {
      var mine = null;
      all.forEach(function (entry) {
        if (Date.now() - entry.kept_at > MAX_AGE_MS) drop(entry.submission_id).catch(function () {});
        else if (entry.owner === owner() && !mine) mine = entry;
      });
      if (mine) resend(mine);
      else if (shown() === "waiting") show("");
    }, function () {});
  }

  var timer = null;
  function start() {
    if (timer === null) timer = setInterval(tick, 1000);
    tick();
  }
  if (!window.indexedDB) return; // nothing to keep it in: the form works online only
  window.addEventListener("submit", onSubmit, true);
  window.hekaOutbox = { start: start };
  start();
})();
