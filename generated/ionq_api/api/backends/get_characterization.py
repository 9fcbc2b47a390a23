from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bad_request_error import BadRequestError
from ...models.characterization import Characterization
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    backend: str,
    characterization_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/backends/{backend}/characterizations/{characterization_id}".format(
            backend=quote(str(backend), safe=""),
            characterization_id=quote(str(characterization_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BadRequestError | Characterization | Error | None:
    if response.status_code == 200:
        response_200 = Characterization.from_dict(response.json())

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
) -> Response[BadRequestError | Characterization | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    backend: str,
    characterization_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[BadRequestError | Characterization | Error]:
    """Get a characterization

     One characterization of a backend. Needs an API key, unlike the other backend operations.

    Args:
        backend (str): A backend name as the service reports it: `simulator` or `qpu.<system>`
            (e.g.
            `qpu.forte-1`). Any string: it may name a backend newer than this document, or a
            retired one.
        characterization_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestError | Characterization | Error]
    """

    kwargs = _get_kwargs(
        backend=backend,
        characterization_id=characterization_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    backend: str,
    characterization_id: UUID,
    *,
    client: AuthenticatedClient,
) -> BadRequestError | Characterization | Error | None:
    """Get a characterization

     One characterization of a backend. Needs an API key, unlike the other backend operations.

    Args:
        backend (str): A backend name as the service reports it: `simulator` or `qpu.<system>`
            (e.g.
            `qpu.forte-1`). Any string: it may name a backend newer than this document, or a
            retired one.
        characterization_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestError | Characterization | Error
    """

    return sync_detailed(
        backend=backend,
        characterization_id=characterization_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    backend: str,
    characterization_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[BadRequestError | Characterization | Error]:
    """Get a characterization

     One characterization of a backend. Needs an API key, unlike the other backend operations.

    Args:
        backend (str): A backend name as the service reports it: `simulator` or `qpu.<system>`
            (e.g.
            `qpu.forte-1`). Any string: it may name a backend newer than this document, or a
            retired one.
        characterization_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestError | Characterization | Error]
    """

    kwargs = _get_kwargs(
        backend=backend,
        characterization_id=characterization_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    backend: str,
    characterization_id: UUID,
    *,
    client: AuthenticatedClient,
) -> BadRequestError | Characterization | Error | None:
    """Get a characterization

     One characterization of a backend. Needs an API key, unlike the other backend operations.

    Args:
        backend (str): A backend name as the service reports it: `simulator` or `qpu.<system>`
            (e.g.
            `qpu.forte-1`). Any string: it may name a backend newer than this document, or a
            retired one.
        characterization_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestError | Characterization | Error
    """

    return (
        await asyncio_detailed(
            backend=backend,
            characterization_id=characterization_id,
            client=client,
        )
    ).parsed
