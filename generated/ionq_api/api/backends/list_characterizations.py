import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bad_request_error import BadRequestError
from ...models.characterization_page import CharacterizationPage
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    backend: str,
    *,
    start: datetime.date | Unset = UNSET,
    end: datetime.date | Unset = UNSET,
    limit: int | Unset = 10,
    page: int | Unset = 1,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_start: str | Unset = UNSET
    if not isinstance(start, Unset):
        json_start = start.isoformat()
    params["start"] = json_start

    json_end: str | Unset = UNSET
    if not isinstance(end, Unset):
        json_end = end.isoformat()
    params["end"] = json_end

    params["limit"] = limit

    params["page"] = page

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/backends/{backend}/characterizations".format(
            backend=quote(str(backend), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BadRequestError | CharacterizationPage | Error | None:
    if response.status_code == 200:
        response_200 = CharacterizationPage.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = BadRequestError.from_dict(response.json())

        return response_400

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
) -> Response[BadRequestError | CharacterizationPage | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    backend: str,
    *,
    client: AuthenticatedClient | Client,
    start: datetime.date | Unset = UNSET,
    end: datetime.date | Unset = UNSET,
    limit: int | Unset = 10,
    page: int | Unset = 1,
) -> Response[BadRequestError | CharacterizationPage | Error]:
    """List a backend's characterizations

     The backend's characterizations (calibration measurements), newest first, one page at
    a time. This list pages with `page` and `limit`, not with a cursor. No API key needed.

    Args:
        backend (str): A backend name as the service reports it: `simulator` or `qpu.<system>`
            (e.g.
            `qpu.forte-1`). Any string: it may name a backend newer than this document, or a
            retired one.
        start (datetime.date | Unset):
        end (datetime.date | Unset):
        limit (int | Unset):  Default: 10.
        page (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestError | CharacterizationPage | Error]
    """

    kwargs = _get_kwargs(
        backend=backend,
        start=start,
        end=end,
        limit=limit,
        page=page,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    backend: str,
    *,
    client: AuthenticatedClient | Client,
    start: datetime.date | Unset = UNSET,
    end: datetime.date | Unset = UNSET,
    limit: int | Unset = 10,
    page: int | Unset = 1,
) -> BadRequestError | CharacterizationPage | Error | None:
    """List a backend's characterizations

     The backend's characterizations (calibration measurements), newest first, one page at
    a time. This list pages with `page` and `limit`, not with a cursor. No API key needed.

    Args:
        backend (str): A backend name as the service reports it: `simulator` or `qpu.<system>`
            (e.g.
            `qpu.forte-1`). Any string: it may name a backend newer than this document, or a
            retired one.
        start (datetime.date | Unset):
        end (datetime.date | Unset):
        limit (int | Unset):  Default: 10.
        page (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestError | CharacterizationPage | Error
    """

    return sync_detailed(
        backend=backend,
        client=client,
        start=start,
        end=end,
        limit=limit,
        page=page,
    ).parsed


async def asyncio_detailed(
    backend: str,
    *,
    client: AuthenticatedClient | Client,
    start: datetime.date | Unset = UNSET,
    end: datetime.date | Unset = UNSET,
    limit: int | Unset = 10,
    page: int | Unset = 1,
) -> Response[BadRequestError | CharacterizationPage | Error]:
    """List a backend's characterizations

     The backend's characterizations (calibration measurements), newest first, one page at
    a time. This list pages with `page` and `limit`, not with a cursor. No API key needed.

    Args:
        backend (str): A backend name as the service reports it: `simulator` or `qpu.<system>`
            (e.g.
            `qpu.forte-1`). Any string: it may name a backend newer than this document, or a
            retired one.
        start (datetime.date | Unset):
        end (datetime.date | Unset):
        limit (int | Unset):  Default: 10.
        page (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestError | CharacterizationPage | Error]
    """

    kwargs = _get_kwargs(
        backend=backend,
        start=start,
        end=end,
        limit=limit,
        page=page,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    backend: str,
    *,
    client: AuthenticatedClient | Client,
    start: datetime.date | Unset = UNSET,
    end: datetime.date | Unset = UNSET,
    limit: int | Unset = 10,
    page: int | Unset = 1,
) -> BadRequestError | CharacterizationPage | Error | None:
    """List a backend's characterizations

     The backend's characterizations (calibration measurements), newest first, one page at
    a time. This list pages with `page` and `limit`, not with a cursor. No API key needed.

    Args:
        backend (str): A backend name as the service reports it: `simulator` or `qpu.<system>`
            (e.g.
            `qpu.forte-1`). Any string: it may name a backend newer than this document, or a
            retired one.
        start (datetime.date | Unset):
        end (datetime.date | Unset):
        limit (int | Unset):  Default: 10.
        page (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestError | CharacterizationPage | Error
    """

    return (
        await asyncio_detailed(
            backend=backend,
            client=client,
            start=start,
            end=end,
            limit=limit,
            page=page,
        )
    ).parsed
