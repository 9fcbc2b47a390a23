from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bad_request_error import BadRequestError
from ...models.error import Error
from ...models.job_page import JobPage
from ...models.job_status import JobStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    session_id_path: str,
    *,
    status: JobStatus | Unset = UNSET,
    target: str | Unset = UNSET,
    submitter_id: str | Unset = UNSET,
    session_id_query: str | Unset = UNSET,
    parent_job_id: UUID | Unset = UNSET,
    ids: list[UUID] | Unset = UNSET,
    limit: int | Unset = 25,
    next_: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status

    params["status"] = json_status

    params["target"] = target

    params["submitter_id"] = submitter_id

    params["session_id"] = session_id_query

    json_parent_job_id: str | Unset = UNSET
    if not isinstance(parent_job_id, Unset):
        json_parent_job_id = str(parent_job_id)
    params["parent_job_id"] = json_parent_job_id

    json_ids: list[str] | Unset = UNSET
    if not isinstance(ids, Unset):
        json_ids = []
        for ids_item_data in ids:
            ids_item = str(ids_item_data)
            json_ids.append(ids_item)

    params["ids"] = json_ids

    params["limit"] = limit

    params["next"] = next_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/sessions/{session_id_path}/jobs".format(
            session_id_path=quote(str(session_id_path), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BadRequestError | Error | JobPage | None:
    if response.status_code == 200:
        response_200 = JobPage.from_dict(response.json())

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
) -> Response[BadRequestError | Error | JobPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    session_id_path: str,
    *,
    client: AuthenticatedClient,
    status: JobStatus | Unset = UNSET,
    target: str | Unset = UNSET,
    submitter_id: str | Unset = UNSET,
    session_id_query: str | Unset = UNSET,
    parent_job_id: UUID | Unset = UNSET,
    ids: list[UUID] | Unset = UNSET,
    limit: int | Unset = 25,
    next_: str | Unset = UNSET,
) -> Response[BadRequestError | Error | JobPage]:
    """List a session's jobs

     The jobs submitted into a session, newest first, paged and filtered as for
    `listJobs`.

    Args:
        session_id_path (str):
        status (JobStatus | Unset): Where a job is in its life: `submitted` → `ready` (queued) →
            `started` (running) →
            `completed`, or `failed`, or `canceled`. The last three are terminal.
        target (str | Unset):
        submitter_id (str | Unset):
        session_id_query (str | Unset):
        parent_job_id (UUID | Unset):
        ids (list[UUID] | Unset):
        limit (int | Unset):  Default: 25.
        next_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestError | Error | JobPage]
    """

    kwargs = _get_kwargs(
        session_id_path=session_id_path,
        status=status,
        target=target,
        submitter_id=submitter_id,
        session_id_query=session_id_query,
        parent_job_id=parent_job_id,
        ids=ids,
        limit=limit,
        next_=next_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    session_id_path: str,
    *,
    client: AuthenticatedClient,
    status: JobStatus | Unset = UNSET,
    target: str | Unset = UNSET,
    submitter_id: str | Unset = UNSET,
    session_id_query: str | Unset = UNSET,
    parent_job_id: UUID | Unset = UNSET,
    ids: list[UUID] | Unset = UNSET,
    limit: int | Unset = 25,
    next_: str | Unset = UNSET,
) -> BadRequestError | Error | JobPage | None:
    """List a session's jobs

     The jobs submitted into a session, newest first, paged and filtered as for
    `listJobs`.

    Args:
        session_id_path (str):
        status (JobStatus | Unset): Where a job is in its life: `submitted` → `ready` (queued) →
            `started` (running) →
            `completed`, or `failed`, or `canceled`. The last three are terminal.
        target (str | Unset):
        submitter_id (str | Unset):
        session_id_query (str | Unset):
        parent_job_id (UUID | Unset):
        ids (list[UUID] | Unset):
        limit (int | Unset):  Default: 25.
        next_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestError | Error | JobPage
    """

    return sync_detailed(
        session_id_path=session_id_path,
        client=client,
        status=status,
        target=target,
        submitter_id=submitter_id,
        session_id_query=session_id_query,
        parent_job_id=parent_job_id,
        ids=ids,
        limit=limit,
        next_=next_,
    ).parsed


async def asyncio_detailed(
    session_id_path: str,
    *,
    client: AuthenticatedClient,
    status: JobStatus | Unset = UNSET,
    target: str | Unset = UNSET,
    submitter_id: str | Unset = UNSET,
    session_id_query: str | Unset = UNSET,
    parent_job_id: UUID | Unset = UNSET,
    ids: list[UUID] | Unset = UNSET,
    limit: int | Unset = 25,
    next_: str | Unset = UNSET,
) -> Response[BadRequestError | Error | JobPage]:
    """List a session's jobs

     The jobs submitted into a session, newest first, paged and filtered as for
    `listJobs`.

    Args:
        session_id_path (str):
        status (JobStatus | Unset): Where a job is in its life: `submitted` → `ready` (queued) →
            `started` (running) →
            `completed`, or `failed`, or `canceled`. The last three are terminal.
        target (str | Unset):
        submitter_id (str | Unset):
        session_id_query (str | Unset):
        parent_job_id (UUID | Unset):
        ids (list[UUID] | Unset):
        limit (int | Unset):  Default: 25.
        next_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestError | Error | JobPage]
    """

    kwargs = _get_kwargs(
        session_id_path=session_id_path,
        status=status,
        target=target,
        submitter_id=submitter_id,
        session_id_query=session_id_query,
        parent_job_id=parent_job_id,
        ids=ids,
        limit=limit,
        next_=next_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    session_id_path: str,
    *,
    client: AuthenticatedClient,
    status: JobStatus | Unset = UNSET,
    target: str | Unset = UNSET,
    submitter_id: str | Unset = UNSET,
    session_id_query: str | Unset = UNSET,
    parent_job_id: UUID | Unset = UNSET,
    ids: list[UUID] | Unset = UNSET,
    limit: int | Unset = 25,
    next_: str | Unset = UNSET,
) -> BadRequestError | Error | JobPage | None:
    """List a session's jobs

     The jobs submitted into a session, newest first, paged and filtered as for
    `listJobs`.

    Args:
        session_id_path (str):
        status (JobStatus | Unset): Where a job is in its life: `submitted` → `ready` (queued) →
            `started` (running) →
            `completed`, or `failed`, or `canceled`. The last three are terminal.
        target (str | Unset):
        submitter_id (str | Unset):
        session_id_query (str | Unset):
        parent_job_id (UUID | Unset):
        ids (list[UUID] | Unset):
        limit (int | Unset):  Default: 25.
        next_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestError | Error | JobPage
    """

    return (
        await asyncio_detailed(
            session_id_path=session_id_path,
            client=client,
            status=status,
            target=target,
            submitter_id=submitter_id,
            session_id_query=session_id_query,
            parent_job_id=parent_job_id,
            ids=ids,
            limit=limit,
            next_=next_,
        )
    ).parsed
