from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bad_request_error import BadRequestError
from ...models.error import Error
from ...models.format_schema import FormatSchema
from ...models.result_format import ResultFormat
from ...types import Response


def _get_kwargs(
    format_: ResultFormat,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/schemas/formats/{format_}".format(
            format_=quote(str(format_), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BadRequestError | Error | FormatSchema | None:
    if response.status_code == 200:
        response_200 = FormatSchema.from_dict(response.json())

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
) -> Response[BadRequestError | Error | FormatSchema]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    format_: ResultFormat,
    *,
    client: AuthenticatedClient,
) -> Response[BadRequestError | Error | FormatSchema]:
    """Get the JSON Schema of an artifact format

     The JSON Schema document that describes the content of artifacts in this format.

    Args:
        format_ (ResultFormat): The formats a job's artifacts come in (and `GET
            /schemas/formats/{format}` describes).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestError | Error | FormatSchema]
    """

    kwargs = _get_kwargs(
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    format_: ResultFormat,
    *,
    client: AuthenticatedClient,
) -> BadRequestError | Error | FormatSchema | None:
    """Get the JSON Schema of an artifact format

     The JSON Schema document that describes the content of artifacts in this format.

    Args:
        format_ (ResultFormat): The formats a job's artifacts come in (and `GET
            /schemas/formats/{format}` describes).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestError | Error | FormatSchema
    """

    return sync_detailed(
        format_=format_,
        client=client,
    ).parsed


async def asyncio_detailed(
    format_: ResultFormat,
    *,
    client: AuthenticatedClient,
) -> Response[BadRequestError | Error | FormatSchema]:
    """Get the JSON Schema of an artifact format

     The JSON Schema document that describes the content of artifacts in this format.

    Args:
        format_ (ResultFormat): The formats a job's artifacts come in (and `GET
            /schemas/formats/{format}` describes).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestError | Error | FormatSchema]
    """

    kwargs = _get_kwargs(
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    format_: ResultFormat,
    *,
    client: AuthenticatedClient,
) -> BadRequestError | Error | FormatSchema | None:
    """Get the JSON Schema of an artifact format

     The JSON Schema document that describes the content of artifacts in this format.

    Args:
        format_ (ResultFormat): The formats a job's artifacts come in (and `GET
            /schemas/formats/{format}` describes).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestError | Error | FormatSchema
    """

    return (
        await asyncio_detailed(
            format_=format_,
            client=client,
        )
    ).parsed
