"""Large results are made in a worker process, so the server's event loop keeps answering.

Simulating a wide circuit, writing its millions of probabilities as JSON and building the
other formats from them take seconds of C calls that hold the GIL throughout (json.dumps
and json.loads of a whole result, building a dict of millions of entries, sorting it): in
a thread of the server each one stalls every other request until it ends (measured: with
a 23-qubit result made and fetched that way, GET /jobs waited up to 21 s). Even cut into
short calls, a busy thread makes the event loop wait for the GIL at each of its system
calls (GET /jobs p50 rose from 2 ms to 15 ms). So a child process does that work, one per
task (`python -m ionq_mock.result_worker`), and the server only moves bytes, in parts of
at most `PART_BYTES`, on the event loop, where other requests run between any two.

The exchange, over the child's stdin and stdout: the server writes one JSON line, the
task with `inputs` (the length of each input), then the inputs' bytes; the child answers
one JSON line, `{"bytes": n}` or `{"failure": {"code": ..., "message": ...}}` (an IonQ
failure of the simulation), then n bytes, and exits. It exits at once when its stdin
closes, so a server that stops or dies leaves no worker behind.

    simulate   inputs: the job's program; fields type, shots, model, seed.
               answer: the job's result as the server stores it (JSON text).
    artifact   inputs: the stored result, the program; fields format, shots, seed,
               qasm3, width. answer: the artifact's content (JSON text).
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import threading
import weakref
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, Final

from .store import PART_BYTES

# Worker processes at once per event loop (server): each may hold a few GB for a 23-qubit
# result, and a third task waits for a slot.
SLOTS: Final = 2
# Seconds a worker gets to exit after its answer, or when abandoned, before it is killed.
EXIT_GRACE: Final = 5.0

_slots: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
    weakref.WeakKeyDictionary()
)


class WorkerError(RuntimeError):
    """The worker process ended without a well-formed answer."""


Input = tuple[int, AsyncIterable[bytes]]


async def chunks_of(data: bytes) -> AsyncIterator[bytes]:
    """`data` as an input of one part."""
    yield data


class Worker:
    """One worker process and its answer; `close()` it once done with `output()`."""

    def __init__(
        self, process: asyncio.subprocess.Process, slot: asyncio.Semaphore, answer: Any
    ) -> None:
        self._process = process
        self._slot: asyncio.Semaphore | None = slot
        if not isinstance(answer, dict) or not (
            isinstance(answer.get("bytes"), int) or isinstance(answer.get("failure"), dict)
        ):
            raise WorkerError(f"the result worker answered {answer!r:.200}")
        self.failure: dict[str, Any] | None = answer.get("failure")
        self.size: int = answer.get("bytes", 0)

    @classmethod
    async def start(cls, task: Mapping[str, Any], inputs: Sequence[Input]) -> Worker:
        """Start a worker on `task`, give it `inputs` and read its answer's header."""
        loop = asyncio.get_running_loop()
        slot = _slots.get(loop)
        if slot is None:
            slot = _slots[loop] = asyncio.Semaphore(SLOTS)
        await slot.acquire()
        try:
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                __name__,
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                env=_child_environment(),
                limit=PART_BYTES,
            )
        except BaseException:
            slot.release()
            raise
        try:
            assert process.stdin is not None
            assert process.stdout is not None
            header = {**task, "inputs": [size for size, _ in inputs]}
            process.stdin.write(json.dumps(header).encode() + b"\n")
            for _, parts in inputs:
                async for part in parts:
                    process.stdin.write(part)
                    await process.stdin.drain()
            line = await process.stdout.readline()
            if not line:
                raise WorkerError(f"the result worker exited with {await process.wait()}")
            return cls(process, slot, json.loads(line))
        except BaseException:
            await _end(process, slot)
            raise

    async def output(self) -> AsyncIterator[bytes]:
        """The answer's bytes in parts of at most `PART_BYTES`."""
        stdout = self._process.stdout
        assert stdout is not None
        left = self.size
        while left:
            try:
                part = await stdout.readexactly(min(left, PART_BYTES))
            except asyncio.IncompleteReadError as exc:
                raise WorkerError("the result worker's answer was cut short") from exc
            left -= len(part)
            yield part

    async def close(self) -> None:
        """End the process (at once if its answer was not all read) and free its slot."""
        slot, self._slot = self._slot, None
        if slot is not None:
            await _end(self._process, slot)


async def _end(process: asyncio.subprocess.Process, slot: asyncio.Semaphore) -> None:
    try:
        if process.stdin is not None:
            process.stdin.close()  # the worker exits when its stdin closes
        try:
            await asyncio.wait_for(process.wait(), EXIT_GRACE)
        except TimeoutError:
            process.kill()
            await process.wait()
    finally:
        slot.release()


def _child_environment() -> dict[str, str]:
    """The server's environment, with this package importable however the server found it."""
    root = str(Path(__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    return env


# ------------------------------------------------------------------ the worker process
def _read_exactly(stream: IO[bytes], size: int) -> bytes:
    data = stream.read(size)
    if len(data) != size:
        raise WorkerError("the server's input was cut short")
    return data


def _exit_when_closed(fd: int) -> None:
    """Wait for the end of stdin (the server closed it, or went away), then exit. (The raw
    descriptor: a thread blocked in the buffered reader would abort interpreter shutdown.)"""
    while os.read(fd, 4096):
        pass
    os._exit(0)


def _simulate(task: Mapping[str, Any], program_text: bytes) -> list[bytes]:
    from .simulator.jobs import QASM3, run_job_json, run_qasm3
    from .store import dumps

    program = json.loads(program_text)
    if task["type"] == QASM3:
        stored = run_qasm3(program, task["shots"], task["model"], task["seed"]).stored()
        return [dumps(stored).encode()]
    [parts] = run_job_json(task["type"], program, task["shots"], task["model"], task["seed"])
    return [part.encode() for part in parts]


def _artifact(task: Mapping[str, Any], stored_text: bytes, program_text: bytes) -> list[bytes]:
    from . import artifacts
    from .store import dumps

    found = artifacts.stored_content(
        task["format"],
        json.loads(stored_text),
        shots=task["shots"],
        seed=task["seed"],
        qasm3=task["qasm3"],
        program=json.loads(program_text) if program_text else None,
        width=task["width"],
    )
    return [dumps(found).encode()]


def main() -> None:
    """The worker process: read a task, answer it (see the module docstring), exit."""
    from .simulator import SimulationFailure

    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    task = json.loads(stdin.readline())
    inputs = [_read_exactly(stdin, size) for size in task["inputs"]]
    threading.Thread(target=_exit_when_closed, args=(stdin.fileno(),), daemon=True).start()
    answer: Iterable[bytes]
    try:
        if task["task"] == "simulate":
            answer = _simulate(task, *inputs)
        else:
            answer = _artifact(task, *inputs)
    except SimulationFailure as failure:
        stdout.write(json.dumps({"failure": failure.as_failure()}).encode() + b"\n")
        stdout.flush()
        return
    answer = list(answer)
    stdout.write(json.dumps({"bytes": sum(map(len, answer))}).encode() + b"\n")
    for part in answer:
        stdout.write(part)
    stdout.flush()


if __name__ == "__main__":
    main()
