"""`IONQ_LOG=info|debug`: the SDK's logging to stderr without code (`_logging`).

`configure_from_env` is driven with a dict and its handler's output read with `capsys`
(the handler writes to whatever `sys.stderr` is when a record is emitted); `log_response`
is tested directly for the INFO line; two subprocesses run the SDK against a mock server
with the variable really in their environment.
"""

from __future__ import annotations

import io
import logging
import os
import re
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import httpx
import pytest

from ionq_client import _logging
from ionq_client._logging import REDACTED, configure_from_env, log_response, logger, redact_query

from .client_helpers import API_KEY, JOB_ID, Handler, Recorder, job_json, json_response, make_client

ROOT = Path(__file__).resolve().parents[2]
STAMP = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}"
URL = httpx.URL("http://ionq.test/v0.4/jobs/abc?limit=10&api_key=sk-query-secret")


def env_handlers() -> list[logging.Handler]:
    return [h for h in logger.handlers if isinstance(h, _logging._EnvHandler)]


@pytest.fixture(autouse=True)
def pristine_logger() -> Iterator[None]:
    """Each test starts and ends with the `ionq_client` logger as it found it."""
    handlers, level, warned = list(logger.handlers), logger.level, set(_logging._warned)
    for handler in env_handlers():
        logger.removeHandler(handler)
    logger.setLevel(logging.NOTSET)
    yield
    logger.handlers[:] = handlers
    logger.setLevel(level)
    _logging._warned.clear()
    _logging._warned.update(warned)


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line]


# ---------------------------------------------------------------- configure_from_env


@pytest.mark.parametrize(
    ("value", "level"),
    [("info", logging.INFO), ("debug", logging.DEBUG), (" DEBUG ", logging.DEBUG), ("Info", 20)],
)
def test_info_and_debug_attach_one_stderr_handler(value: str, level: int) -> None:
    configure_from_env({"IONQ_LOG": value})
    assert len(env_handlers()) == 1
    assert logger.level == level


def test_configuring_again_adds_no_second_handler_and_follows_the_level() -> None:
    configure_from_env({"IONQ_LOG": "info"})
    configure_from_env({"IONQ_LOG": "info"})
    configure_from_env({"IONQ_LOG": "debug"})
    assert len(env_handlers()) == 1
    assert logger.level == logging.DEBUG


def test_a_line_has_time_level_and_message(capsys: pytest.CaptureFixture[str]) -> None:
    configure_from_env({"IONQ_LOG": "info"})
    logger.info("hello %s", "there")
    logger.debug("not at info")
    assert re.fullmatch(rf"{STAMP} INFO hello there\n", capsys.readouterr().err)


@pytest.mark.parametrize(
    "environ", [{}, {"IONQ_LOG": ""}, {"IONQ_LOG": "warning"}, {"IONQ_LOG": "OFF"}]
)
def test_unset_or_quiet_leaves_a_users_config_alone(
    environ: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    mine = logging.NullHandler()
    logger.addHandler(mine)
    logger.setLevel(logging.ERROR)
    configure_from_env(environ)
    assert logger.handlers[-1] is mine
    assert env_handlers() == []
    assert logger.level == logging.ERROR
    logger.error("an error, for the user's handler only")
    assert capsys.readouterr().err == ""


def test_no_other_logger_is_touched() -> None:
    root, httpx_logger = logging.getLogger(), logging.getLogger("httpx")
    before = (list(root.handlers), root.level, list(httpx_logger.handlers), httpx_logger.level)
    configure_from_env({"IONQ_LOG": "debug"})
    after = (list(root.handlers), root.level, list(httpx_logger.handlers), httpx_logger.level)
    assert after == before
    assert logger.propagate  # the user's own handlers still get the records


def test_a_bad_value_warns_once_and_changes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    for _ in range(3):
        configure_from_env({"IONQ_LOG": "verbose"})
    err = capsys.readouterr().err
    assert lines(err) == [
        "ionq_client: ignoring IONQ_LOG='verbose'; use one of: info, debug, warning, off"
    ]
    assert env_handlers() == []
    assert logger.level == logging.NOTSET


def test_a_long_bad_value_is_not_echoed(capsys: pytest.CaptureFixture[str]) -> None:
    configure_from_env({"IONQ_LOG": API_KEY})
    err = capsys.readouterr().err
    assert API_KEY not in err
    assert API_KEY.lower() not in err
    assert f"a value of {len(API_KEY)} characters" in err


def test_the_handler_follows_sys_stderr(monkeypatch: pytest.MonkeyPatch) -> None:
    # Made while one stream was stderr, writing after it was replaced (pytest's capture
    # between tests, `redirect_stderr`): the current stream gets the line.
    configure_from_env({"IONQ_LOG": "info"})
    later = io.StringIO()
    monkeypatch.setattr(sys, "stderr", later)
    logger.info("after a switch")
    assert later.getvalue().endswith(" INFO after a switch\n")


# ---------------------------------------------------------------- log_response


def test_a_response_line_names_method_path_status_and_elapsed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    configure_from_env({"IONQ_LOG": "info"})
    log_response("GET", URL, 200, 0.01234, attempts=1)
    (line,) = lines(capsys.readouterr().err)
    assert re.fullmatch(
        rf"{STAMP} INFO GET /v0\.4/jobs/abc\?limit=10&api_key=\[REDACTED\] -> 200 in 12\.3 ms",
        line,
    )


@pytest.mark.parametrize(
    ("attempts", "tail"), [(0, ""), (1, ""), (2, " after 1 retry"), (4, " after 3 retries")]
)
def test_retries_are_counted(attempts: int, tail: str, capsys: pytest.CaptureFixture[str]) -> None:
    configure_from_env({"IONQ_LOG": "info"})
    log_response("POST", httpx.URL("http://h/v0.4/jobs"), 503, 0.005, attempts=attempts)
    assert capsys.readouterr().err.endswith(f" INFO POST /v0.4/jobs -> 503 in 5.0 ms{tail}\n")


def test_an_error_stands_in_for_the_status(capsys: pytest.CaptureFixture[str]) -> None:
    configure_from_env({"IONQ_LOG": "info"})
    log_response("GET", httpx.URL("http://h/v0.4/backends"), None, 2.0, 3, "ConnectTimeout")
    log_response("GET", httpx.URL("http://h/v0.4/backends"), 502, 0.1, 1, "InternalServerError")
    first, second = lines(capsys.readouterr().err)
    assert first.endswith(" INFO GET /v0.4/backends -> ConnectTimeout in 2000.0 ms after 2 retries")
    assert second.endswith(" INFO GET /v0.4/backends -> 502 (InternalServerError) in 100.0 ms")


def test_no_host_and_no_userinfo_in_the_line(capsys: pytest.CaptureFixture[str]) -> None:
    configure_from_env({"IONQ_LOG": "info"})
    log_response("GET", httpx.URL("http://user:sk-pass@ionq.test:8443/v0.4/x%20y"), 200, 0, 1)
    err = capsys.readouterr().err
    assert "GET /v0.4/x%20y -> 200" in err
    assert "sk-pass" not in err
    assert "ionq.test" not in err


def test_nothing_is_computed_when_info_is_off(capsys: pytest.CaptureFixture[str]) -> None:
    class Exploding:
        def __getattr__(self, name: str) -> Any:
            raise AssertionError(f"read {name} while INFO was off")

    logger.setLevel(logging.WARNING)
    log_response("GET", cast(httpx.URL, Exploding()), 200, 0.1, 1)
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("limit=10", "limit=10"),
        ("limit=10&token=abc&next=x", f"limit=10&token={REDACTED}&next=x"),
        ("API%5FKEY=abc", f"API%5FKEY={REDACTED}"),
        ("x-api-key=1&cookie", f"x-api-key={REDACTED}&cookie"),
        ("a=1&a=2", "a=1&a=2"),
    ],
)
def test_redact_query(query: str, expected: str) -> None:
    assert redact_query(query) == expected


# ---------------------------------------------------------------- through a client


def flaky(statuses: list[int]) -> Handler:
    """Answers the given error statuses first, then the job."""

    def handle(request: httpx.Request) -> httpx.Response:
        if statuses:
            return json_response(statuses.pop(0), {"statusCode": 503, "error": "E", "message": "m"})
        return json_response(200, job_json())

    return handle


@pytest.mark.parametrize("value", ["info", "debug"])
def test_a_retried_call_through_a_client(
    value: str, recorder: Recorder, capsys: pytest.CaptureFixture[str]
) -> None:
    configure_from_env({"IONQ_LOG": value})
    with make_client(flaky([503, 503]), recorder) as client:
        client.jobs.get(JOB_ID)
    err = capsys.readouterr().err
    retries = [line for line in lines(err) if " INFO retrying GET " in line]
    assert len(retries) == 2
    assert all(re.match(STAMP, line) for line in retries)
    assert f"/v0.4/jobs/{JOB_ID}" in retries[0]
    headers = [line for line in lines(err) if " DEBUG " in line and "headers=" in line]
    if value == "info":
        assert headers == []
    else:
        assert len(headers) == 3  # one per attempt, the key redacted
        assert all("'authorization': '[redacted]'" in line.lower() for line in headers)
    assert API_KEY not in err
    assert API_KEY[8:24] not in err


# ---------------------------------------------------------------- a real process

SCRIPT = """
import logging, os
from ionq_client import IonQ, IonQError
from ionq_mock.faults import Faults
from ionq_mock.testing import MockServer

key = os.environ.pop("TEST_KEY")
if os.environ.get("TEST_CONFIGURE"):
    from ionq_client._logging import configure_from_env
    configure_from_env()
with MockServer(api_keys=[key], job_duration=0.02) as server:
    kwargs = dict(api_key=key, base_url=server.base_url, max_retries=2, _sleep=lambda s: None)
    with IonQ(**kwargs) as client, IonQ(**kwargs):
        print(len(logging.getLogger("ionq_client").handlers))
        client.backends.list()
        try:
            client.jobs.get("00000000-0000-4000-8000-000000000000")
        except IonQError:
            pass
        server.app.faults = Faults(rates={503: 1.0})
        try:
            client.backends.list()
        except IonQError:
            pass
        server.app.faults = Faults()
"""


def run_sdk(level: str, *, configure: bool) -> tuple[str, str, str]:
    """Runs SCRIPT with `IONQ_LOG=level`; returns its key, stdout and stderr."""
    key = f"sk-logging-{uuid.uuid4().hex}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("IONQ_")}
    env.update(IONQ_LOG=level, TEST_KEY=key, PYTHONPATH=os.pathsep.join(filter(None, sys.path)))
    if configure:
        env["TEST_CONFIGURE"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return key, done.stdout, done.stderr


def test_debug_in_a_process_logs_redacted_headers_and_retries_never_the_key() -> None:
    # Calls `configure_from_env` itself, so it holds before the clients call it.
    key, out, err = run_sdk("debug", configure=True)
    assert out.split() == ["1"]
    assert re.search(
        rf"^{STAMP} DEBUG GET http://127\.0\.0\.1:\d+/v0\.4/backends attempt 1 headers=.*"
        rf"'authorization': '\[REDACTED\]'",
        err,
        re.M,
    )
    assert len(re.findall(rf"^{STAMP} INFO retrying GET .*/v0\.4/backends ", err, re.M)) == 2
    assert key not in err
    assert key[11:27] not in err


def test_info_in_a_process_without_code() -> None:
    key, out, err = run_sdk("info", configure=False)
    assert out.split() == ["1"]  # two clients, one handler
    assert re.search(rf"^{STAMP} INFO GET /v0\.4/backends -> 200 in \d+\.\d ms$", err, re.M)
    assert re.search(
        rf"^{STAMP} INFO GET /v0\.4/jobs/00000000-0000-4000-8000-000000000000 -> 404\b", err, re.M
    )
    assert re.search(
        rf"^{STAMP} INFO GET /v0\.4/backends -> 503\b.* in \d+\.\d ms after 2 retries$", err, re.M
    )
    assert " DEBUG " not in err
    assert "headers=" not in err
    assert key not in err
