"""The result handlers: a completed job's probabilities (one circuit's, or a multi-circuit
job's by child) and its artifacts.

A circuit's results are simulated when first read and stored as JSON text in parts
(store.py); a second reader while that runs waits for the same simulation. A circuit's
probabilities are that text, sent part by part as stored, so serving them costs no
decoding or encoding however large they are. Wide circuits (more than `WORKER_QUBITS`
qubits, up to 2^qubits states) are simulated, and large artifacts built, in a worker
process (result_worker.py); the rest in a thread, or here when small. Either way the
event loop only ever handles one part at a time and other requests run in between.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import AsyncIterator, Sequence
from typing import Any, Final

from .. import artifacts, catalog, lifecycle
from ..errors import ApiError
from ..registry import Handlers, Raw, Request, Response, Stream, encode
from ..result_worker import Worker, WorkerError, chunks_of
from ..simulator import SimulationFailure, run_job
from ..simulator.jobs import run_qasm3
from ..state import MockState
from ..store import PART_BYTES, dumps, loads
from .job_views import job_row

# Circuits wider than this are simulated in a worker process: their results may have
# 2^qubits states (2^14 states is about 0.5 MB of JSON, under 20 ms to write here).
WORKER_QUBITS: Final = 14
# Artifacts are built here when the stored result and the program are at most this big
# (and a shots format has at most `INLINE_SHOTS` shots); otherwise in a worker process.
INLINE_BYTES: Final = 256 * 1024
INLINE_SHOTS: Final = 10_000

handlers = Handlers()


def _completed(row: Any) -> bool:
    return bool(row["runs"]) and lifecycle.status(row, time.time()) == "completed"


def _circuit_like(row: Any) -> bool:
    """Jobs with probabilities and artifacts: circuits and OpenQASM 3 programs (not
    quantum functions or QAOA jobs, whose results are in the job itself)."""
    return row["type"] in (*lifecycle.CIRCUIT_TYPES, lifecycle.QASM3)


async def _stored(state: MockState, owner: str, job_id: str) -> tuple[int, int]:
    """How a completed job's result is stored, `(parts, bytes)`, simulating it first if it
    is not stored yet."""
    if state.store.get_job(owner, job_id) is None:
        raise ApiError(404, f"job {job_id} not found")
    layout = state.store.result_layout(job_id)
    if layout is None:
        running = state.running.get(job_id)
        if running is None:
            row = state.store.get_job(owner, job_id, full=True)
            running = asyncio.ensure_future(_simulate(state, row))
            state.running[job_id] = running
            running.add_done_callback(lambda _: state.running.pop(job_id, None))
        await asyncio.shield(running)
        layout = state.store.result_layout(job_id)
        if layout is None:
            raise ApiError(404, f"job {job_id} has no results")
    return layout


async def _simulate(state: MockState, row: Any) -> None:
    backend = catalog.BACKENDS.get(row["backend"])
    noise = loads(row["noise"]) or {}
    model = (
        noise.get("model", "ideal")
        if backend is None or backend.noise_model is None
        else (backend.noise_model)
    )
    seed = row["seed"] if row["seed"] is not None else uuid.UUID(row["id"]).int % 2**32
    job_type = lifecycle.QASM3 if row["type"] == lifecycle.QASM3 else "ionq.circuit.v1"
    qubits = int((loads(row["stats"]) or {}).get("qubits") or 1)
    if qubits > WORKER_QUBITS:
        failure = await _simulate_in_worker(state, row, job_type, model, seed)
    else:
        loop = asyncio.get_running_loop()
        args = (job_type, loads(row["program"]), row["shots"], model, seed)
        try:
            text = await loop.run_in_executor(state.executor, _simulate_here, *args)
        except SimulationFailure as exc:
            failure = exc.as_failure()
        else:
            await _store(state, row["id"], chunks_of(text))
            failure = None
    if failure is not None:
        state.store.update_job(
            row["owner"], row["id"], {"failure": dumps(failure), "end_status": "failed"}
        )


async def _simulate_in_worker(
    state: MockState, row: Any, job_type: str, model: str, seed: int
) -> dict[str, Any] | None:
    """Simulate in a worker process and store the result; its failure, if it failed."""
    program = row["program"].encode()
    task = {"task": "simulate", "type": job_type, "shots": row["shots"], "model": model}
    worker = await Worker.start({**task, "seed": seed}, [(len(program), chunks_of(program))])
    try:
        if worker.failure is None:
            await _store(state, row["id"], worker.output())
        return worker.failure
    finally:
        await worker.close()


def _simulate_here(job_type: str, program: Any, shots: int | None, model: str, seed: int) -> bytes:
    """A narrow job's result as stored (the JSON text), made in a thread."""
    if job_type == lifecycle.QASM3:
        # An OpenQASM 3 job stores its outcomes with its registers' layout.
        return dumps(run_qasm3(program, shots, model, seed).stored()).encode()
    [stored] = run_job(job_type, program, shots, model, seed)
    return dumps(stored).encode()


async def _store(state: MockState, job_id: str, text: AsyncIterator[bytes]) -> None:
    """Store a result's JSON text (given in chunks) in parts of at most `PART_BYTES`."""
    parts = size = 0
    async for chunk in text:
        for start in range(0, len(chunk), PART_BYTES):
            part = chunk[start : start + PART_BYTES]
            state.store.add_result_part(job_id, parts, part)
            parts += 1
            size += len(part)
            await asyncio.sleep(0)  # other requests run between parts
    state.store.finish_result(job_id, parts, size)


async def _parts(state: MockState, job_id: str, count: int) -> AsyncIterator[bytes]:
    """A stored result's parts, one at a time."""
    for index in range(count):
        yield state.store.result_part(job_id, index)
        await asyncio.sleep(0)  # other requests run between parts


def _text(state: MockState, pieces: Sequence[bytes | tuple[str, int, int]]) -> Response:
    """JSON text made of literal bytes and stored results (`(job id, parts, bytes)`):
    one `Raw` answer when small, else a `Stream` read part by part as it is sent."""
    size = sum(len(p) if isinstance(p, bytes) else p[2] for p in pieces)
    if size <= PART_BYTES:
        return 200, Raw(
            b"".join(p if isinstance(p, bytes) else _joined(state, p[0], p[1]) for p in pieces)
        )

    async def parts() -> AsyncIterator[bytes]:
        for piece in pieces:
            if isinstance(piece, bytes):
                yield piece
            else:
                async for part in _parts(state, piece[0], piece[1]):
                    yield part

    return 200, Stream(size, parts())


def _joined(state: MockState, job_id: str, parts: int) -> bytes:
    """A small stored result's whole text."""
    return b"".join(state.store.result_part(job_id, index) for index in range(parts))


async def _content(state: MockState, row: Any, format_id: str, layout: tuple[int, int]) -> Response:
    """An artifact built from a job's stored result (not its probabilities as stored)."""
    qasm3 = row["type"] == lifecycle.QASM3
    program = b"" if qasm3 else row["program"].encode()
    width = int((loads(row["stats"]) or {}).get("qubits") or 1)
    seed = uuid.UUID(row["id"]).int
    shots = row["shots"]
    many_shots = format_id in artifacts.SHOT_FORMATS and (shots or 0) > INLINE_SHOTS
    if layout[1] + len(program) <= INLINE_BYTES and not many_shots:
        found = artifacts.stored_content(
            format_id,
            json.loads(_joined(state, row["id"], layout[0])),
            shots=shots,
            seed=seed,
            qasm3=qasm3,
            program=json.loads(program) if program else None,
            width=width,
        )
        return 200, found
    task = {"task": "artifact", "format": format_id, "shots": shots, "seed": seed}
    worker = await Worker.start(
        {**task, "qasm3": qasm3, "width": width},
        [(layout[1], _parts(state, row["id"], layout[0])), (len(program), chunks_of(program))],
    )
    if worker.failure is not None:
        await worker.close()
        raise WorkerError(f"the result worker failed: {worker.failure}")
    return 200, Stream(worker.size, worker.output(), worker.close)


@handlers.operation("getJobProbabilities")
async def get_probabilities(state: MockState, request: Request) -> Response:
    row = job_row(state, request)
    if not _completed(row) or row["child_job_ids"] is not None or not _circuit_like(row):
        raise ApiError(404, f"job {row['id']} has no probabilities (not completed)")
    layout = await _stored(state, request.owner, row["id"])
    if row["type"] == lifecycle.QASM3:
        # Its v1 probabilities are over the final state of its qubits only.
        full = state.store.get_job(request.owner, row["id"], full=True)
        return await _content(state, full, artifacts.PROBABILITIES_V1, layout)
    return _text(state, [(row["id"], *layout)])


async def _aggregate(state: MockState, owner: str, row: Any) -> Response:
    """`{child id: probabilities}`: each child's stored text, as stored."""
    pieces: list[bytes | tuple[str, int, int]] = [b"{"]
    for index, child in enumerate(loads(row["child_job_ids"])):
        layout = await _stored(state, owner, child)
        pieces += [(b"," if index else b"") + encode(child) + b":", (child, *layout)]
    return _text(state, [*pieces, b"}"])


@handlers.operation("getJobProbabilitiesAggregated")
async def get_aggregated(state: MockState, request: Request) -> Response:
    row = job_row(state, request)
    if not _completed(row) or row["child_job_ids"] is None:
        raise ApiError(404, f"job {row['id']} is not a completed multi-circuit job")
    return await _aggregate(state, request.owner, row)


@handlers.operation("getJobArtifact")
async def get_job_artifact(state: MockState, request: Request) -> Response:
    row = job_row(state, request, full=True)
    wanted = str(request.path["artifact_id"]).lower()
    multi, sampled = row["child_job_ids"] is not None, row["shots"] is not None
    format_id = artifacts.format_of(row["id"], wanted, multi, sampled, _circuit_like(row))
    if format_id is None or not _completed(row):
        raise ApiError(404, f"job {row['id']} has no artifact {wanted[:100]}")
    if format_id == artifacts.AGGREGATE_V1:
        return await _aggregate(state, request.owner, row)
    layout = await _stored(state, request.owner, row["id"])
    if format_id == artifacts.PROBABILITIES_V1 and row["type"] != lifecycle.QASM3:
        return _text(state, [(row["id"], *layout)])
    return await _content(state, row, format_id, layout)
