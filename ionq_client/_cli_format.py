"""How the `ionq` command line (and `scripts/demo.py`) shows things: rich tables for people,
plain dicts for `--json`.

Nothing here talks to the API; every function takes models the client returned.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any, Final

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ionq_api.models.backend import Backend
from ionq_api.types import Unset
from ionq_client._build import CREATE_TOKEN_KEY
from ionq_client._cli_program import ProgramError
from ionq_client._config import API_KEY_ENV
from ionq_client._exceptions import (
    APIConnectionError,
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ValidationError,
)
from ionq_client._jobs import (
    AnyJob,
    job_child_ids,
    job_circuits,
    job_qubits,
    job_result_descriptors,
)
from ionq_client._results import BIT_ORDER, CircuitResult, Result

__all__ = [
    "BAR_WIDTH",
    "backends_table",
    "bar",
    "describe_error",
    "elapsed",
    "histogram",
    "job_table",
    "jobs_table",
    "result_json",
    "results_view",
    "status_text",
]

#: The width, in characters, of the longest bar of a histogram.
BAR_WIDTH: Final = 40
_EIGHTHS: Final = " ▏▎▍▌▋▊▉"
_STATUS_STYLE: Final = {
    "completed": "green",
    "failed": "red",
    "canceled": "yellow",
    "started": "cyan",
    "ready": "blue",
    "submitted": "blue",
}


def describe_error(exc: Exception, base_url: str | None) -> str:
    """One line naming what went wrong, for any failure the client (or a program file) raises.

    A 400 names its offending keys; a 401 points at the key's settings (never the key).
    """
    # A proxy's HTML error page or a multi-line message must still make one line.
    return " ".join(_describe(exc, base_url).split())


def _describe(exc: Exception, base_url: str | None) -> str:
    if isinstance(exc, BadRequestError):
        keys = f" (offending keys: {', '.join(exc.validation_keys)})" if exc.validation_keys else ""
        return f"400 Bad Request: {exc.message}{keys}"
    if isinstance(exc, AuthenticationError):
        return f"401 Unauthorized: {exc.message} (check the API key: --api-key or ${API_KEY_ENV})"
    if isinstance(exc, APIStatusError):
        rid = f" (request id {exc.request_id})" if exc.request_id else ""
        return f"{exc.status_code}: {exc.message}{rid}"
    if isinstance(exc, APIConnectionError):
        return f"cannot reach {base_url or 'the API'}: {exc.message}"
    if isinstance(exc, ValidationError | ProgramError):
        return (
            f"invalid {exc.key}: {exc}"
            if exc.key and not str(exc).startswith(exc.key)
            else str(exc)
        )
    return str(exc) or type(exc).__name__


def bar(fraction: float, width: int = BAR_WIDTH) -> str:
    """A horizontal bar `fraction` (0..1) of `width` characters, in eighths of a character."""
    eighths = round(max(0.0, min(1.0, fraction)) * width * 8)
    full, part = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[part] if part else "")


def elapsed(seconds: float) -> str:
    """`0.4s`, `12.3s`, `2m05s`: a short duration."""
    if seconds < 60:
        return f"{seconds:.1f}s"
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes}m{secs:02d}s"


def status_text(status: str) -> Text:
    """A job status, coloured by what it means (colour is dropped when output is not a TTY)."""
    return Text(status, style=_STATUS_STYLE.get(status, ""))


def _when(value: datetime.datetime | None, *, short: bool = False) -> str:
    """A UTC time: `2026-11-24 21:20:54Z`, or `11-24 21:20Z` in the narrow jobs table."""
    if value is None:
        return "-"
    return value.astimezone(datetime.UTC).strftime(
        "%m-%d %H:%MZ" if short else "%Y-%m-%d %H:%M:%SZ"
    )


def _opt(value: object) -> str:
    return "-" if value is None or isinstance(value, Unset) else str(value)


def histogram(
    result: CircuitResult,
    *,
    title: str | None = None,
    shots: int | None = None,
    top: int | None = None,
) -> Table:
    """One circuit's outcomes: bitstring (qubit 0 leftmost), count, probability and a bar.

    Rows are in bitstring order; outcomes of zero probability are left out. Counts appear
    when the result carries the measured histogram (and `shots` is not given), or when
    the job has a shot count or `shots` is given (probabilities scaled to it; the ideal
    simulator computes exact probabilities only). With `top`, only the `top` likeliest
    outcomes get a row of their own and a last row sums the others.
    """
    probabilities = {b: p for b, p in result.probabilities.items() if p > 0}
    measured = result.histogram if shots is None else None
    n = shots if shots is not None else result.shots
    counts = measured if measured is not None else result.counts(n) if n is not None else None
    shown = probabilities
    if top is not None and len(probabilities) > top:
        keep = sorted(probabilities, key=lambda b: (-probabilities[b], b))[:top]
        shown = {b: probabilities[b] for b in sorted(keep)}
    highest = max(probabilities.values(), default=0.0)
    table = Table(title=title, title_justify="left", caption_justify="left")
    table.add_column("bitstring", style="bold", no_wrap=True)
    if counts is not None:
        table.add_column("count", justify="right")
    table.add_column("probability", justify="right")
    table.add_column("", style="magenta", no_wrap=True)
    for bits, p in shown.items():
        row = [bits]
        if counts is not None:
            row.append(str(counts.get(bits, 0)))
        row += [f"{p:.4f}", bar(p / highest if highest else 0.0)]
        table.add_row(*row)
    others = [b for b in probabilities if b not in shown]
    if others:
        row = [f"({len(others)} others)"]
        if counts is not None:
            row.append(str(sum(counts.get(b, 0) for b in others)))
        row += [f"{sum(probabilities[b] for b in others):.4f}", ""]
        table.add_row(*row, style="dim")
    if measured is not None:
        described = f"{sum(measured.values())} shots measured"
    elif n is None:
        described = "exact probabilities"
    elif result.shots is None:
        described = f"counts scaled to {n} shots"
    else:
        described = f"{n} shots"
    table.caption = f"{result.qubits} qubits, {described}; bit order: qubit 0 leftmost"
    return table


def results_view(
    result: Result, *, shots: int | None = None, top: int | None = None
) -> RenderableType:
    """Every circuit of a job as a histogram (titled by circuit for multi-circuit jobs)."""
    if not result.is_multi_circuit:
        return histogram(result.circuits[0], title=f"job {result.job_id}", shots=shots, top=top)
    tables = [
        histogram(
            c,
            title=f"circuit {i} of {len(result.circuits)} (job {c.job_id})",
            shots=shots,
            top=top,
        )
        for i, c in enumerate(result.circuits, start=1)
    ]
    return Group(*tables)


def result_json(result: Result, *, shots: int | None = None) -> dict[str, Any]:
    """The `--json` form of a job's results: per circuit, probabilities and counts.

    `counts` is there when the job has a shot count or `shots` is given (scaled from the
    probabilities), or when the measured histogram was read (then `counts` is it, and
    `measured` is true); `samples` is there when the per-shot results were read.
    """
    circuits = []
    for c in result.circuits:
        item: dict[str, Any] = {
            "job_id": c.job_id,
            "qubits": c.qubits,
            "shots": c.shots,
            "probabilities": c.probabilities,
        }
        n = shots if shots is not None else c.shots
        histogram = c.histogram if shots is None else None
        if histogram is not None:
            item["counts"] = c.counts()
            item["measured"] = True
        elif n is not None:
            item["counts"] = c.counts(n)
            item["measured"] = False
        if c.samples is not None:
            item["samples"] = c.samples
        circuits.append(item)
    return {"job_id": result.job_id, "bit_order": BIT_ORDER, "circuits": circuits}


def jobs_table(jobs: Iterable[AnyJob], *, title: str | None = None) -> Table:
    """Jobs, one per row: id, status, name, backend, qubits, shots, submitted."""
    # A light box and no edge padding: an id is 36 characters, and the table should fit
    # 100 columns with a short name.
    table = Table(
        title=title,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        padding=(0, 1, 0, 0),
    )
    table.add_column("id", no_wrap=True, min_width=36)  # ids are for copying: never cut
    table.add_column("status", no_wrap=True, min_width=9)
    table.add_column("backend", no_wrap=True)
    table.add_column("qubits", justify="right", no_wrap=True)
    table.add_column("shots", justify="right", no_wrap=True)
    table.add_column("submitted", no_wrap=True)
    table.add_column("name", overflow="ellipsis", min_width=6)
    for job in jobs:
        table.add_row(
            str(job.id),
            status_text(job.status),
            job.backend,
            _opt(job_qubits(job)),
            _opt(job.shots),
            _when(job.submitted_at, short=True),
            _opt(job.name),
        )
    return table


def job_table(job: AnyJob) -> Table:
    """One job as a two-column table of its fields."""
    table = Table(show_header=False, box=None, padding=(0, 2, 0, 0))
    table.add_column(style="bold")
    table.add_column()
    metadata = job.metadata.additional_properties if job.metadata is not None else {}
    rows: list[tuple[str, str | Text]] = [
        ("id", str(job.id)),
        ("status", status_text(job.status)),
        ("name", _opt(job.name)),
        ("type", job.type_),
        ("backend", job.backend),
        ("qubits", _opt(job_qubits(job))),
        ("circuits", _opt(job_circuits(job))),
        ("shots", _opt(job.shots)),
        ("submitted", _when(job.submitted_at)),
        ("started", _when(job.started_at)),
        ("completed", _when(job.completed_at)),
    ]
    children = job_child_ids(job)
    if children:
        rows.append(("children", ", ".join(children)))
    formats = sorted(job_result_descriptors(job))
    if formats:
        rows.append(("artifacts", ", ".join(formats)))
    if job.failure is not None:
        rows.append(("failure", f"{job.failure.code}: {job.failure.message}"))
    for key, tag in sorted(metadata.items()):
        if key == CREATE_TOKEN_KEY:
            continue  # the client's own duplicate guard, not the user's tag (kept in --json)
        rows.append((f"metadata.{key}", str(tag)))
    for name, value in rows:
        table.add_row(name, value)
    return table


def backends_table(backends: Iterable[Backend]) -> Table:
    """Backends, one per row: name, status, qubits, average queue time, degraded."""
    table = Table()
    table.add_column("backend", no_wrap=True)
    table.add_column("status")
    table.add_column("qubits", justify="right")
    table.add_column("avg queue", justify="right")
    table.add_column("degraded")
    table.add_column("updated", no_wrap=True)
    for b in backends:
        status = Text(b.status, style="green" if b.status == "available" else "yellow")
        table.add_row(
            b.backend,
            status,
            str(b.qubits),
            elapsed(b.average_queue_time / 1000),
            "yes" if b.degraded is True else "no",
            _when(b.last_updated),
        )
    return table
