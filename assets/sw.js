// Heka resident pages: the service worker (issue 16). Keeps the app shell so the pages open
// without a connection; never keeps anyone's data.
//
// What is kept (Cache Storage, one cache per VERSION):
// - the prerendered HTML of SHELL_ROUTES (the same bytes for everybody: the page skeleton
//   Reflex builds, no tenant data; the data arrives later over the websocket), refreshed on
//   every online visit, plus the offline page;
// - the build's static files: /assets/* (content-hashed), the stylesheets, icons,
//   manifests and the portal's own scripts.
// What is never touched (the browser handles it as if there were no worker):
// - anything under /_ (the websocket /_event, uploads /_upload, private photos and
//   attachments /_files, the session cookie routes /_session, /_health) and /ping;
// - other origins, anything but GET, and responses that are not a plain 200;
// - the HTML of every other page: offline it gets the offline page instead.
// heka-pwa.js registers this worker outside kiosk mode only.
"use strict";

const VERSION = "heka-shell-v1";
const SHELL_ROUTES = ["/", "/login", "/home", "/faults/new"];
const OFFLINE_PAGE = "/offline.html";
// Also kept: the offline page's icon and the fault form's outbox script and words (loaded
// by the form itself, so not named in its HTML).
const EXTRA_FILES = ["/icons/heka-192.png", "/heka-outbox.js", "/heka-outbox-texts.json"];
const STATIC_FILES = /^\/(assets\/.+|icons\/.+|[\w.-]+\.(css|js|json|ico|png|svg|woff2?))$/;
const MAX_ENTRIES = 300; // old hashed assets of earlier builds drop out, oldest first

function isPrivate(path) {
  return path.startsWith("/_") || path === "/ping" || path === "/sw.js";
}

function shellRoute(path) {
  const clean = path.replace(/\.html$/, "").replace(/\/index$/, "").replace(/(.)\/$/, "$1");
  return SHELL_ROUTES.includes(clean) ? clean : null;
}

// What the worker does with a request: "pass" (leave it to the browser), "page" (a
// navigation), "static" (a build file). Exposed for tests/services/test_service_worker.py.
function policy(request, origin) {
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== origin || isPrivate(url.pathname)) {
    return "pass";
  }
  if (request.mode === "navigate") return "page";
  if (STATIC_FILES.test(url.pathname) && url.pathname !== OFFLINE_PAGE) return "static";
  return "pass";
}

function cacheable(response) {
  return response && response.status === 200 && response.type === "basic" && !response.redirected;
}

async function keep(request, response) {
  const cache = await caches.open(VERSION);
  await cache.put(request, response);
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_ENTRIES))) {
    if (shellRoute(new URL(old.url).pathname) === null) await cache.delete(old);
  }
}

// The files a shell page loads first: its module preloads, scripts and stylesheets.
function assetsOf(html) {
  const found = new Set();
  const pattern = /(?:href|src)="(\/[^"]+\.(?:js|css|png|ico))"/g;
  let match;
  while ((match = pattern.exec(html)) !== null) found.add(match[1]);
  return [...found];
}

async function precache() {
  const cache = await caches.open(VERSION);
  await cache.addAll([OFFLINE_PAGE, ...EXTRA_FILES]);
  for (const route of SHELL_ROUTES) {
    try {
      // Followed redirects (/home -> /home/ in production) are fine here, but a navigation
      // may not be answered with a redirected response: keep a fresh copy of the page.
      const response = await fetch(route, { credentials: "same-origin" });
      if (!response.ok || response.type !== "basic") continue;
      const html = await response.text();
      await cache.put(route, new Response(html, { status: 200, headers: response.headers }));
      const files = assetsOf(html).filter((p) => !isPrivate(p));
      await Promise.all(files.map((p) => cache.add(p).catch(() => undefined)));
    } catch (error) {
      // One page missing from the shell must not stop the worker installing.
    }
  }
}

async function page(request) {
  const path = new URL(request.url).pathname;
  const route = shellRoute(path);
  try {
    const response = await fetch(request);
    if (route !== null && cacheable(response)) await keep(route, response.clone());
    return response;
  } catch (error) {
    const cache = await caches.open(VERSION);
    return (
      (route !== null && (await cache.match(route))) ||
      (await cache.match(OFFLINE_PAGE)) ||
      Response.error()
    );
  }
}

async function staticFile(request) {
  const cache = await caches.open(VERSION);
  const hashed = new URL(request.url).pathname.startsWith("/assets/");
  const cached = await cache.match(request, { ignoreSearch: !hashed });
  if (cached && hashed) return cached; // content-hashed: never changes
  try {
    const response = await fetch(request);
    if (cacheable(response)) await keep(request, response.clone());
    return response;
  } catch (error) {
    return cached || Response.error();
  }
}

if (typeof self !== "undefined" && typeof self.addEventListener === "function") {
  self.addEventListener("install", (event) => {
    event.waitUntil(precache().then(() => self.skipWaiting()));
  });
  self.addEventListener("activate", (event) => {
    event.waitUntil(
      caches
        .keys()
        .then((names) => Promise.all(names.filter((n) => n !== VERSION).map((n) => caches.delete(n))))
        .then(() => self.clients.claim()),
    );
  });
  self.addEventListener("fetch", (event) => {
    const kind = policy(event.request, self.location.origin);
    if (kind === "page") event.respondWith(page(event.request));
    else if (kind === "static") event.respondWith(staticFile(event.request));
  });
}

if (typeof module !== "undefined") module.exports = { policy, shellRoute, assetsOf };
