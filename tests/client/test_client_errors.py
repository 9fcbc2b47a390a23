"""Error mapping (status to class, odd bodies) and redaction of the API key."""

from __future__ import annotations

import asyncio
import logging

import httpx
import pytest

from ionq_client import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    AsyncIonQ,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    IonQ,
    IonQError,
    NotFoundError,
    PayloadTooLargeError,
    PermissionDeniedError,
    RateLimitError,
)
from ionq_client._exceptions import make_status_error

from .client_helpers import (
    API_KEY,
    JOB_ID,
    Recorder,
    error_body,
    job_json,
    json_response,
    make_async_client,
    make_client,
)

EXPECTED = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    413: PayloadTooLargeError,
    429: RateLimitError,
    500: InternalServerError,
    502: InternalServerError,
    503: InternalServerError,
    504: InternalServerError,
    **dict.fromkeys(range(520, 530), InternalServerError),
    418: APIStatusError,
    422: APIStatusError,
    499: APIStatusError,
}


def _response(status: int, content: bytes, **headers: str) -> httpx.Response:
    request = httpx.Request("GET", "http://x/v0.4/jobs")
    return httpx.Response(status, content=content, headers=headers, request=request)


@pytest.mark.parametrize(("status", "cls"), sorted(EXPECTED.items()))
def test_status_maps_to_class(status: int, cls: type[APIStatusError]) -> None:
    error = make_status_error(_response(status, b'{"message": "m"}'))
    assert type(error) is cls
    assert error.status_code == status
    assert isinstance(error, APIError)
    assert isinstance(error, IonQError)


def test_bad_request_carries_validation() -> None:
    body = {
        **error_body(400, '"shots" was invalid'),
        "validation": {"keys": ["shots"], "source": "body"},
    }
    error = make_status_error(_response(400, httpx.Response(200, json=body).content))
    assert isinstance(error, BadRequestError)
    assert error.validation_keys == ["shots"]
    assert error.validation_source == "body"
    assert error.message == '"shots" was invalid'
    assert error.body == body


@pytest.mark.parametrize(
    "content", [b"<html>Bad Gateway</html>", b"", b"\xff\xfe", b'{"unterminated', b"[1, 2]"]
)
def test_non_json_bodies_still_map(content: bytes) -> None:
    error = make_status_error(_response(502, content))
    assert isinstance(error, InternalServerError)
    assert error.status_code == 502
    assert str(error).startswith("502: ")


def test_request_id_is_kept() -> None:
    error = make_status_error(_response(500, b"{}", **{"x-request-id": "req-123"}))
    assert error.request_id == "req-123"
    assert "req-123" in str(error)


@pytest.mark.parametrize("status", [499, 520, 521, 522, 523, 524, 525, 526, 527, 528, 529])
def test_non_iana_statuses_through_the_client(recorder: Recorder, status: int) -> None:
    # The generated client would raise ValueError in HTTPStatus(); the facade maps them.
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=b"<html>cloudflare</html>")

    with (
        make_client(handler, recorder, max_retries=0) as client,
        pytest.raises(APIStatusError) as info,
    ):
        client.jobs.get(JOB_ID)
    assert info.value.status_code == status
    assert type(info.value) is (InternalServerError if status >= 500 else APIStatusError)


@pytest.mark.parametrize("status", sorted(EXPECTED))
def test_every_status_through_the_client(recorder: Recorder, status: int) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return json_response(status, error_body(status))

    with make_client(handler, recorder, max_retries=0) as client, pytest.raises(EXPECTED[status]):
        client.jobs.get(JOB_ID)


def test_undocumented_error_status_for_an_operation(recorder: Recorder) -> None:
    # 413 is not documented for GET /jobs/{id}: the generated parser would return None.
    def handler(request: httpx.Request) -> httpx.Response:
        return json_response(413, error_body(413))

    with make_client(handler, recorder) as client, pytest.raises(PayloadTooLargeError):
        client.jobs.get(JOB_ID)


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(200, content=b"not json"),
        httpx.Response(200, json={"id": "x"}),
        httpx.Response(204),
        httpx.Response(299, json=job_json()),
        httpx.Response(302, headers={"location": "http://elsewhere/"}),
    ],
)
def test_bad_success_bodies(recorder: Recorder, response: httpx.Response) -> None:
    with (
        make_client(lambda r: response, recorder) as client,
        pytest.raises(APIResponseValidationError),
    ):
        client.jobs.get(JOB_ID)


def test_async_error_mapping(recorder: Recorder) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(521, content=b"origin down")

    async def run() -> None:
        async with make_async_client(handler, recorder, max_retries=1) as client:
            with pytest.raises(InternalServerError) as info:
                await client.jobs.get(JOB_ID)
            assert info.value.status_code == 521

    asyncio.run(run())
    assert len(recorder.requests) == 2


def test_async_connection_error(recorder: Recorder) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadError("reset", request=request)

    async def run() -> None:
        async with make_async_client(handler, recorder, max_retries=0) as client:
            with pytest.raises(APIConnectionError):
                await client.whoami()

    asyncio.run(run())


# ---------------------------------------------------------------- the key stays secret


def test_missing_key_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IONQ_API_KEY", raising=False)
    with pytest.raises(IonQError, match="IONQ_API_KEY"):
        IonQ()
    with pytest.raises(IonQError, match="IONQ_API_KEY"):
        AsyncIonQ(api_key="  ")


def test_environment_configures_the_client(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IONQ_API_KEY", API_KEY)
    monkeypatch.setenv("IONQ_BASE_URL", "http://example.test/v0.4/")
    with IonQ() as client:
        assert client.base_url == "http://example.test/v0.4"
    monkeypatch.delenv("IONQ_BASE_URL")
    with IonQ() as client:
        assert client.base_url == "https://api.ionq.co/v0.4"


def test_key_is_sent_with_the_api_key_prefix(recorder: Recorder) -> None:
    with make_client(lambda r: json_response(200, job_json()), recorder) as client:
        client.jobs.get(JOB_ID)
    assert recorder.requests[0].headers["authorization"] == f"apiKey {API_KEY}"
    assert recorder.requests[0].headers["user-agent"].startswith("ionq-client/")


def test_key_never_in_repr_str_or_exceptions(
    recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "PUT":
            raise httpx.ConnectError("refused", request=request)
        return json_response(401, error_body(401, "Invalid key provided"))

    caplog.set_level(logging.DEBUG, logger="ionq_client")
    texts: list[str] = []
    with make_client(handler, recorder, max_retries=1) as client:
        texts += [repr(client), str(client), repr(client.jobs), repr(client._api)]
        texts += [repr(client._http.headers), repr(vars(client))]
        for call in (lambda: client.jobs.get(JOB_ID), lambda: client.jobs.cancel(JOB_ID)):
            with pytest.raises(APIError) as info:
                call()
            error = info.value
            texts += [str(error), repr(error), repr(error.args), repr(vars(error))]
            texts.append(repr(error.request))
    texts += [r.getMessage() for r in caplog.records]
    assert any("[REDACTED]" in t for t in texts), "the request headers were logged"
    for text in texts:
        assert API_KEY not in text


def test_logs_redact_authorization(recorder: Recorder, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="ionq_client")
    handler_calls = iter([json_response(503, error_body(503)), json_response(200, job_json())])
    with make_client(lambda r: next(handler_calls), recorder) as client:
        client.jobs.get(JOB_ID)
    messages = [r.getMessage() for r in caplog.records]
    assert any("retrying GET" in m for m in messages)
    assert any(
        "'Authorization': '[REDACTED]'" in m or "'authorization': '[REDACTED]'" in m
        for m in messages
    )
    assert all(API_KEY not in m for m in messages)
