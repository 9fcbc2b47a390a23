"""The result handlers: a completed job's probabilities (one circuit's, or a multi-circuit
job's by child) and its artifacts.

A circuit's results are simulated when first read, on a worker thread, and stored; a
second reader while that runs waits for the same simulation. Large artifacts (many shots)
are built and encoded on a worker thread too.
"""

from __future__ import annotations

import asyncio
import functools
import time
import uuid
from typing import Any, Final

from .. import artifacts, catalog, lifecycle
from ..errors import ApiError
from ..registry import Handlers, Raw, Request, Response, encode
from ..simulator import SimulationFailure, run_job
from ..simulator.jobs import run_qasm3
from ..state import MockState
from ..store import dumps, loads
from .job_views import job_row

# Artifacts with more shots than this are built in a worker thread, not on the loop.
INLINE_SHOTS: Final = 10_000

handlers = Handlers()


def _completed(row: Any) -> bool:
    return bool(row["runs"]) and lifecycle.status(row, time.time()) == "completed"


def _circuit_like(row: Any) -> bool:
    """Jobs with probabilities and artifacts: circuits and OpenQASM 3 programs (not
    quantum functions or QAOA jobs, whose results are in the job itself)."""
    return row["type"] in (*lifecycle.CIRCUIT_TYPES, lifecycle.QASM3)


async def _results(state: MockState, owner: str, job_id: str) -> Any:
    """A completed job's stored results, simulating first if they are not stored yet."""
    row = state.store.get_job(owner, job_id, full=True)
    if row is None:
        raise ApiError(404, f"job {job_id} not found")
    if row["results"] is None:
        running = state.running.get(job_id)
        if running is None:
            running = asyncio.ensure_future(_simulate(state, row))
            state.running[job_id] = running
            running.add_done_callback(lambda _: state.running.pop(job_id, None))
        await asyncio.shield(running)
        row = state.store.get_job(owner, job_id, full=True)
        if row is None or row["results"] is None:
            raise ApiError(404, f"job {job_id} has no results")
    return loads(row["results"])


async def _simulate(state: MockState, row: Any) -> None:
    backend = catalog.BACKENDS.get(row["backend"])
    noise = loads(row["noise"]) or {}
    model = (
        noise.get("model", "ideal")
        if backend is None or backend.noise_model is None
        else (backend.noise_model)
    )
    seed = row["seed"] if row["seed"] is not None else uuid.UUID(row["id"]).int % 2**32
    loop = asyncio.get_running_loop()
    program, shots = loads(row["program"]), row["shots"]
    try:
        if row["type"] == lifecycle.QASM3:
            # An OpenQASM 3 job stores its outcomes with its registers' layout.
            result = await loop.run_in_executor(
                state.executor, run_qasm3, program, shots, model, seed
            )
            stored: Any = result.stored()
        else:
            [stored] = await loop.run_in_executor(
                state.executor, run_job, "ionq.circuit.v1", program, shots, model, seed
            )
    except SimulationFailure as failure:
        state.store.update_job(
            row["owner"],
            row["id"],
            {"failure": dumps(failure.as_failure()), "end_status": "failed"},
        )
        return
    state.store.save_results({row["id"]: stored})


async def _probabilities(state: MockState, owner: str, row: Any) -> Any:
    """A single circuit's v1 probabilities (an OpenQASM 3 job's over its qubits)."""
    stored = await _results(state, owner, row["id"])
    if row["type"] == lifecycle.QASM3:
        return artifacts.Qasm3Layout.from_stored(stored).qubit_probabilities()
    return stored


async def _aggregate(state: MockState, owner: str, row: Any) -> dict[str, Any]:
    out = {}
    for child in loads(row["child_job_ids"]):
        out[child] = await _results(state, owner, child)
    return out


@handlers.operation("getJobProbabilities")
async def get_probabilities(state: MockState, request: Request) -> Response:
    row = job_row(state, request)
    if not _completed(row) or row["child_job_ids"] is not None or not _circuit_like(row):
        raise ApiError(404, f"job {row['id']} has no probabilities (not completed)")
    return 200, await _probabilities(state, request.owner, row)


@handlers.operation("getJobProbabilitiesAggregated")
async def get_aggregated(state: MockState, request: Request) -> Response:
    row = job_row(state, request)
    if not _completed(row) or row["child_job_ids"] is None:
        raise ApiError(404, f"job {row['id']} is not a completed multi-circuit job")
    return 200, await _aggregate(state, request.owner, row)


@handlers.operation("getJobArtifact")
async def get_job_artifact(state: MockState, request: Request) -> Response:
    row = job_row(state, request, full=True)
    wanted = str(request.path["artifact_id"]).lower()
    multi, sampled = row["child_job_ids"] is not None, row["shots"] is not None
    format_id = artifacts.format_of(row["id"], wanted, multi, sampled, _circuit_like(row))
    if format_id is None or not _completed(row):
        raise ApiError(404, f"job {row['id']} has no artifact {wanted[:100]}")
    if format_id == artifacts.AGGREGATE_V1:
        return 200, await _aggregate(state, request.owner, row)
    stored = await _results(state, request.owner, row["id"])
    width: int | None = None
    if row["type"] == lifecycle.QASM3:
        layout = artifacts.Qasm3Layout.from_stored(stored)
        probabilities, regs, width = layout.probabilities, layout.registers, layout.qubits
    else:
        stats = loads(row["stats"]) or {}
        probabilities = stored
        regs = artifacts.registers(loads(row["program"]), int(stats.get("qubits") or 1))
    build = functools.partial(
        artifacts.content,
        format_id,
        probabilities,
        row["shots"],
        regs,
        uuid.UUID(row["id"]).int,
        width,
    )
    if (row["shots"] or 0) > INLINE_SHOTS:
        loop = asyncio.get_running_loop()
        text = await loop.run_in_executor(state.executor, lambda: encode(build()))
        return 200, Raw(text)
    return 200, build()
