from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.backend_name import BackendName
from ...models.bad_request_error import BadRequestError
from ...models.cost_estimate import CostEstimate
from ...models.error import Error
from ...models.job_type import JobType
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    backend: BackendName,
    type_: JobType | str | Unset = "ionq.circuit.v1",
    qubits: int | Unset = 25,
    shots: int | Unset = 1000,
    field_1q_gates: int | Unset = 0,
    field_2q_gates: int | Unset = 0,
    error_mitigation: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_backend: str = backend
    params["backend"] = json_backend

    json_type_: str | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    elif isinstance(type_, str):
        json_type_ = type_
    else:
        json_type_ = type_
    params["type"] = json_type_

    params["qubits"] = qubits

    params["shots"] = shots

    params["1q_gates"] = field_1q_gates

    params["2q_gates"] = field_2q_gates

    params["error_mitigation"] = error_mitigation

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/jobs/estimate",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BadRequestError | CostEstimate | Error | None:
    if response.status_code == 200:
        response_200 = CostEstimate.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = BadRequestError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

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
) -> Response[BadRequestError | CostEstimate | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    backend: BackendName,
    type_: JobType | str | Unset = "ionq.circuit.v1",
    qubits: int | Unset = 25,
    shots: int | Unset = 1000,
    field_1q_gates: int | Unset = 0,
    field_2q_gates: int | Unset = 0,
    error_mitigation: bool | Unset = False,
) -> Response[BadRequestError | CostEstimate | Error]:
    """Estimate the cost of a job

     Estimate what a job of the given shape would cost on a backend, and how long it would
    wait and run, without submitting anything.

    Args:
        backend (BackendName): A backend a job or session can be submitted to. The list is closed
            on purpose so a
            typo fails validation in the client (IonQ's document has a free string); backends
            that are read back (in jobs, `Backend`, `Session`) are typed `BackendId` instead, an
            open string, so a newly added backend never breaks a client.
        type_ (JobType | str | Unset):  Default: 'ionq.circuit.v1'.
        qubits (int | Unset):  Default: 25.
        shots (int | Unset):  Default: 1000.
        field_1q_gates (int | Unset):  Default: 0.
        field_2q_gates (int | Unset):  Default: 0.
        error_mitigation (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestError | CostEstimate | Error]
    """

    kwargs = _get_kwargs(
        backend=backend,
        type_=type_,
        qubits=qubits,
        shots=shots,
        field_1q_gates=field_1q_gates,
        field_2q_gates=field_2q_gates,
        error_mitigation=error_mitigation,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    backend: BackendName,
    type_: JobType | str | Unset = "ionq.circuit.v1",
    qubits: int | Unset = 25,
    shots: int | Unset = 1000,
    field_1q_gates: int | Unset = 0,
    field_2q_gates: int | Unset = 0,
    error_mitigation: bool | Unset = False,
) -> BadRequestError | CostEstimate | Error | None:
    """Estimate the cost of a job

     Estimate what a job of the given shape would cost on a backend, and how long it would
    wait and run, without submitting anything.

    Args:
        backend (BackendName): A backend a job or session can be submitted to. The list is closed
            on purpose so a
            typo fails validation in the client (IonQ's document has a free string); backends
            that are read back (in jobs, `Backend`, `Session`) are typed `BackendId` instead, an
            open string, so a newly added backend never breaks a client.
        type_ (JobType | str | Unset):  Default: 'ionq.circuit.v1'.
        qubits (int | Unset):  Default: 25.
        shots (int | Unset):  Default: 1000.
        field_1q_gates (int | Unset):  Default: 0.
        field_2q_gates (int | Unset):  Default: 0.
        error_mitigation (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestError | CostEstimate | Error
    """

    return sync_detailed(
        client=client,
        backend=backend,
        type_=type_,
        qubits=qubits,
        shots=shots,
        field_1q_gates=field_1q_gates,
        field_2q_gates=field_2q_gates,
        error_mitigation=error_mitigation,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    backend: BackendName,
    type_: JobType | str | Unset = "ionq.circuit.v1",
    qubits: int | Unset = 25,
    shots: int | Unset = 1000,
    field_1q_gates: int | Unset = 0,
    field_2q_gates: int | Unset = 0,
    error_mitigation: bool | Unset = False,
) -> Response[BadRequestError | CostEstimate | Error]:
    """Estimate the cost of a job

     Estimate what a job of the given shape would cost on a backend, and how long it would
    wait and run, without submitting anything.

    Args:
        backend (BackendName): A backend a job or session can be submitted to. The list is closed
            on purpose so a
            typo fails validation in the client (IonQ's document has a free string); backends
            that are read back (in jobs, `Backend`, `Session`) are typed `BackendId` instead, an
            open string, so a newly added backend never breaks a client.
        type_ (JobType | str | Unset):  Default: 'ionq.circuit.v1'.
        qubits (int | Unset):  Default: 25.
        shots (int | Unset):  Default: 1000.
        field_1q_gates (int | Unset):  Default: 0.
        field_2q_gates (int | Unset):  Default: 0.
        error_mitigation (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestError | CostEstimate | Error]
    """

    kwargs = _get_kwargs(
        backend=backend,
        type_=type_,
        qubits=qubits,
        shots=shots,
        field_1q_gates=field_1q_gates,
        field_2q_gates=field_2q_gates,
        error_mitigation=error_mitigation,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    backend: BackendName,
    type_: JobType | str | Unset = "ionq.circuit.v1",
    qubits: int | Unset = 25,
    shots: int | Unset = 1000,
    field_1q_gates: int | Unset = 0,
    field_2q_gates: int | Unset = 0,
    error_mitigation: bool | Unset = False,
) -> BadRequestError | CostEstimate | Error | None:
    """Estimate the cost of a job

     Estimate what a job of the given shape would cost on a backend, and how long it would
    wait and run, without submitting anything.

    Args:
        backend (BackendName): A backend a job or session can be submitted to. The list is closed
            on purpose so a
            typo fails validation in the client (IonQ's document has a free string); backends
            that are read back (in jobs, `Backend`, `Session`) are typed `BackendId` instead, an
            open string, so a newly added backend never breaks a client.
        type_ (JobType | str | Unset):  Default: 'ionq.circuit.v1'.
        qubits (int | Unset):  Default: 25.
        shots (int | Unset):  Default: 1000.
        field_1q_gates (int | Unset):  Default: 0.
        field_2q_gates (int | Unset):  Default: 0.
        error_mitigation (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestError | CostEstimate | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            backend=backend,
            type_=type_,
            qubits=qubits,
            shots=shots,
            field_1q_gates=field_1q_gates,
            field_2q_gates=field_2q_gates,
            error_mitigation=error_mitigation,
        )
    ).parsed
