from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bad_request_error import BadRequestError
from ...models.error import Error
from ...models.job_ids import JobIds
from ...models.jobs_canceled import JobsCanceled
from ...types import Response


def _get_kwargs(
    *,
    body: JobIds,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/jobs/status/cancel",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BadRequestError | Error | JobsCanceled | None:
    if response.status_code == 200:
        response_200 = JobsCanceled.from_dict(response.json())

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
) -> Response[BadRequestError | Error | JobsCanceled]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: JobIds,
) -> Response[BadRequestError | Error | JobsCanceled]:
    """Cancel several jobs

     Cancel the named jobs. Jobs already in a terminal state (completed, failed,
    canceled) are left as they are. The request is all-or-nothing: if any id names no
    job visible to the key, nothing is cancelled and the answer is 404.

    Args:
        body (JobIds): The ids of the jobs a bulk operation acts on.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestError | Error | JobsCanceled]
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
    body: JobIds,
) -> BadRequestError | Error | JobsCanceled | None:
    """Cancel several jobs

     Cancel the named jobs. Jobs already in a terminal state (completed, failed,
    canceled) are left as they are. The request is all-or-nothing: if any id names no
    job visible to the key, nothing is cancelled and the answer is 404.

    Args:
        body (JobIds): The ids of the jobs a bulk operation acts on.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestError | Error | JobsCanceled
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: JobIds,
) -> Response[BadRequestError | Error | JobsCanceled]:
    """Cancel several jobs

     Cancel the named jobs. Jobs already in a terminal state (completed, failed,
    canceled) are left as they are. The request is all-or-nothing: if any id names no
    job visible to the key, nothing is cancelled and the answer is 404.

    Args:
        body (JobIds): The ids of the jobs a bulk operation acts on.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestError | Error | JobsCanceled]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: JobIds,
) -> BadRequestError | Error | JobsCanceled | None:
    """Cancel several jobs

     Cancel the named jobs. Jobs already in a terminal state (completed, failed,
    canceled) are left as they are. The request is all-or-nothing: if any id names no
    job visible to the key, nothing is cancelled and the answer is 404.

    Args:
        body (JobIds): The ids of the jobs a bulk operation acts on.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestError | Error | JobsCanceled
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
