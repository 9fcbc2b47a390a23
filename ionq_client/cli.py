"""`ionq`: the IonQ v0.4 API from a terminal, built on `click` (parsing) and `rich` (output).

    ionq jobs submit examples/bell.json --shots 1000 --wait
    ionq jobs list --status completed --limit 10
    ionq jobs get ID            ionq jobs wait ID          ionq jobs results ID
    ionq jobs cancel ID         ionq jobs delete ID        ionq jobs clone ID
    ionq jobs artifact ID FORMAT
    ionq backends               ionq whoami

The key and base URL come from `--api-key`/`--base-url` or `IONQ_API_KEY`/`IONQ_BASE_URL`.
Tables are for people; `--json` prints one JSON document for programs. Exit status: 0 on
success, 1 on any failure (an API error, a failed job, a bad program file), 2 on a usage
error. A failure is one line on stderr (`Error: ...`), naming the offending keys of a 400,
never a traceback, and never the key.

This module is the root group, `backends`, `whoami` and the entry point; the `jobs`
commands are in `_cli_jobs`, what every command shares in `_cli_base`.
"""

from __future__ import annotations

import sys

import click

from ionq_client._cli_base import (
    CommandGroup,
    Settings,
    command_client,
    common_options,
    emit_json,
    stdout_console,
)
from ionq_client._cli_format import backends_table
from ionq_client._cli_jobs import jobs

__all__ = ["cli", "main"]


# ---------------------------------------------------------------------------- commands
@click.group(cls=CommandGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ionq-sdk", prog_name="ionq")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Work with IonQ quantum jobs (API v0.4) from the command line."""
    # On the root context, so every subcommand's context shares it (see `CommandGroup.invoke`).
    ctx.ensure_object(Settings)


cli.add_command(jobs)


@cli.command("backends")
@common_options
def backends(api_key: str | None, base_url: str | None, as_json: bool) -> None:
    """List the backends and their status."""
    with command_client(api_key, base_url) as client:
        found = client.backends.list()
    if as_json:
        emit_json([b.to_dict() for b in found])
    else:
        stdout_console().print(backends_table(found))


@cli.command("whoami")
@common_options
def whoami(api_key: str | None, base_url: str | None, as_json: bool) -> None:
    """Show which API key is in use (its name and ids, never the key itself)."""
    with command_client(api_key, base_url) as client:
        me = client.whoami()
        url = client.base_url
    if as_json:
        emit_json({**me.to_dict(), "base_url": url})
        return
    out = stdout_console()
    out.print(f"key name:   {me.key_name}")
    out.print(f"key id:     {me.key_id}")
    out.print(f"project id: {me.project_id if me.project_id else '-'}")
    out.print(f"base URL:   {url}")


def main(argv: list[str] | None = None) -> None:
    """The `ionq` console script."""
    try:
        cli.main(args=argv, prog_name="ionq")
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        click.echo("Aborted.", err=True)
        sys.exit(130)
