from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bad_request_error import BadRequestError
from ...models.error import Error
from ...models.job import Job
from ...models.job_update import JobUpdate
from ...types import Response


def _get_kwargs(
    job_id: UUID,
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
) -> BadRequestError | Error | Job | None:
    if response.status_code == 200:
        response_200 = Job.from_dict(response.json())

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
) -> Response[BadRequestError | Error | Job]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    job_id: UUID,
    *,
    client: AuthenticatedClient,
    body: JobUpdate,
) -> Response[BadRequestError | Error | Job]:
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
        job_id (UUID):
        body (JobUpdate): The fields of a job to change (extension). `name` replaces the name;
            `metadata` is
            merged key by key into the existing metadata.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestError | Error | Job]
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
    job_id: UUID,
    *,
    client: AuthenticatedClient,
    body: JobUpdate,
) -> BadRequestError | Error | Job | None:
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
        job_id (UUID):
        body (JobUpdate): The fields of a job to change (extension). `name` replaces the name;
            `metadata` is
            merged key by key into the existing metadata.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestError | Error | Job
    """

    return sync_detailed(
        job_id=job_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    job_id: UUID,
    *,
    client: AuthenticatedClient,
    body: JobUpdate,
) -> Response[BadRequestError | Error | Job]:
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
        job_id (UUID):
        body (JobUpdate): The fields of a job to change (extension). `name` replaces the name;
            `metadata` is
            merged key by key into the existing metadata.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestError | Error | Job]
    """

    kwargs = _get_kwargs(
        job_id=job_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    job_id: UUID,
    *,
    client: AuthenticatedClient,
    body: JobUpdate,
) -> BadRequestError | Error | Job | None:
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
        job_id (UUID):
        body (JobUpdate): The fields of a job to change (extension). `name` replaces the name;
            `metadata` is
            merged key by key into the existing metadata.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestError | Error | Job
    """

    return (
        await asyncio_detailed(
            job_id=job_id,
            client=client,
            body=body,
        )
    ).parsed
