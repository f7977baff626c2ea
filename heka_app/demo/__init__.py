"""The demo dataset behind ``heka demo-data`` (not a service: nothing in the app imports it).

``dataset`` is the public API; the other modules each build one part of it."""
