from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bad_request_error import BadRequestError
from ...models.base_job import BaseJob
from ...models.error import Error
from ...models.job_update import JobUpdate
from ...models.multi_circuit_job import MultiCircuitJob
from ...models.qaoa_job import QaoaJob
from ...models.quantum_function_job import QuantumFunctionJob
from ...models.single_circuit_job import SingleCircuitJob
from ...types import Response


def _get_kwargs(
    job_id: str,
    *,
    body: JobUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/jobs/{job_id}".format(
            job_id=quote(str(job_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    BadRequestError
    | BaseJob
    | MultiCircuitJob
    | QaoaJob
    | QuantumFunctionJob
    | SingleCircuitJob
    | Error
    | None
):
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> (
            BaseJob | MultiCircuitJob | QaoaJob | QuantumFunctionJob | SingleCircuitJob
        ):
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_job_type_0 = SingleCircuitJob.from_dict(data)

                return componentsschemas_job_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_job_type_1 = MultiCircuitJob.from_dict(data)

                return componentsschemas_job_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_job_type_2 = QaoaJob.from_dict(data)

                return componentsschemas_job_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_job_type_3 = QuantumFunctionJob.from_dict(data)

                return componentsschemas_job_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_job_type_4 = BaseJob.from_dict(data)

            return componentsschemas_job_type_4

        response_200 = _parse_response_200(response.json())

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
) -> Response[
    BadRequestError
    | BaseJob
    | MultiCircuitJob
    | QaoaJob
    | QuantumFunctionJob
    | SingleCircuitJob
    | Error
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    job_id: str,
    *,
    client: AuthenticatedClient,
    body: JobUpdate,
) -> Response[
    BadRequestError
    | BaseJob
    | MultiCircuitJob
    | QaoaJob
    | QuantumFunctionJob
    | SingleCircuitJob
    | Error
]:
    """Rename a job or tag it with metadata

     **Extension**: not part of IonQ's published API (the product brief calls jobs
    updatable resources whose metadata users tag for later analysis).

    `name`, when given, replaces the job's name. `metadata`, when given, is merged into
    the job's metadata: each key it names is set to the given value, and keys it does not
    name are kept. The merged metadata must still satisfy the `Metadata` limits (at most
    10 keys): a request that is valid by itself but would leave the job with more keys
    conflicts with the job's current metadata, so the answer is 409 and nothing is
    changed. An empty body changes nothing. Any job status may be updated.

    Args:
        job_id (str):
        body (JobUpdate): The fields of a job to change (extension). `name` replaces the name;
            `metadata` is
            merged key by key into the existing metadata.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestError | BaseJob | MultiCircuitJob | QaoaJob | QuantumFunctionJob | SingleCircuitJob | Error]
    """

    kwargs = _get_kwargs(
        job_id=job_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    job_id: str,
    *,
    client: AuthenticatedClient,
    body: JobUpdate,
) -> (
    BadRequestError
    | BaseJob
    | MultiCircuitJob
    | QaoaJob
    | QuantumFunctionJob
    | SingleCircuitJob
    | Error
    | None
):
    """Rename a job or tag it with metadata

     **Extension**: not part of IonQ's published API (the product brief calls jobs
    updatable resources whose metadata users tag for later analysis).

    `name`, when given, replaces the job's name. `metadata`, when given, is merged into
    the job's metadata: each key it names is set to the given value, and keys it does not
    name are kept. The merged metadata must still satisfy the `Metadata` limits (at most
    10 keys): a request that is valid by itself but would leave the job with more keys
    conflicts with the job's current metadata, so the answer is 409 and nothing is
    changed. An empty body changes nothing. Any job status may be updated.

    Args:
        job_id (str):
        body (JobUpdate): The fields of a job to change (extension). `name` replaces the name;
            `metadata` is
            merged key by key into the existing metadata.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestError | BaseJob | MultiCircuitJob | QaoaJob | QuantumFunctionJob | SingleCircuitJob | Error
    """

    return sync_detailed(
        job_id=job_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    job_id: str,
    *,
    client: AuthenticatedClient,
    body: JobUpdate,
) -> Response[
    BadRequestError
    | BaseJob
    | MultiCircuitJob
    | QaoaJob
    | QuantumFunctionJob
    | SingleCircuitJob
    | Error
]:
    """Rename a job or tag it with metadata

     **Extension**: not part of IonQ's published API (the product brief calls jobs
    updatable resources whose metadata users tag for later analysis).

    `name`, when given, replaces the job's name. `metadata`, when given, is merged into
    the job's metadata: each key it names is set to the given value, and keys it does not
    name are kept. The merged metadata must still satisfy the `Metadata` limits (at most
    10 keys): a request that is valid by itself but would leave the job with more keys
    conflicts with the job's current metadata, so the answer is 409 and nothing is
    changed. An empty body changes nothing. Any job status may be updated.

    Args:
        job_id (str):
        body (JobUpdate): The fields of a job to change (extension). `name` replaces the name;
            `metadata` is
            merged key by key into the existing metadata.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestError | BaseJob | MultiCircuitJob | QaoaJob | QuantumFunctionJob | SingleCircuitJob | Error]
    """

    kwargs = _get_kwargs(
        job_id=job_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    job_id: str,
    *,
    client: AuthenticatedClient,
    body: JobUpdate,
) -> (
    BadRequestError
    | BaseJob
    | MultiCircuitJob
    | QaoaJob
    | QuantumFunctionJob
    | SingleCircuitJob
    | Error
    | None
):
    """Rename a job or tag it with metadata

     **Extension**: not part of IonQ's published API (the product brief calls jobs
    updatable resources whose metadata users tag for later analysis).

    `name`, when given, replaces the job's name. `metadata`, when given, is merged into
    the job's metadata: each key it names is set to the given value, and keys it does not
    name are kept. The merged metadata must still satisfy the `Metadata` limits (at most
    10 keys): a request that is valid by itself but would leave the job with more keys
    conflicts with the job's current metadata, so the answer is 409 and nothing is
    changed. An empty body changes nothing. Any job status may be updated.

    Args:
        job_id (str):
        body (JobUpdate): The fields of a job to change (extension). `name` replaces the name;
            `metadata` is
            merged key by key into the existing metadata.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestError | BaseJob | MultiCircuitJob | QaoaJob | QuantumFunctionJob | SingleCircuitJob | Error
    """

    return (
        await asyncio_detailed(
            job_id=job_id,
            client=client,
            body=body,
        )
    ).parsed
