"""What every `ionq` command shares: the group that turns failures into one `Error:` line,
the common options (`--api-key`, `--base-url`, `--timeout`, `--json`), the client of one
command, how a failed write says whether it was done, and where output goes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar, overload

import click
from rich.console import Console

from ionq_client._cli_format import describe_error
from ionq_client._cli_program import ProgramError
from ionq_client._client import IonQ
from ionq_client._config import API_KEY_ENV, BASE_URL_ENV
from ionq_client._exceptions import IonQError, OutcomeUnknownError

__all__ = [
    "EXIT_OUTCOME_UNKNOWN",
    "CommandGroup",
    "Settings",
    "command_client",
    "common_options",
    "emit_json",
    "redact",
    "stderr_console",
    "stdout_console",
    "writing",
]

#: The exit status of a write whose outcome is unknown (1: it failed and was not done).
EXIT_OUTCOME_UNKNOWN = 3

F = TypeVar("F", bound=Callable[..., Any])


def stdout_console() -> Console:
    """Where a command's output goes."""
    # Made per call, after click (or a test runner) has set sys.stdout up. Rich follows
    # NO_COLOR and COLUMNS, and writes no colour or animation when stdout is not a terminal.
    return Console(highlight=False)


def stderr_console() -> Console:
    """Where progress lines go, so that stdout stays the command's output."""
    return Console(stderr=True, highlight=False)


def emit_json(data: object) -> None:
    """Print `data` as one indented JSON document (what `--json` promises)."""
    click.echo(json.dumps(data, indent=2, default=str))


def redact(text: str, key: str | None) -> str:
    """`text` with the API key masked, in case a server or proxy ever echoes it back."""
    # A key too short to be real (a test's "k") would mangle ordinary words instead.
    return text.replace(key, "***") if key and len(key) >= 8 else text


class OutcomeUnknownExit(click.ClickException):
    """The error line of a write whose outcome is unknown: exit status 3, not 1."""

    exit_code = EXIT_OUTCOME_UNKNOWN


class WriteFailed(Exception):
    """A write of a command failed: `cause` says how, and whether it may have been done."""

    def __init__(self, action: str, cause: IonQError) -> None:
        super().__init__(action)
        self.action = action
        self.cause = cause


@contextmanager
def writing(action: str) -> Iterator[None]:
    """Mark the block as the command's write (`action`, e.g. "submit the job"): if it
    fails, the error line says whether it was done, and an unknown outcome exits 3."""
    try:
        yield
    except IonQError as exc:
        raise WriteFailed(action, exc) from exc


class CommandGroup(click.Group):
    """A group whose commands turn every failure into one `Error: ...` line (exit 1; 3 for a
    write whose outcome is unknown).

    Set `IONQ_DEBUG=1` to get the traceback of an unexpected error instead.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except WriteFailed as exc:
            obj = ctx.find_object(Settings)
            message = describe_error(exc.cause, obj.base_url if obj else None)
            if isinstance(exc.cause, OutcomeUnknownError):
                line = (
                    "could not tell whether it was done"
                    f" (outcome unknown: look before retrying): {message}"
                )
                text = redact(f"{exc.action}: {line}", obj.api_key if obj else None)
                raise OutcomeUnknownExit(text) from exc
            line = f"{exc.action}: not done: {message}"
            raise click.ClickException(redact(line, obj.api_key if obj else None)) from exc
        except (IonQError, ProgramError) as exc:
            obj = ctx.find_object(Settings)
            message = describe_error(exc, obj.base_url if obj else None)
            raise click.ClickException(redact(message, obj.api_key if obj else None)) from exc
        except Exception as exc:
            if os.environ.get("IONQ_DEBUG"):
                raise
            obj = ctx.find_object(Settings)
            message = f"unexpected {type(exc).__name__}: {exc} (IONQ_DEBUG=1 shows where)"
            raise click.ClickException(redact(message, obj.api_key if obj else None)) from exc


class Settings:
    """What the leaf command's common options said; the `CommandGroup` reads it to redact errors."""

    def __init__(self) -> None:
        self.api_key: str | None = None
        self.base_url: str | None = None
        self.timeout: float | None = None


def _remember_timeout(ctx: click.Context, param: click.Parameter, value: float | None) -> None:
    settings = ctx.find_object(Settings)
    if settings is not None:
        settings.timeout = value


@overload
def common_options(fn: F) -> F: ...


@overload
def common_options(*, timeout: bool) -> Callable[[F], F]: ...


def common_options(fn: F | None = None, *, timeout: bool = True) -> Any:
    """Add `--api-key`, `--base-url`, `--json` and (unless the command has its own, as the
    waiting ones do) `--timeout` to a command."""
    if fn is None:
        return lambda f: _add_common(f, timeout)
    return _add_common(fn, timeout)


def _add_common(fn: F, timeout: bool) -> F:
    fn = click.option("--json", "as_json", is_flag=True, help="Print JSON for programs.")(fn)
    if timeout:
        fn = click.option(
            "--timeout",
            type=click.FloatRange(min=0, min_open=True),
            default=None,
            metavar="SECONDS",
            expose_value=False,
            callback=_remember_timeout,
            help="Give up each API call after this long, retries included"
            " [default: 60 s per attempt, no overall limit].",
        )(fn)
    fn = click.option(
        "--base-url",
        envvar=BASE_URL_ENV,
        metavar="URL",
        help=f"API base URL [env: {BASE_URL_ENV}; default https://api.ionq.co/v0.4].",
    )(fn)
    return click.option(
        "--api-key",
        envvar=API_KEY_ENV,
        metavar="KEY",
        show_default=False,
        help=f"API key [env: {API_KEY_ENV}]. Prefer the variable: flags show up in `ps`.",
    )(fn)


@contextmanager
def command_client(
    api_key: str | None, base_url: str | None, timeout: float | None = None
) -> Iterator[IonQ]:
    """The client for one command; remembers key and URL so errors can be redacted.

    `timeout` (else `--timeout`) bounds each API call: its attempts and its whole length.
    """
    settings = click.get_current_context().find_object(Settings) or Settings()
    settings.api_key = api_key
    settings.base_url = base_url
    if not api_key:
        raise click.ClickException(f"no API key: set {API_KEY_ENV} or pass --api-key")
    seconds = timeout if timeout is not None else settings.timeout
    limits: dict[str, Any] = {} if seconds is None else {"timeout": seconds, "deadline": seconds}
    with IonQ(api_key=api_key, base_url=base_url, **limits) as client:
        settings.base_url = client.base_url
        yield client
