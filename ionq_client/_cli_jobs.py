"""`ionq jobs ...`: submit, list, inspect, wait for, cancel, delete, clone jobs and read
their results and artifacts.
"""

from __future__ import annotations

import json
import time
from typing import IO, Any, Final, cast

import click

from ionq_api.models.backend_name import BackendName
from ionq_api.models.job_settings import JobSettings
from ionq_api.models.job_status import JOB_STATUS_VALUES, JobStatus
from ionq_api.models.noise import Noise
from ionq_client._artifacts import Extra
from ionq_client._cli_base import (
    CommandGroup,
    command_client,
    common_options,
    emit_json,
    stderr_console,
    stdout_console,
    writing,
)
from ionq_client._cli_format import (
    elapsed,
    job_table,
    jobs_table,
    result_json,
    results_view,
    status_text,
)
from ionq_client._cli_program import Program, ProgramError, parse_program
from ionq_client._client import IonQ
from ionq_client._jobs import AnyJob, job_result_descriptors
from ionq_client._polling import DEFAULT_WAIT_TIMEOUT

__all__ = ["LIST_LIMIT", "WAIT_TIMEOUT", "jobs"]

#: How long `ionq jobs wait` / `submit --wait` wait by default, in seconds.
WAIT_TIMEOUT: Final = DEFAULT_WAIT_TIMEOUT
#: The default page size of `ionq jobs list` (the API's own default).
LIST_LIMIT: Final = 25
#: What `jobs results` (and `submit --wait`) read besides the probabilities.
_MEASURED: Final[tuple[Extra, ...]] = ("histogram",)


def _parse_metadata(items: tuple[str, ...]) -> dict[str, str] | None:
    if not items:
        return None
    metadata: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"{item!r}: expected KEY=VALUE", param_hint="--metadata")
        metadata[key] = value
    return metadata


def _load_program(file: IO[str]) -> Program:
    try:
        data = json.load(file)
    except json.JSONDecodeError as exc:
        raise click.ClickException(
            f"{file.name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc
    try:
        return parse_program(data)
    except ProgramError as exc:
        raise click.ClickException(f"{file.name}: {exc}") from exc


def _wait(client: IonQ, job_id: str, timeout: float | None, quiet: bool) -> AnyJob:
    """`jobs.wait` with a live line (spinner, status, elapsed) on stderr, then a summary line."""
    err = stderr_console()
    started = time.monotonic()
    if quiet:
        return client.jobs.wait(job_id, timeout=timeout)
    with err.status(f"job {job_id}: waiting") as live:

        def progress(job: AnyJob, seconds: float) -> None:
            live.update(f"job {job_id}: [bold]{job.status}[/bold]  {elapsed(seconds)}")

        try:
            job = client.jobs.wait(job_id, timeout=timeout, on_progress=progress)
        finally:
            live.stop()
    line = status_text(job.status)
    err.print(f"job {job_id}: ", line, f" in {elapsed(time.monotonic() - started)}", sep="")
    return job


@click.group(cls=CommandGroup)
def jobs() -> None:
    """Submit, list, inspect, wait for, cancel and delete jobs."""


@jobs.command("submit")
@click.argument("file", type=click.File("r"))
@click.option(
    "--backend",
    default=None,
    metavar="NAME",
    help="Where to run it [default: the file's backend, else simulator].",
)
@click.option("--shots", type=click.IntRange(min=1), help="Shots (overrides the file).")
@click.option("--name", help="A name for the job (overrides the file).")
@click.option(
    "--metadata",
    "metadata_items",
    multiple=True,
    metavar="KEY=VALUE",
    help="A metadata tag (repeatable; merged over the file's).",
)
@click.option("--noise", metavar="MODEL", help="Simulator noise model, e.g. aria-1, ideal.")
@click.option("--wait", "wait_", is_flag=True, help="Wait for the job and print its results.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=WAIT_TIMEOUT,
    show_default=True,
    help="Seconds --wait waits (and each API call may take).",
)
@common_options(timeout=False)
def submit(
    file: IO[str],
    backend: str | None,
    shots: int | None,
    name: str | None,
    metadata_items: tuple[str, ...],
    noise: str | None,
    wait_: bool,
    timeout: float,
    api_key: str | None,
    base_url: str | None,
    as_json: bool,
) -> None:
    """Submit the JSON program in FILE ('-' for stdin).

    FILE holds a whole createJob body ({"type": ..., "input": ...}) or just its input
    ({"gateset": ..., "circuit": [...]}, or "circuits" for a multi-circuit job).
    """
    program = _load_program(file)
    metadata = _parse_metadata(metadata_items)
    fields = program.fields
    # Options override the file; the file's own fields are passed as the spec names them.
    kwargs: dict[str, Any] = {}
    chosen = backend or fields.get("backend") or "simulator"
    if "shots" in fields or shots is not None:
        kwargs["shots"] = shots if shots is not None else fields["shots"]
    if "name" in fields or name is not None:
        kwargs["name"] = name if name is not None else fields["name"]
    if "metadata" in fields or metadata:
        merged = dict(fields.get("metadata") or {})
        merged.update(metadata or {})
        kwargs["metadata"] = merged
    if noise is not None:
        kwargs["noise"] = noise
    elif isinstance(fields.get("noise"), dict):
        kwargs["noise"] = Noise.from_dict(fields["noise"])
    if isinstance(fields.get("settings"), dict):
        kwargs["settings"] = JobSettings.from_dict(fields["settings"])
    for key in ("session_id", "dry_run"):
        if fields.get(key) is not None:
            kwargs[key] = fields[key]
    circuit = program.circuits if program.multi else program.circuits[0]
    with command_client(api_key, base_url, timeout or None) as client:
        with writing("submit the job"):
            created = client.jobs.create(circuit, backend=cast(BackendName, chosen), **kwargs)
        job_id = str(created.id)
        if not wait_:
            if as_json:
                emit_json(created.to_dict())
            else:
                stdout_console().print(f"submitted job {job_id} ({created.status})")
            return
        job = _wait(client, job_id, timeout, quiet=as_json)
        result = client.jobs.results(job_id, include=_MEASURED)
        if as_json:
            emit_json({"job": job.to_dict(), "results": result_json(result)})
        else:
            stdout_console().print(results_view(result))


@jobs.command("list")
@click.option(
    "--status",
    type=click.Choice(sorted(JOB_STATUS_VALUES)),
    help="Only jobs in this status.",
)
@click.option("--backend", help="Only jobs on this backend (several: comma-separated).")
@click.option(
    "--limit",
    type=click.IntRange(1, 1000),
    default=LIST_LIMIT,
    show_default=True,
    help="Jobs per page.",
)
@click.option("--all", "all_pages", is_flag=True, help="Follow every page, not just the first.")
@common_options
def list_(
    status: str | None,
    backend: str | None,
    limit: int,
    all_pages: bool,
    api_key: str | None,
    base_url: str | None,
    as_json: bool,
) -> None:
    """List jobs, newest first (one page unless --all)."""
    filters: dict[str, Any] = {"limit": limit}
    if status is not None:
        filters["status"] = cast(JobStatus, status)
    if backend is not None:
        filters["backend"] = [b.strip() for b in backend.split(",") if b.strip()]
    with command_client(api_key, base_url) as client:
        first = client.jobs.list(**filters)
        pages = list(first.iter_pages()) if all_pages else [first]
        found = [job for page in pages for job in page.items]
        more = pages[-1].has_next_page()
        if as_json:
            emit_json({"jobs": [j.to_dict() for j in found], "has_more": more})
            return
        out = stdout_console()
        out.print(jobs_table(found))
        hint = " (more: --all, or a larger --limit)" if more else ""
        out.print(f"{len(found)} job(s){hint}")


@jobs.command("get")
@click.argument("job_id", metavar="ID")
@common_options
def get(job_id: str, api_key: str | None, base_url: str | None, as_json: bool) -> None:
    """Show one job."""
    with command_client(api_key, base_url) as client:
        job = client.jobs.get(job_id)
    if as_json:
        emit_json(job.to_dict())
    else:
        stdout_console().print(job_table(job))


@jobs.command("wait")
@click.argument("job_id", metavar="ID")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=WAIT_TIMEOUT,
    show_default=True,
    help="Seconds to wait before giving up (exit 1).",
)
@common_options(timeout=False)
def wait(
    job_id: str, timeout: float, api_key: str | None, base_url: str | None, as_json: bool
) -> None:
    """Wait for a job to finish, with a live status line; exit 1 if it failed or was canceled."""
    with command_client(api_key, base_url, timeout or None) as client:
        job = _wait(client, job_id, timeout, quiet=as_json)
    if as_json:
        emit_json(job.to_dict())


@jobs.command("results")
@click.argument("job_id", metavar="ID")
@click.option(
    "--shots",
    type=click.IntRange(min=1),
    help="Scale probabilities to this many shots (ideal-simulator jobs have none).",
)
@click.option("--top", type=click.IntRange(min=1), help="Show only the N likeliest outcomes.")
@common_options
def results(
    job_id: str,
    shots: int | None,
    top: int | None,
    api_key: str | None,
    base_url: str | None,
    as_json: bool,
) -> None:
    """Show a completed job's results as a histogram (bitstrings: qubit 0 leftmost).

    Counts are the measured ones when the job has a histogram artifact (unless --shots
    asks to scale the probabilities), else the probabilities scaled to the job's shots.
    """
    with command_client(api_key, base_url) as client:
        result = client.jobs.results(job_id, include=_MEASURED)
    if as_json:
        emit_json(result_json(result, shots=shots))
    else:
        stdout_console().print(results_view(result, shots=shots, top=top))


@jobs.command("cancel")
@click.argument("job_id", metavar="ID")
@common_options
def cancel(job_id: str, api_key: str | None, base_url: str | None, as_json: bool) -> None:
    """Cancel a job."""
    with command_client(api_key, base_url) as client, writing(f"cancel job {job_id}"):
        answer = client.jobs.cancel(job_id)
    if as_json:
        emit_json(answer.to_dict())
    else:
        stdout_console().print(f"job {answer.id}: {answer.status}")


@jobs.command("delete")
@click.argument("job_id", metavar="ID")
@common_options
def delete(job_id: str, api_key: str | None, base_url: str | None, as_json: bool) -> None:
    """Delete a job."""
    with command_client(api_key, base_url) as client, writing(f"delete job {job_id}"):
        answer = client.jobs.delete(job_id)
    if as_json:
        emit_json(answer.to_dict())
    else:
        stdout_console().print(f"job {answer.id}: {answer.status}")


@jobs.command("clone")
@click.argument("job_id", metavar="ID")
@click.option("--backend", metavar="NAME", help="Run the copy here [default: the original's].")
@click.option("--shots", type=click.IntRange(min=1), help="Shots of the copy.")
@click.option("--name", help="A name for the copy.")
@click.option("--session-id", metavar="ID", help="Run the copy in this session.")
@click.option("--dry-run", is_flag=True, help="Only validate and cost the copy.")
@click.option(
    "--move",
    is_flag=True,
    help="Move instead: the original, if not finished, is canceled.",
)
@common_options
def clone(
    job_id: str,
    backend: str | None,
    shots: int | None,
    name: str | None,
    session_id: str | None,
    dry_run: bool,
    move: bool,
    api_key: str | None,
    base_url: str | None,
    as_json: bool,
) -> None:
    """Submit a copy of a job (the same program), changing the given fields."""
    kwargs: dict[str, Any] = {}
    if backend is not None:
        kwargs["backend"] = cast(BackendName, backend)
    if shots is not None:
        kwargs["shots"] = shots
    if name is not None:
        kwargs["name"] = name
    if session_id is not None:
        kwargs["session_id"] = session_id
    if dry_run:
        kwargs["dry_run"] = True
    verb = "move" if move else "clone"
    with command_client(api_key, base_url) as client, writing(f"{verb} job {job_id}"):
        action = client.jobs.move if move else client.jobs.clone
        created = action(job_id, **kwargs)
    if as_json:
        emit_json(created.to_dict())
    else:
        verb = "moved" if move else "cloned"
        stdout_console().print(f"{verb}: job {created.id} ({created.status})")


@jobs.command("artifact")
@click.argument("job_id", metavar="ID")
@click.argument("artifact", metavar="FORMAT_OR_ID")
@common_options
def artifact(
    job_id: str, artifact: str, api_key: str | None, base_url: str | None, as_json: bool
) -> None:
    """Print one of a job's result artifacts as JSON.

    FORMAT_OR_ID is a format the job's results list (e.g. ionq.result.histogram.json.v2,
    see `ionq jobs get ID`) or an artifact id.
    """
    with command_client(api_key, base_url) as client:
        ref: str = artifact
        if artifact.startswith("ionq.") or "." in artifact:
            descriptor = job_result_descriptors(client.jobs.get(job_id)).get(artifact)
            if descriptor is None:
                raise click.ClickException(f"job {job_id} has no {artifact} artifact")
            ref = str(descriptor["id"])
        content = client.jobs.artifact(job_id, ref)
    del as_json  # the content is JSON either way
    emit_json(content)
