"""`ionq-mock`: run the stateful IonQ v0.4 mock server.

    ionq-mock serve --host 127.0.0.1 --port 8000 --api-key KEY [--api-key KEY2 ...]
                    [--db PATH] [--job-duration S] [--max-qubits N]
                    [--fault 429=0.1 ...] [--fault-after-commit R] [--fault-drop R]
                    [--fault-drop-after-commit R] [--fault-stall R] [--stall-seconds S]
                    [--fault-partial R] [--latency S] [--retry-after N] [--fault-seed N]
                    [--journal-size N] [--journal-body-bytes B] [--strict]

Once listening it prints two lines, `ionq-mock listening on http://HOST:PORT/v0.4` (the
real port when `--port 0` asked for a free one) and `ionq-mock console at
http://HOST:PORT/_mock/`, the web page of the request journal (ionq_mock/console.py).
Keys may also come from the environment variable IONQ_MOCK_API_KEYS (comma-separated),
which keeps them out of `ps`.
`--strict` turns off the leniency rules of IonQ's service (ionq_mock/leniency.py): a
request accepted only by one is a 400 naming the key and the rule. The fault flags are
`Faults`' (ionq_mock/faults.py): each rate is in 0..1, the before-handling ones (`--fault`,
`--fault-drop`, `--fault-stall`, `--fault-partial`) add up to at most 1, and so do the two
after-commit ones; otherwise it exits with a usage error (status 2).
"""

from __future__ import annotations

import gc
import os
import socket
import sys

import click
import uvicorn

from . import serving
from .app import DEFAULT_JOB_DURATION, DEFAULT_MAX_QUBITS, create_app
from .console import PREFIX as CONSOLE
from .faults import DEFAULT_STALL_SECONDS, FAULT_STATUSES, Faults
from .journal import DEFAULT_BODY_BYTES, DEFAULT_SIZE
from .protocol import listening_socket
from .validation import BASE_PATH


def _parse_fault(text: str) -> tuple[int, float]:
    status, sep, rate = text.partition("=")
    try:
        code, value = int(status), float(rate)
    except ValueError:
        code, value = 0, -1.0
    if not sep or code not in FAULT_STATUSES or not 0.0 <= value <= 1.0:
        raise click.BadParameter(
            f"{text!r}: expected STATUS=RATE with STATUS one of {FAULT_STATUSES} and RATE in 0..1"
        )
    return code, value


class _Server(uvicorn.Server):
    """A uvicorn server that announces itself once it is listening."""

    def __init__(self, config: uvicorn.Config, announce: str) -> None:
        super().__init__(config)
        self._announce = announce

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started:
            click.echo(self._announce)
            sys.stdout.flush()


@click.group()
def main() -> None:
    """The stateful IonQ v0.4 mock server."""


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8000, show_default=True, help="Port; 0 picks a free one.")
@click.option("--api-key", "api_keys", multiple=True, help="An accepted API key (repeatable).")
@click.option("--db", "db_path", default=None, help="SQLite file (default: in memory).")
@click.option(
    "--job-duration",
    default=DEFAULT_JOB_DURATION,
    show_default=True,
    type=click.FloatRange(min=0),
    help="Seconds from submitted to completed.",
)
@click.option(
    "--max-qubits",
    default=DEFAULT_MAX_QUBITS,
    show_default=True,
    type=click.IntRange(1, 28),
    help="Widest circuit the mock simulates; wider ones fail with NotEnoughQubits.",
)
@click.option("--fault", "faults", multiple=True, help="STATUS=RATE, e.g. 429=0.1 (repeatable).")
@click.option(
    "--fault-after-commit",
    default=0.0,
    type=click.FloatRange(0, 1),
    help="Rate of writes that commit and then answer 500.",
)
@click.option(
    "--fault-drop",
    default=0.0,
    type=click.FloatRange(0, 1),
    help="Rate of requests whose connection closes before handling, with no answer.",
)
@click.option(
    "--fault-drop-after-commit",
    default=0.0,
    type=click.FloatRange(0, 1),
    help="Rate of writes that commit and then close the connection with no answer.",
)
@click.option(
    "--fault-stall",
    default=0.0,
    type=click.FloatRange(0, 1),
    help="Rate of requests handled and then answered only after --stall-seconds.",
)
@click.option(
    "--stall-seconds",
    default=DEFAULT_STALL_SECONDS,
    show_default=True,
    type=click.FloatRange(min=0),
    help="How long a stalled answer waits.",
)
@click.option(
    "--fault-partial",
    default=0.0,
    type=click.FloatRange(0, 1),
    help="Rate of answers cut after their headers and half their body.",
)
@click.option("--latency", default=0.0, type=click.FloatRange(min=0), help="Seconds added.")
@click.option("--retry-after", default=1, type=click.IntRange(min=0), help="429 Retry-After.")
@click.option("--fault-seed", default=None, type=int, help="Seed for reproducible faults.")
@click.option(
    "--journal-size",
    default=DEFAULT_SIZE,
    show_default=True,
    type=click.IntRange(min=0),
    help="Requests the journal keeps per key (0: no journal).",
)
@click.option(
    "--journal-body-bytes",
    default=DEFAULT_BODY_BYTES,
    show_default=True,
    type=click.IntRange(min=0),
    help="Bytes of each request and answer body the journal keeps.",
)
@click.option("--log-level", default="warning", show_default=True, help="uvicorn log level.")
@click.option(
    "--strict",
    is_flag=True,
    default=False,
    help="Accept only what openapi.yaml says: no leniency rules (each case is a 400 naming it).",
)
def serve(
    host: str,
    port: int,
    api_keys: tuple[str, ...],
    db_path: str | None,
    job_duration: float,
    max_qubits: int,
    faults: tuple[str, ...],
    fault_after_commit: float,
    fault_drop: float,
    fault_drop_after_commit: float,
    fault_stall: float,
    stall_seconds: float,
    fault_partial: float,
    latency: float,
    retry_after: int,
    fault_seed: int | None,
    journal_size: int,
    journal_body_bytes: int,
    log_level: str,
    strict: bool,
) -> None:
    """Serve the API under /v0.4 until interrupted."""
    keys = list(api_keys)
    keys += [k for k in os.environ.get("IONQ_MOCK_API_KEYS", "").split(",") if k]
    if not keys:
        raise click.UsageError("give at least one --api-key (or set IONQ_MOCK_API_KEYS)")
    try:
        fault_config = Faults(
            rates=dict(_parse_fault(f) for f in faults),
            after_commit=fault_after_commit,
            drop=fault_drop,
            drop_after_commit=fault_drop_after_commit,
            stall=fault_stall,
            stall_seconds=stall_seconds,
            partial=fault_partial,
            latency=latency,
            retry_after=retry_after,
            seed=fault_seed,
        )
        app = create_app(
            keys,
            db_path=db_path,
            job_duration=job_duration,
            faults=fault_config,
            max_qubits=max_qubits,
            strict=strict,
            journal_size=journal_size,
            journal_body_bytes=journal_body_bytes,
        )
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    sock = listening_socket(host, port)
    real_port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    config = serving.config(app, log_level=log_level, loop="uvloop")
    root = f"http://{shown}:{real_port}"
    announce = f"ionq-mock listening on {root}{BASE_PATH}\nionq-mock console at {root}{CONSOLE}/"
    server = _Server(config, announce)
    # What is alive now (the spec, its validators, every module) lives as long as the
    # process: moved out of the collector's generations, it is never scanned again by the
    # full collections a busy server's allocations trigger (the garbage of start-up is
    # collected first, not kept).
    gc.collect()
    gc.freeze()
    try:
        server.run(sockets=[sock])
    finally:
        app.close()
