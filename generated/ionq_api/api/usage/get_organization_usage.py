import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.bad_request_error import BadRequestError
from ...models.error import Error
from ...models.usage_group_by import UsageGroupBy
from ...models.usage_modality import UsageModality
from ...models.usages import Usages
from ...types import UNSET, Response


def _get_kwargs(
    organization_id: str,
    *,
    start_date: datetime.date,
    end_date: datetime.date,
    group_by: UsageGroupBy,
    modality: UsageModality,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_start_date = start_date.isoformat()
    params["start_date"] = json_start_date

    json_end_date = end_date.isoformat()
    params["end_date"] = json_end_date

    json_group_by: str = group_by
    params["group_by"] = json_group_by

    json_modality: str = modality
    params["modality"] = json_modality

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/organizations/{organization_id}/usage".format(
            organization_id=quote(str(organization_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BadRequestError | Error | Usages:
    if response.status_code == 200:
        response_200 = Usages.from_dict(response.json())

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

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BadRequestError | Error | Usages]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    organization_id: str,
    *,
    client: AuthenticatedClient,
    start_date: datetime.date,
    end_date: datetime.date,
    group_by: UsageGroupBy,
    modality: UsageModality,
) -> Response[BadRequestError | Error | Usages]:
    """Get an organization's usage

     What an organization's jobs cost and how much QPU time they used between two dates,
    by day, week or month, with the five costliest groups (jobs, projects or users) of
    each period.

    Args:
        organization_id (str):
        start_date (datetime.date):
        end_date (datetime.date):
        group_by (UsageGroupBy): What a usage report groups by.
        modality (UsageModality): The period a usage report is broken down by.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestError | Error | Usages]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        start_date=start_date,
        end_date=end_date,
        group_by=group_by,
        modality=modality,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    organization_id: str,
    *,
    client: AuthenticatedClient,
    start_date: datetime.date,
    end_date: datetime.date,
    group_by: UsageGroupBy,
    modality: UsageModality,
) -> BadRequestError | Error | Usages | None:
    """Get an organization's usage

     What an organization's jobs cost and how much QPU time they used between two dates,
    by day, week or month, with the five costliest groups (jobs, projects or users) of
    each period.

    Args:
        organization_id (str):
        start_date (datetime.date):
        end_date (datetime.date):
        group_by (UsageGroupBy): What a usage report groups by.
        modality (UsageModality): The period a usage report is broken down by.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestError | Error | Usages
    """

    return sync_detailed(
        organization_id=organization_id,
        client=client,
        start_date=start_date,
        end_date=end_date,
        group_by=group_by,
        modality=modality,
    ).parsed


async def asyncio_detailed(
    organization_id: str,
    *,
    client: AuthenticatedClient,
    start_date: datetime.date,
    end_date: datetime.date,
    group_by: UsageGroupBy,
    modality: UsageModality,
) -> Response[BadRequestError | Error | Usages]:
    """Get an organization's usage

     What an organization's jobs cost and how much QPU time they used between two dates,
    by day, week or month, with the five costliest groups (jobs, projects or users) of
    each period.

    Args:
        organization_id (str):
        start_date (datetime.date):
        end_date (datetime.date):
        group_by (UsageGroupBy): What a usage report groups by.
        modality (UsageModality): The period a usage report is broken down by.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestError | Error | Usages]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        start_date=start_date,
        end_date=end_date,
        group_by=group_by,
        modality=modality,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: str,
    *,
    client: AuthenticatedClient,
    start_date: datetime.date,
    end_date: datetime.date,
    group_by: UsageGroupBy,
    modality: UsageModality,
) -> BadRequestError | Error | Usages | None:
    """Get an organization's usage

     What an organization's jobs cost and how much QPU time they used between two dates,
    by day, week or month, with the five costliest groups (jobs, projects or users) of
    each period.

    Args:
        organization_id (str):
        start_date (datetime.date):
        end_date (datetime.date):
        group_by (UsageGroupBy): What a usage report groups by.
        modality (UsageModality): The period a usage report is broken down by.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestError | Error | Usages
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            client=client,
            start_date=start_date,
            end_date=end_date,
            group_by=group_by,
            modality=modality,
        )
    ).parsed
