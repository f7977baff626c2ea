"""One logging configuration: JSON lines in production, readable lines in dev, security at INFO."""

from __future__ import annotations

import io
import json
import logging

import pytest

from heka_app.logging_config import configure_logging
from heka_app.settings import SettingsError, load_settings

PROD = {"HEKA_ENV": "prod", "HEKA_SECRET_KEY": "x" * 48}


@pytest.fixture
def restore_logging():
    root = logging.getLogger()
    handlers = list(root.handlers)
    loggers = [logging.getLogger(n) for n in ("", "heka", "heka_app", "heka.security")]
    levels = [logger.level for logger in loggers]
    yield
    root.handlers[:] = handlers
    for logger, level in zip(loggers, levels, strict=True):
        logger.setLevel(level)


def test_production_writes_one_json_object_a_line(restore_logging):
    buffer = io.StringIO()
    configure_logging(load_settings(PROD), stream=buffer)
    logging.getLogger("heka.mail").warning("line one\nline %s", "two", extra={"job_id": 7})
    (line,) = buffer.getvalue().splitlines()
    entry = json.loads(line)
    assert entry["level"] == "WARNING" and entry["logger"] == "heka.mail"
    assert entry["message"] == "line one\nline two"
    assert entry["job_id"] == 7
    assert entry["time"].endswith("Z") and "T" in entry["time"]


def test_exceptions_stay_inside_the_json_line(restore_logging):
    buffer = io.StringIO()
    configure_logging(load_settings(PROD), stream=buffer)
    try:
        raise ValueError("boom")
    except ValueError:
        logging.getLogger("heka.jobs").exception("job failed")
    (line,) = buffer.getvalue().splitlines()
    assert "ValueError: boom" in json.loads(line)["exception"]


def test_security_log_stays_at_info_when_the_level_is_quieter(restore_logging):
    buffer = io.StringIO()
    configure_logging(load_settings({**PROD, "HEKA_LOG_LEVEL": "warning"}), stream=buffer)
    logging.getLogger("heka.mail").info("dropped")
    logging.getLogger("heka.security").info("kept")
    assert [json.loads(line)["message"] for line in buffer.getvalue().splitlines()] == ["kept"]


def test_other_libraries_log_from_warning_up(restore_logging):
    buffer = io.StringIO()
    configure_logging(load_settings({"HEKA_ENV": "dev"}), stream=buffer)
    logging.getLogger("alembic.runtime.migration").info("Context impl SQLiteImpl.")
    logging.getLogger("heka_app.state.outbox").info("ours")
    logging.getLogger("alembic").warning("theirs")
    assert [line.split(" ", 4)[-1] for line in buffer.getvalue().splitlines()] == [
        "ours",
        "theirs",
    ]


def test_dev_lines_are_readable_and_a_second_call_does_not_double_them(restore_logging):
    buffer = io.StringIO()
    configure_logging(load_settings({"HEKA_ENV": "dev"}), stream=buffer)
    configure_logging(load_settings({"HEKA_ENV": "dev"}), stream=buffer)
    logging.getLogger("heka.mail").info("dev mail written")
    (line,) = buffer.getvalue().splitlines()
    assert line.endswith(" INFO heka.mail dev mail written")


def test_an_unknown_log_level_is_refused():
    with pytest.raises(SettingsError):
        load_settings({"HEKA_LOG_LEVEL": "chatty"})
