"""The installable app (issue 16, part 2): manifests, offline page, service worker policy.

The service worker (``assets/sw.js``) and the fault-report outbox (``assets/heka-outbox.js``)
are plain static scripts; this package writes the language files they and the browser read
and holds the constants the page head shares with them. Nothing here is used in kiosk mode.
"""
