"""The lean httpx clients under the generated functions, and proxy resolution."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest

from ionq_client import Circuit
from ionq_client._async.http import LeanAsyncClient
from ionq_client._config import env_proxy
from ionq_client._sync.http import LeanClient

from .client_helpers import (
    API_KEY,
    JOB_ID,
    Recorder,
    job_json,
    json_response,
    make_async_client,
    make_client,
)


def test_requests_carry_everything_httpx_would_send(recorder: Recorder) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            return json_response(201, {"id": JOB_ID, "status": "submitted", "session_id": None})
        return json_response(200, {"jobs": [job_json()], "next": None})

    with make_client(handler, recorder) as client:
        assert isinstance(client._http, LeanClient)
        client.jobs.create(Circuit(1).h(0), backend="simulator", shots=5)
        client.jobs.list(status="completed", ids=[JOB_ID, JOB_ID.replace("6", "7")], limit=3)
    post, get = recorder.requests
    assert str(post.url) == "http://ionq.test/v0.4/jobs"
    assert post.headers["content-type"] == "application/json"
    assert post.headers["authorization"] == f"apiKey {API_KEY}"
    assert post.headers["host"] == "ionq.test"
    assert {"accept", "accept-encoding", "user-agent"} <= set(post.headers.keys())
    assert json.loads(post.content)["shots"] == 5
    assert get.url.path == "/v0.4/jobs"
    assert get.url.params.get_list("ids") == [JOB_ID, JOB_ID.replace("6", "7")]
    assert get.url.params["limit"] == "3"
    assert "content-type" not in get.headers
    assert get.extensions["timeout"]["connect"] == 5.0


def test_other_requests_take_the_ordinary_path(recorder: Recorder) -> None:
    with make_client(lambda r: json_response(200, {"ok": True}), recorder) as client:
        response = client._http.request("POST", "/whoami", content=b"raw bytes")
    assert response.json() == {"ok": True}
    assert recorder.requests[0].content == b"raw bytes"
    assert str(recorder.requests[0].url) == "http://ionq.test/v0.4/whoami"


def test_async_client_is_lean_too(recorder: Recorder) -> None:
    async def run() -> None:
        async with make_async_client(lambda r: json_response(200, job_json()), recorder) as c:
            assert isinstance(c._http, LeanAsyncClient)
            await c.jobs.get(JOB_ID)
            await c._http.request("GET", "http://ionq.test/v0.4/jobs/" + JOB_ID)

    asyncio.run(run())
    assert [str(r.url) for r in recorder.requests] == [f"http://ionq.test/v0.4/jobs/{JOB_ID}"] * 2


def test_env_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    assert env_proxy("https://api.ionq.co/v0.4") is None
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.test:3128")
    monkeypatch.setenv("NO_PROXY", "internal.test")
    assert env_proxy("https://api.ionq.co/v0.4") == "http://proxy.test:3128"
    assert env_proxy("https://internal.test/v0.4") is None
    assert env_proxy("http://127.0.0.1:8000/v0.4") is None
