"""What every `ionq` command shares: the group that turns failures into one `Error:` line,
the common options (`--api-key`, `--base-url`, `--json`), the client of one command, and
where output goes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click
from rich.console import Console

from ionq_client._cli_format import describe_error
from ionq_client._cli_program import ProgramError
from ionq_client._client import IonQ
from ionq_client._config import API_KEY_ENV, BASE_URL_ENV
from ionq_client._exceptions import IonQError

__all__ = [
    "CommandGroup",
    "Settings",
    "command_client",
    "common_options",
    "emit_json",
    "redact",
    "stderr_console",
    "stdout_console",
]

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


class CommandGroup(click.Group):
    """A group whose commands turn every failure into one `Error: ...` line (exit 1).

    Set `IONQ_DEBUG=1` to get the traceback of an unexpected error instead.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
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


def common_options(fn: F) -> F:
    """Add `--api-key`, `--base-url` and `--json` to a command."""
    fn = click.option("--json", "as_json", is_flag=True, help="Print JSON for programs.")(fn)
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
def command_client(api_key: str | None, base_url: str | None) -> Iterator[IonQ]:
    """The client for one command; remembers key and URL so errors can be redacted."""
    settings = click.get_current_context().find_object(Settings) or Settings()
    settings.api_key = api_key
    settings.base_url = base_url
    if not api_key:
        raise click.ClickException(f"no API key: set {API_KEY_ENV} or pass --api-key")
    with IonQ(api_key=api_key, base_url=base_url) as client:
        settings.base_url = client.base_url
        yield client
