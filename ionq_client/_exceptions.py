"""The exceptions `ionq_client` raises, one class per kind of failure.

The tree::

    IonQError
    ├── ValidationError (also a ValueError)   rejected before sending: names the `key`
    ├── APIError
    │   ├── APIStatusError                    the server answered 4xx or 5xx
    │   │   ├── BadRequestError               400, with `validation_keys`, `validation_source`
    │   │   ├── AuthenticationError           401
    │   │   ├── PermissionDeniedError         403
    │   │   ├── NotFoundError                 404
    │   │   ├── ConflictError                 409
    │   │   ├── PayloadTooLargeError          413
    │   │   ├── RateLimitError                429, with `retry_after`
    │   │   └── InternalServerError           500-599 (520-529 from Cloudflare included)
    │   ├── APIConnectionError                no answer: refused, reset, DNS, protocol error
    │   │   └── APITimeoutError               no answer in time
    │   ├── APIResponseValidationError        a 2xx whose body is not what the contract says
    │   └── OutcomeUnknownError               a write's answer was lost and the check failed
    ├── JobFailedError                        `wait` saw the job fail or be cancelled
    └── JobTimeoutError                       `wait` gave up before the job finished

Every `APIStatusError` carries `status_code`, the parsed `body` (a dict, or the text when the
body is not JSON) and `request_id` (the `x-request-id` header, when present). A status code
with no class of its own maps to the nearest family: another 4xx to `APIStatusError`, any 5xx
to `InternalServerError`. None of these exceptions ever holds the API key. No httpx
exception escapes: a failure in any phase of an exchange (connecting, sending, reading the
headers or the body, decoding it) is an `APIConnectionError`.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from ionq_client._jobs import AnyJob as Job

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "IonQError",
    "JobFailedError",
    "JobTimeoutError",
    "NotFoundError",
    "OutcomeUnknownError",
    "PayloadTooLargeError",
    "PermissionDeniedError",
    "RateLimitError",
    "ValidationError",
    "make_status_error",
]


class IonQError(Exception):
    """The base of every exception this package raises."""


class ValidationError(IonQError, ValueError):
    """An argument broke a limit of the contract; nothing was sent.

    `key` names the offending argument or field (e.g. `metadata`, `metadata.team`, `shots`).
    """

    def __init__(self, message: str, *, key: str) -> None:
        super().__init__(message)
        self.key = key


class APIError(IonQError):
    """A request to the API failed. `request` is the last request sent (never its headers' key)."""

    def __init__(self, message: str, *, request: httpx.Request | None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request


class APIConnectionError(APIError):
    """No answer came back: the connection failed, was reset, or broke the protocol.

    `sent` is False when the request certainly never reached the server (no connection was
    made, or the call's deadline passed before it was sent), else None (it may have).
    """

    def __init__(
        self,
        message: str = "Connection error.",
        *,
        request: httpx.Request | None = None,
        sent: bool | None = None,
    ) -> None:
        super().__init__(message, request=request)
        self.sent = sent


class APITimeoutError(APIConnectionError):
    """No answer came back within the timeout."""

    def __init__(
        self,
        message: str = "Request timed out.",
        *,
        request: httpx.Request | None = None,
        sent: bool | None = None,
    ) -> None:
        super().__init__(message, request=request, sent=sent)


class APIResponseValidationError(APIError):
    """A successful status whose body the contract does not allow (not JSON, wrong shape)."""

    def __init__(self, message: str, *, response: httpx.Response | None = None) -> None:
        super().__init__(message, request=response.request if response is not None else None)
        self.response = response
        self.status_code = response.status_code if response is not None else None


class APIStatusError(APIError):
    """The server answered with a 4xx or 5xx status."""

    status_code: int

    def __init__(self, message: str, *, response: httpx.Response, body: object) -> None:
        super().__init__(message, request=response.request)
        self.response = response
        self.status_code = response.status_code
        self.body = body
        self.request_id: str | None = response.headers.get("x-request-id")
        #: How many times the request was sent (more than 1 when it was retried).
        self.attempts = 1

    def __str__(self) -> str:
        rid = f" (request id {self.request_id})" if self.request_id else ""
        return f"{self.status_code}: {self.message}{rid}"


class BadRequestError(APIStatusError):
    """400: the request was invalid; `validation_keys` names the offending fields."""

    def __init__(self, message: str, *, response: httpx.Response, body: object) -> None:
        super().__init__(message, response=response, body=body)
        validation = body.get("validation") if isinstance(body, dict) else None
        keys = validation.get("keys") if isinstance(validation, dict) else None
        source = validation.get("source") if isinstance(validation, dict) else None
        self.validation_keys: list[str] = [str(k) for k in keys] if isinstance(keys, list) else []
        self.validation_source: str | None = source if isinstance(source, str) else None


class AuthenticationError(APIStatusError):
    """401: the API key is missing, malformed or revoked."""


class PermissionDeniedError(APIStatusError):
    """403: the key may not do this."""


class NotFoundError(APIStatusError):
    """404: no such resource (or, for results, the job has not completed)."""


class ConflictError(APIStatusError):
    """409: a conflict (Cloudflare sends these transiently; GETs are retried)."""


class PayloadTooLargeError(APIStatusError):
    """413: the request body is over the server's limit (10 MB)."""


class RateLimitError(APIStatusError):
    """429: too many requests. `retry_after` is the server's `Retry-After`, in seconds."""

    def __init__(self, message: str, *, response: httpx.Response, body: object) -> None:
        super().__init__(message, response=response, body=body)
        # Imported here: _retry imports nothing from this module, but keep the graph simple.
        from ionq_client._retry import parse_retry_after

        self.retry_after: float | None = parse_retry_after(response.headers.get("retry-after"))


class InternalServerError(APIStatusError):
    """5xx: the server (or a proxy in front of it) failed."""


class OutcomeUnknownError(APIError):
    """A write failed after the server may have acted on it, and looking it up failed too.

    Raised by every write (create, clone, move, update, cancel, delete, and session create
    and end) when its answer was lost (a 5xx, a timeout, a dropped connection once the
    request was sent) and the check that follows could not tell whether it happened: the
    look-up failed, ran out of time or pages, or a create carried no look-up token
    (`create_token=False`). Any other exception from a write means it was not applied.

    `action` says what was attempted ("create a job"), `cause` is the failure that made it
    ambiguous, and `token` the look-up token a created job would carry in its metadata
    (`ionq_client_create_token`), so the caller can look for it later.
    """

    def __init__(self, action: str, cause: IonQError, *, why: str, token: str | None = None):
        self.action = action
        self.cause = cause
        self.why = why
        self.token = token
        request = cause.request if isinstance(cause, APIError) else None
        super().__init__(
            f"{action}: outcome unknown ({why}); it failed with: {cause}", request=request
        )


class JobFailedError(IonQError):
    """`wait` saw the job end `failed` or `canceled`.

    `code` and `failure_message` are the job's `failure.code` and `failure.message`
    (`None` for a cancelled job); `job` is the job as last read.
    """

    def __init__(self, job: Job) -> None:
        self.job = job
        self.job_id = str(job.id)
        self.status: str = job.status
        failure = job.failure
        self.code: str | None = failure.code if failure is not None else None
        self.failure_message: str | None = failure.message if failure is not None else None
        if job.status == "canceled":
            text = f"job {self.job_id} was canceled"
        else:
            text = f"job {self.job_id} failed: {self.code}: {self.failure_message}"
        super().__init__(text)


class JobTimeoutError(IonQError):
    """`wait` gave up: the job was not in a terminal state after `timeout` seconds."""

    def __init__(self, job_id: str, timeout: float, last_status: str | None) -> None:
        self.job_id = job_id
        self.timeout = timeout
        self.last_status = last_status
        super().__init__(
            f"job {job_id} still {last_status or 'unknown'} after {timeout:g} s of waiting"
        )


_STATUS_CLASSES: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    413: PayloadTooLargeError,
    429: RateLimitError,
}


def _decode_body(response: httpx.Response) -> Any:
    """The body as JSON when it parses, else its text: proxies send HTML error pages."""
    content = response.content
    if not content:
        return None
    try:
        return json.loads(content)
    except ValueError:
        return response.text


def make_status_error(response: httpx.Response, *, attempts: int = 1) -> APIStatusError:
    """Map a 4xx/5xx response (already read) to its exception class; never raises itself."""
    status = response.status_code
    cls = _STATUS_CLASSES.get(status)
    if cls is None:
        cls = InternalServerError if status >= 500 else APIStatusError
    body = _decode_body(response)
    message: str | None = None
    if isinstance(body, dict):
        raw = body.get("message") or body.get("error")
        if isinstance(raw, str):
            message = raw
    elif isinstance(body, str) and body.strip():
        message = body.strip()[:200]
    if message is None:
        message = response.reason_phrase or "HTTP error"
    error = cls(message, response=response, body=body)
    error.attempts = attempts
    return error
