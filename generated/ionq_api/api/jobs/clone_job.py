from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bad_request_error import BadRequestError
from ...models.clone_job_payload import CloneJobPayload
from ...models.error import Error
from ...models.job_created import JobCreated
from ...types import Response


def _get_kwargs(
    job_id: str,
    *,
    body: CloneJobPayload,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/jobs/{job_id}/clone".format(
            job_id=quote(str(job_id), safe=""),
        ),
    }

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
    job_id: str,
    *,
    client: AuthenticatedClient,
    body: CloneJobPayload,
) -> Response[BadRequestError | Error | JobCreated]:
    """Copy a job

     Submit a new job that runs the same program as this one. The body's fields replace
    the original's (a different backend, more shots, another session...); the original
    is left as it is.

    Args:
        job_id (str):
        body (CloneJobPayload): What to change in the copy of a job that `cloneJob` and `moveJob`
            make (IonQ's
            `CloneJobPayload`); every field is optional and the rest is the original's.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestError | Error | JobCreated]
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
    body: CloneJobPayload,
) -> BadRequestError | Error | JobCreated | None:
    """Copy a job

     Submit a new job that runs the same program as this one. The body's fields replace
    the original's (a different backend, more shots, another session...); the original
    is left as it is.

    Args:
        job_id (str):
        body (CloneJobPayload): What to change in the copy of a job that `cloneJob` and `moveJob`
            make (IonQ's
            `CloneJobPayload`); every field is optional and the rest is the original's.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestError | Error | JobCreated
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
    body: CloneJobPayload,
) -> Response[BadRequestError | Error | JobCreated]:
    """Copy a job

     Submit a new job that runs the same program as this one. The body's fields replace
    the original's (a different backend, more shots, another session...); the original
    is left as it is.

    Args:
        job_id (str):
        body (CloneJobPayload): What to change in the copy of a job that `cloneJob` and `moveJob`
            make (IonQ's
            `CloneJobPayload`); every field is optional and the rest is the original's.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestError | Error | JobCreated]
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
    body: CloneJobPayload,
) -> BadRequestError | Error | JobCreated | None:
    """Copy a job

     Submit a new job that runs the same program as this one. The body's fields replace
    the original's (a different backend, more shots, another session...); the original
    is left as it is.

    Args:
        job_id (str):
        body (CloneJobPayload): What to change in the copy of a job that `cloneJob` and `moveJob`
            make (IonQ's
            `CloneJobPayload`); every field is optional and the rest is the original's.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestError | Error | JobCreated
    """

    return (
        await asyncio_detailed(
            job_id=job_id,
            client=client,
            body=body,
        )
    ).parsed
