"""The API key never appears in a log line, an exception or a repr, over a whole journey.

Every method of both clients runs against the live mock server with a distinctive key,
with every logger of the process at DEBUG (the client's, httpx's, httpcore's), through
successes, API errors, a wrong key, a refused connection, a wait timeout and faults that
make the client retry and look up ambiguous creates. Everything that could show the key is
collected as text, including each exception's full formatted traceback (causes, notes).
"""

from __future__ import annotations

import asyncio
import logging
import socket
import traceback
import uuid
from collections.abc import Callable, Iterator
from typing import Any, Final

import pytest

from ionq_client import AsyncIonQ, Circuit, IonQ, IonQError
from ionq_mock.faults import Faults
from ionq_mock.testing import MockServer

KEY = f"sk-journey-{uuid.uuid4().hex}"
WRONG_KEY = f"sk-wrong-{uuid.uuid4().hex}"
#: A distinctive part of each key: a client that masks all but a few characters must not
#: print this either.
SECRETS = (KEY, KEY[11:27], WRONG_KEY, WRONG_KEY[9:25])
BELL = Circuit(2).h(0).cnot(0, 1)
QPU: Final = "qpu.forte-1"
MISSING = "00000000-0000-4000-8000-000000000000"


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    with MockServer(api_keys=[KEY], job_duration=0.02) as running:
        yield running


@pytest.fixture(scope="module")
def hour_server() -> Iterator[MockServer]:
    # Jobs here run for an hour, so a wait that times out at once never races a job's end.
    with MockServer(api_keys=[KEY], job_duration=3600) as running:
        yield running


class Texts:
    """Every text the journey produced that could carry the key."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self.errors = 0

    def add(self, *objects: object) -> None:
        for obj in objects:
            self.items += [repr(obj), str(obj)]

    def error(self, exc: BaseException) -> None:
        self.errors += 1
        self.items += traceback.format_exception(exc)
        self.add(exc, vars(exc), getattr(exc, "__notes__", []))

    def expect_error(self, call: Callable[[], Any]) -> None:
        try:
            call()
        except IonQError as exc:
            self.error(exc)
        else:
            raise AssertionError("the call should have failed")

    async def aexpect_error(self, call: Callable[[], Any]) -> None:
        try:
            await call()
        except IonQError as exc:
            self.error(exc)
        else:
            raise AssertionError("the call should have failed")

    def check(self, caplog: pytest.LogCaptureFixture) -> None:
        formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
        self.items += [formatter.format(record) for record in caplog.records]
        joined = "\n".join(self.items)
        assert "[REDACTED]" in joined, "the request headers were not logged at DEBUG"
        for secret in SECRETS:
            assert secret not in joined


def refused_url() -> str:
    """A loopback URL where nothing listens (the port was just freed)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/v0.4"


def test_sync_journey(
    server: MockServer, hour_server: MockServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    texts = Texts()
    with IonQ(api_key=KEY, base_url=server.base_url, _sleep=lambda s: None) as c:
        texts.add(c, vars(c), c.jobs, c.backends, c.sessions, c._http, c._api, c._transport)
        texts.add(c.whoami())
        job = c.jobs.create(BELL, backend="simulator", shots=100, name="a", metadata={"k": "v"})
        multi = c.jobs.create([BELL, Circuit(3).x(0)], backend="simulator")
        texts.add(job, c.jobs.get(job.id), c.jobs.update(job.id, name="b"))
        texts.add(c.jobs.wait(job.id, timeout=30), c.jobs.wait(multi.id, timeout=30))
        texts.add(c.jobs.results(job.id), c.jobs.results(multi.id), c.jobs.cost(job.id))
        texts.add(c.jobs.estimate(backend=QPU, circuit=BELL), list(c.jobs.list(limit=2)))
        texts.add(c.backends.list(), c.backends.get(QPU))
        chars = list(c.backends.characterizations(QPU, limit=5))
        texts.add(chars, c.backends.characterization(QPU, str(chars[0].id)))
        session = c.sessions.create(backend=QPU, job_count_limit=2)
        texts.add(c.sessions.get(session.id), list(c.sessions.list()))
        texts.add(list(c.sessions.jobs(session.id)), c.sessions.end(session.id))
        queued = [c.jobs.create(BELL, backend="simulator").id for _ in range(3)]
        texts.add(c.jobs.cancel(queued[0]), c.jobs.delete(queued[0]))
        texts.add(c.jobs.cancel_many(queued[1:]), c.jobs.delete_many(queued[1:]))

        texts.expect_error(lambda: c.jobs.get(MISSING))
        texts.expect_error(lambda: c.jobs.estimate(backend=QPU, qubits=0))
        texts.expect_error(lambda: c.jobs.get("not-a-uuid"))
        texts.expect_error(lambda: c.jobs.create(BELL, backend="simulator", shots=0))
        with IonQ(api_key=KEY, base_url=hour_server.base_url, _sleep=lambda s: None) as hour:
            slow = hour.jobs.create(BELL, backend="qpu.forte-1", shots=10)
            texts.expect_error(lambda: hour.jobs.wait(slow.id, timeout=0))

        # Faults: retries (logged at INFO) and ambiguous creates looked up; with no
        # retries some creates fail, some with the "outcome unknown" note.
        server.app.faults = Faults(rates={503: 0.5, 429: 0.2}, after_commit=0.5, seed=3)
        try:
            for _ in range(20):
                try:
                    texts.add(c.jobs.create(BELL, backend="simulator", max_retries=0))
                except IonQError as exc:
                    texts.error(exc)
                try:
                    texts.add(c.jobs.get(job.id, max_retries=1))
                except IonQError as exc:
                    texts.error(exc)
        finally:
            server.app.faults = Faults()

    with IonQ(api_key=WRONG_KEY, base_url=server.base_url) as wrong:
        texts.add(wrong, vars(wrong))
        texts.expect_error(wrong.whoami)
    with IonQ(api_key=KEY, base_url=refused_url(), max_retries=1, _sleep=lambda s: None) as gone:
        texts.expect_error(gone.whoami)
        texts.expect_error(lambda: gone.jobs.create(BELL, backend="simulator"))
    assert texts.errors > 10
    assert any("retrying" in r.getMessage() for r in caplog.records)
    texts.check(caplog)


def test_async_journey(server: MockServer, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    texts = Texts()

    async def instant(seconds: float) -> None:
        await asyncio.sleep(0)

    async def run() -> None:
        c = AsyncIonQ(api_key=KEY, base_url=server.base_url, _sleep=instant)
        texts.add(c, vars(c), c.jobs, c.backends, c.sessions, c._http, c._api, c._transport)
        texts.add(await c.whoami())
        job = await c.jobs.create(BELL, backend="simulator", name="a", metadata={"k": "v"})
        texts.add(job, await c.jobs.get(job.id), await c.jobs.update(job.id, name="b"))
        texts.add(await c.jobs.wait(job.id, timeout=30), await c.jobs.results(job.id))
        texts.add(await c.jobs.cost(job.id), await c.jobs.estimate(backend=QPU, qubits=2))
        texts.add([j async for j in c.jobs.list(limit=2)], await c.jobs.list(limit=1))
        texts.add(await c.backends.list(), await c.backends.get(QPU))
        chars = [ch async for ch in c.backends.characterizations(QPU, limit=5)]
        texts.add(await c.backends.characterization(QPU, str(chars[0].id)))
        session = await c.sessions.create(backend=QPU)
        texts.add(await c.sessions.get(session.id), [s async for s in c.sessions.list()])
        texts.add([j async for j in c.sessions.jobs(session.id)], await c.sessions.end(session.id))
        queued = [(await c.jobs.create(BELL, backend="simulator")).id for _ in range(3)]
        texts.add(await c.jobs.cancel(queued[0]), await c.jobs.delete(queued[0]))
        texts.add(await c.jobs.cancel_many(queued[1:]), await c.jobs.delete_many(queued[1:]))
        await texts.aexpect_error(lambda: c.jobs.get(MISSING))
        await texts.aexpect_error(lambda: c.jobs.estimate(backend=QPU, qubits=0))
        server.app.faults = Faults(rates={503: 0.5, 429: 0.2}, after_commit=0.5, seed=5)
        try:
            for _ in range(20):
                try:
                    texts.add(await c.jobs.create(BELL, backend="simulator", max_retries=0))
                except IonQError as exc:
                    texts.error(exc)
        finally:
            server.app.faults = Faults()
        await c.close()
        await c.aclose()  # closing twice is harmless
        wrong = AsyncIonQ(api_key=WRONG_KEY, base_url=server.base_url)
        texts.add(wrong)
        await texts.aexpect_error(wrong.whoami)
        await wrong.aclose()
        async with AsyncIonQ(
            api_key=KEY, base_url=refused_url(), max_retries=1, _sleep=instant
        ) as gone:
            await texts.aexpect_error(gone.whoami)

    asyncio.run(run())
    assert texts.errors > 5
    texts.check(caplog)
