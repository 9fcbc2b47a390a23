"""Logging under the `ionq_client` logger, with credentials redacted.

Without code: `IONQ_LOG=info` (or `debug`) in the environment makes each client, when it
is made, attach one handler writing to stderr to the `ionq_client` logger
(`configure_from_env`). With code: `logging.getLogger("ionq_client").setLevel(...)` plus a
handler of your own, as for any library.

At INFO: one line per finished request (`log_response`: method, path and query, status or
error, elapsed time, retries) and one per retry; never a header or a body. At DEBUG, each
attempt too, with its headers; the values of `Authorization` (and of any header naming a
key, token, secret or cookie) are replaced by `[REDACTED]`. The key appears at no level.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable, Mapping
from typing import Final, TextIO
from urllib.parse import unquote

import httpx

__all__ = [
    "ENV_VAR",
    "REDACTED",
    "configure_from_env",
    "log_response",
    "logger",
    "redact_headers",
    "redact_query",
]

logger: Final = logging.getLogger("ionq_client")

REDACTED: Final = "[REDACTED]"
_SENSITIVE: Final = ("authorization", "api-key", "apikey", "api_key", "token", "cookie", "secret")

ENV_VAR: Final = "IONQ_LOG"
_LEVELS: Final = {"info": logging.INFO, "debug": logging.DEBUG}
# Values that mean "the SDK logs nothing of its own accord" (the logging default).
_QUIET: Final = frozenset({"", "warning", "off"})
_FORMAT: Final = "%(asctime)s.%(msecs)03d %(levelname)s %(message)s"
_DATE_FORMAT: Final = "%Y-%m-%d %H:%M:%S"
# Bad values already warned about: a process making many clients warns once.
_warned: set[str] = set()


def _is_sensitive(name: str) -> bool:
    lowered = name.lower()
    return any(s in lowered for s in _SENSITIVE)


def redact_headers(headers: Iterable[tuple[str, str]]) -> dict[str, str]:
    """A copy of `headers` safe to log: sensitive values replaced by `[REDACTED]`."""
    return {name: REDACTED if _is_sensitive(name) else value for name, value in headers}


def redact_query(query: str) -> str:
    """`query` (encoded, without `?`) with the values of sensitive parameters redacted.

    >>> redact_query("limit=10&api_key=sk-1&token")
    'limit=10&api_key=[REDACTED]&token'
    """
    parts = []
    for part in query.split("&"):
        name, sep, _ = part.partition("=")
        parts.append(f"{name}={REDACTED}" if sep and _is_sensitive(unquote(name)) else part)
    return "&".join(parts)


class _EnvHandler(logging.StreamHandler[TextIO]):
    """The handler `IONQ_LOG` attaches; its class is how `configure_from_env` finds it."""

    def emit(self, record: logging.LogRecord) -> None:
        # Whatever `sys.stderr` is now (pytest's capture, `contextlib.redirect_stderr`),
        # not the stream of the moment the first client was made, which may be closed.
        self.stream = sys.stderr
        super().emit(record)


def _env_handler() -> _EnvHandler | None:
    return next((h for h in logger.handlers if isinstance(h, _EnvHandler)), None)


def _warn_once(value: str) -> None:
    if value in _warned:
        return
    _warned.add(value)
    # Echo only a short value: a long one could be a key pasted into the wrong variable.
    shown = repr(value) if len(value) <= 12 else f"a value of {len(value)} characters"
    sys.stderr.write(
        f"ionq_client: ignoring {ENV_VAR}={shown}; use one of: info, debug, warning, off\n"
    )


def configure_from_env(environ: Mapping[str, str] = os.environ) -> None:
    """Log the SDK's requests to stderr when `IONQ_LOG` is `info` or `debug`.

    Attaches one handler to the `ionq_client` logger (however often it is called) and
    sets that logger's level; the root logger and other libraries' loggers are left alone,
    and records still propagate to handlers of your own. `warning`, `off` or no value
    change nothing; any other value is ignored with one warning on stderr, never an error.
    Each client calls this when it is made.

    >>> configure_from_env({"IONQ_LOG": "off"})
    """
    value = environ.get(ENV_VAR, "").strip().lower()
    if value in _QUIET:
        return
    level = _LEVELS.get(value)
    if level is None:
        _warn_once(value)
        return
    if _env_handler() is None:
        handler = _EnvHandler(sys.stderr)
        handler.setFormatter(logging.Formatter(_FORMAT, _DATE_FORMAT))
        logger.addHandler(handler)
    logger.setLevel(level)


def log_response(
    method: str,
    url: httpx.URL,
    status: int | None,
    elapsed: float,
    attempts: int,
    error: str | None = None,
) -> None:
    """Log, at INFO, one line for a finished request (`elapsed` in seconds).

    The line names the method, the path with its query (sensitive values redacted; no
    host, header or body), the status or else `error` (an exception's class name), the
    time taken and the retries, if any: `GET /v0.4/jobs?limit=10 -> 200 in 12.3 ms`,
    `POST /v0.4/jobs -> 503 in 40.1 ms after 2 retries`.
    """
    if not logger.isEnabledFor(logging.INFO):
        return
    path, _, query = url.raw_path.decode("ascii", "replace").partition("?")
    if query:
        path = f"{path}?{redact_query(query)}"
    if status is None:
        outcome = error or "no response"
    else:
        outcome = f"{status} ({error})" if error else str(status)
    retries = attempts - 1
    logger.info(
        "%s %s -> %s in %.1f ms%s",
        method,
        path,
        outcome,
        elapsed * 1000,
        "" if retries <= 0 else f" after {retries} retr{'y' if retries == 1 else 'ies'}",
    )
