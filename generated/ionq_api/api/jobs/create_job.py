from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bad_request_error import BadRequestError
from ...models.circuit_job_create import CircuitJobCreate
from ...models.error import Error
from ...models.job_created import JobCreated
from ...models.multi_circuit_job_create import MultiCircuitJobCreate
from ...models.qaoa_job_create import QaoaJobCreate
from ...models.qasm_3_job_create import Qasm3JobCreate
from ...models.quantum_function_job_create import QuantumFunctionJobCreate
from ...types import Response


def _get_kwargs(
    *,
    body: CircuitJobCreate
    | MultiCircuitJobCreate
    | QaoaJobCreate
    | Qasm3JobCreate
    | QuantumFunctionJobCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/jobs",
    }

    if isinstance(body, CircuitJobCreate):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, Qasm3JobCreate):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, MultiCircuitJobCreate):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, QuantumFunctionJobCreate):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BadRequestError | Error | JobCreated | None:
    if response.status_code == 201:
        response_201 = JobCreated.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = BadRequestError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if response.status_code == 502:
        response_502 = Error.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BadRequestError | Error | JobCreated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CircuitJobCreate
    | MultiCircuitJobCreate
    | QaoaJobCreate
    | Qasm3JobCreate
    | QuantumFunctionJobCreate,
) -> Response[BadRequestError | Error | JobCreated]:
    """Create a job

     Submit a quantum program to a backend. The program is a single circuit
    (`type: ionq.circuit.v1`) or up to 5,000 circuits run as one job
    (`type: ionq.multi-circuit.v1`); each circuit uses either the `qis` or the `native`
    gate set. The answer carries the new job's id; follow the job with `getJob`.

    With `dry_run: true` the job is validated and costed but never run: it goes
    straight to `completed`, with `results: null`, and its probabilities answer 404.
    A body the schema rejects is answered with 400 naming the offending keys, and
    nothing is stored. Rules the schema cannot state (a qubit index below
    `input.qubits`, a control distinct from the target, at most 150,000 gates in total,
    the backend's qubit count, at least 500 shots for debiasing, an active session on
    the same backend) are checked after the job is accepted, as IonQ's service does: the
    job is created (201) and then fails, with `failure.code` saying why (`InvalidInput`,
    `NotEnoughQubits`, `TooManyGates`, `TooManyControls`, `UnsupportedGate`...) and
    `failure.message` naming the gate or field. An unknown `session_id` is answered with
    404. A body over 10 MB is answered with 413.

    Args:
        body (CircuitJobCreate | MultiCircuitJobCreate | QaoaJobCreate | Qasm3JobCreate |
            QuantumFunctionJobCreate): A job submission; `type` says which program format `input`
            holds. (IonQ's document
            also lets an `ionq.circuit.v1` job hold an OpenQASM program; here that is the
            `ionq.qasm3.v1` type, which is what the clients send.)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestError | Error | JobCreated]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CircuitJobCreate
    | MultiCircuitJobCreate
    | QaoaJobCreate
    | Qasm3JobCreate
    | QuantumFunctionJobCreate,
) -> BadRequestError | Error | JobCreated | None:
    """Create a job

     Submit a quantum program to a backend. The program is a single circuit
    (`type: ionq.circuit.v1`) or up to 5,000 circuits run as one job
    (`type: ionq.multi-circuit.v1`); each circuit uses either the `qis` or the `native`
    gate set. The answer carries the new job's id; follow the job with `getJob`.

    With `dry_run: true` the job is validated and costed but never run: it goes
    straight to `completed`, with `results: null`, and its probabilities answer 404.
    A body the schema rejects is answered with 400 naming the offending keys, and
    nothing is stored. Rules the schema cannot state (a qubit index below
    `input.qubits`, a control distinct from the target, at most 150,000 gates in total,
    the backend's qubit count, at least 500 shots for debiasing, an active session on
    the same backend) are checked after the job is accepted, as IonQ's service does: the
    job is created (201) and then fails, with `failure.code` saying why (`InvalidInput`,
    `NotEnoughQubits`, `TooManyGates`, `TooManyControls`, `UnsupportedGate`...) and
    `failure.message` naming the gate or field. An unknown `session_id` is answered with
    404. A body over 10 MB is answered with 413.

    Args:
        body (CircuitJobCreate | MultiCircuitJobCreate | QaoaJobCreate | Qasm3JobCreate |
            QuantumFunctionJobCreate): A job submission; `type` says which program format `input`
            holds. (IonQ's document
            also lets an `ionq.circuit.v1` job hold an OpenQASM program; here that is the
            `ionq.qasm3.v1` type, which is what the clients send.)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestError | Error | JobCreated
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CircuitJobCreate
    | MultiCircuitJobCreate
    | QaoaJobCreate
    | Qasm3JobCreate
    | QuantumFunctionJobCreate,
) -> Response[BadRequestError | Error | JobCreated]:
    """Create a job

     Submit a quantum program to a backend. The program is a single circuit
    (`type: ionq.circuit.v1`) or up to 5,000 circuits run as one job
    (`type: ionq.multi-circuit.v1`); each circuit uses either the `qis` or the `native`
    gate set. The answer carries the new job's id; follow the job with `getJob`.

    With `dry_run: true` the job is validated and costed but never run: it goes
    straight to `completed`, with `results: null`, and its probabilities answer 404.
    A body the schema rejects is answered with 400 naming the offending keys, and
    nothing is stored. Rules the schema cannot state (a qubit index below
    `input.qubits`, a control distinct from the target, at most 150,000 gates in total,
    the backend's qubit count, at least 500 shots for debiasing, an active session on
    the same backend) are checked after the job is accepted, as IonQ's service does: the
    job is created (201) and then fails, with `failure.code` saying why (`InvalidInput`,
    `NotEnoughQubits`, `TooManyGates`, `TooManyControls`, `UnsupportedGate`...) and
    `failure.message` naming the gate or field. An unknown `session_id` is answered with
    404. A body over 10 MB is answered with 413.

    Args:
        body (CircuitJobCreate | MultiCircuitJobCreate | QaoaJobCreate | Qasm3JobCreate |
            QuantumFunctionJobCreate): A job submission; `type` says which program format `input`
            holds. (IonQ's document
            also lets an `ionq.circuit.v1` job hold an OpenQASM program; here that is the
            `ionq.qasm3.v1` type, which is what the clients send.)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestError | Error | JobCreated]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CircuitJobCreate
    | MultiCircuitJobCreate
    | QaoaJobCreate
    | Qasm3JobCreate
    | QuantumFunctionJobCreate,
) -> BadRequestError | Error | JobCreated | None:
    """Create a job

     Submit a quantum program to a backend. The program is a single circuit
    (`type: ionq.circuit.v1`) or up to 5,000 circuits run as one job
    (`type: ionq.multi-circuit.v1`); each circuit uses either the `qis` or the `native`
    gate set. The answer carries the new job's id; follow the job with `getJob`.

    With `dry_run: true` the job is validated and costed but never run: it goes
    straight to `completed`, with `results: null`, and its probabilities answer 404.
    A body the schema rejects is answered with 400 naming the offending keys, and
    nothing is stored. Rules the schema cannot state (a qubit index below
    `input.qubits`, a control distinct from the target, at most 150,000 gates in total,
    the backend's qubit count, at least 500 shots for debiasing, an active session on
    the same backend) are checked after the job is accepted, as IonQ's service does: the
    job is created (201) and then fails, with `failure.code` saying why (`InvalidInput`,
    `NotEnoughQubits`, `TooManyGates`, `TooManyControls`, `UnsupportedGate`...) and
    `failure.message` naming the gate or field. An unknown `session_id` is answered with
    404. A body over 10 MB is answered with 413.

    Args:
        body (CircuitJobCreate | MultiCircuitJobCreate | QaoaJobCreate | Qasm3JobCreate |
            QuantumFunctionJobCreate): A job submission; `type` says which program format `input`
            holds. (IonQ's document
            also lets an `ionq.circuit.v1` job hold an OpenQASM program; here that is the
            `ionq.qasm3.v1` type, which is what the clients send.)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestError | Error | JobCreated
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
