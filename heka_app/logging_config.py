"""The one logging configuration of the portal, used by the app (heka_app.py) and the CLI.

Development and test write readable lines; every other environment writes JSON lines (one
object a line: time, level, logger, message and any ``extra=`` fields) for a log collector.
The portal's own loggers ("heka.*", "heka_app.*") log at ``HEKA_LOG_LEVEL`` (INFO), other
libraries only from WARNING up (alembic and friends are chatty at INFO). "heka.security"
stays at INFO whatever the level says: the security log must never be silenced.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from typing import IO, Any

from heka_app.settings import Settings, get_settings

READABLE_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
PORTAL_LOGGERS = ("heka", "heka_app")
SECURITY_LOGGER = "heka.security"

# Attributes every LogRecord has; whatever else a record carries came from ``extra=``.
_RECORD_ATTRS = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """Formats a record as one JSON object on one line (newlines in text are escaped)."""

    def format(self, record: logging.LogRecord) -> str:
        """The record as JSON: time (UTC), level, logger, message, extra fields."""
        entry: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC)
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _RECORD_ATTRS and not key.startswith("_"):
                entry.setdefault(key, value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class _PortalHandler(logging.StreamHandler):
    """Writes to ``stream``, or to whatever ``sys.stderr`` is at the time (pytest swaps it)."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        super().__init__(stream)
        self._target = stream

    @property  # type: ignore[override]  # a property in place of StreamHandler's attribute
    def stream(self) -> IO[str]:
        return self._target if self._target is not None else sys.stderr

    @stream.setter
    def stream(self, value: IO[str]) -> None:
        self._target = value


def configure_logging(settings: Settings | None = None, *, stream: IO[str] | None = None) -> None:
    """Send the portal's log records to stderr (or ``stream``) in the environment's format.

    Safe to call again (tests, a reloaded app module): the handler of an earlier call is
    replaced, never doubled; handlers others added (pytest's caplog) are left alone.

    Args:
        settings: Settings to use; the process settings when omitted.
        stream: Where to write instead of stderr (tests).
    """
    settings = settings or get_settings()
    handler = _PortalHandler(stream)
    if settings.is_dev:
        handler.setFormatter(logging.Formatter(READABLE_FORMAT))
    else:
        handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _PortalHandler)]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    for name in PORTAL_LOGGERS:
        logging.getLogger(name).setLevel(settings.log_level)
    logging.getLogger(SECURITY_LOGGER).setLevel(logging.INFO)
