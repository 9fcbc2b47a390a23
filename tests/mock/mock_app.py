"""Driving the mock's ASGI app in this process: a synchronous httpx client, and ending a
job at once.

The client needs no socket and no server thread: each request runs the app on one event
loop the transport owns, so a test makes hundreds of requests in well under a second. The
app sees exactly the headers and body the client sends (what the pipeline checks), but
none of the connection-level faults, which need a real socket (use `MockServer` there).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from ionq_mock.app import MockApp
from ionq_mock.validation import BASE_PATH

BASE_URL = "http://mock.invalid" + BASE_PATH


class AppTransport(httpx.BaseTransport):
    """Serves each request with `app` on the transport's own event loop."""

    def __init__(self, app: MockApp) -> None:
        self._loop = asyncio.new_event_loop()
        # MockApp types the ASGI scope as a dict, httpx as a MutableMapping: the same thing.
        self._asgi = httpx.ASGITransport(app=app)  # type: ignore[arg-type]

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        async def call() -> httpx.Response:
            answer = await self._asgi.handle_async_request(request)
            body = await answer.aread()
            return httpx.Response(answer.status_code, headers=answer.headers, content=body)

        return self._loop.run_until_complete(call())

    def close(self) -> None:
        self._loop.close()


@contextmanager
def app_client(app: MockApp, key: str | None) -> Iterator[httpx.Client]:
    """A client of `app` sending `Authorization: apiKey <key>` (no header for None)."""
    headers = {} if key is None else {"Authorization": f"apiKey {key}"}
    with httpx.Client(transport=AppTransport(app), base_url=BASE_URL, headers=headers) as http:
        yield http


def finish(app: MockApp, http: httpx.Client, job_id: str) -> None:
    """End a job (and its children) now, by moving its stored timeline into the past: the
    mock derives a job's status from it when it reads the job, so no test waits on the
    clock. It ends as it would have: completed, or failed when the mock refused it."""
    job = http.get(f"/jobs/{job_id}").json()
    now = time.time()
    past = {"submitted_at": now - 4, "ready_at": now - 3, "started_at": now - 2, "end_at": now - 1}
    for target in [job_id, *(job.get("child_job_ids") or [])]:
        app.store.update_job(job["submitter_id"], target, past)
