"""`ionq_client`: a typed, retrying, paginating client for IonQ's v0.4 REST API.

    from ionq_client import IonQ, Circuit

    client = IonQ()                                   # $IONQ_API_KEY, $IONQ_BASE_URL
    job = client.jobs.create(Circuit(2).h(0).cnot(0, 1), backend="simulator", shots=1000)
    client.jobs.wait(job.id)
    print(client.jobs.results(job.id).probabilities)  # {"00": 0.5, "11": 0.5}
    client.jobs.results(job.id, include=("histogram",)).counts()  # the measured counts

See docs/client.md for errors, retries, timeouts, pagination and the async client.
"""

from ionq_client._circuit import Circuit
from ionq_client._client import AsyncIonQ, IonQ
from ionq_client._config import DEFAULT_BASE_URL, DEFAULT_TIMEOUT
from ionq_client._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    IonQError,
    JobFailedError,
    JobTimeoutError,
    NotFoundError,
    OutcomeUnknownError,
    PayloadTooLargeError,
    PermissionDeniedError,
    RateLimitError,
    ValidationError,
)
from ionq_client._job_input import Qasm3
from ionq_client._jobs import AnyJob
from ionq_client._pagination import AsyncPage, AsyncPager, SyncPage
from ionq_client._polling import TERMINAL, UNSUCCESSFUL
from ionq_client._raw import RawResponse
from ionq_client._results import BIT_ORDER, CircuitResult, Result
from ionq_client._retry import DEFAULT_MAX_RETRIES
from ionq_client._types import NOT_GIVEN, NotGiven

__all__ = [
    "BIT_ORDER",
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "NOT_GIVEN",
    "TERMINAL",
    "UNSUCCESSFUL",
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AnyJob",
    "AsyncIonQ",
    "AsyncPage",
    "AsyncPager",
    "AuthenticationError",
    "BadRequestError",
    "Circuit",
    "CircuitResult",
    "ConflictError",
    "InternalServerError",
    "IonQ",
    "IonQError",
    "JobFailedError",
    "JobTimeoutError",
    "NotFoundError",
    "NotGiven",
    "OutcomeUnknownError",
    "PayloadTooLargeError",
    "PermissionDeniedError",
    "Qasm3",
    "RateLimitError",
    "RawResponse",
    "Result",
    "SyncPage",
    "ValidationError",
]
