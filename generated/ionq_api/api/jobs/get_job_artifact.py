from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.aggregated_probabilities import AggregatedProbabilities
from ...models.bad_request_error import BadRequestError
from ...models.error import Error
from ...models.histogram import Histogram
from ...models.histogram_v2 import HistogramV2
from ...models.probabilities import Probabilities
from ...models.probabilities_v2 import ProbabilitiesV2
from ...models.shots_v2 import ShotsV2
from ...types import Response


def _get_kwargs(
    job_id: str,
    artifact_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/jobs/{job_id}/artifacts/{artifact_id}".format(
            job_id=quote(str(job_id), safe=""),
            artifact_id=quote(str(artifact_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    AggregatedProbabilities
    | Any
    | Histogram
    | HistogramV2
    | list[str]
    | Probabilities
    | ProbabilitiesV2
    | ShotsV2
    | BadRequestError
    | Error
    | None
):
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> (
            AggregatedProbabilities
            | Any
            | Histogram
            | HistogramV2
            | list[str]
            | Probabilities
            | ProbabilitiesV2
            | ShotsV2
        ):
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_artifact_content_type_0 = ProbabilitiesV2.from_dict(
                    data
                )

                return componentsschemas_artifact_content_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_artifact_content_type_1 = HistogramV2.from_dict(data)

                return componentsschemas_artifact_content_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_artifact_content_type_2 = ShotsV2.from_dict(data)

                return componentsschemas_artifact_content_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_artifact_content_type_3 = cast(list[str], data)

                return componentsschemas_artifact_content_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_artifact_content_type_4 = (
                    AggregatedProbabilities.from_dict(data)
                )

                return componentsschemas_artifact_content_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_artifact_content_type_5 = Probabilities.from_dict(
                    data
                )

                return componentsschemas_artifact_content_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_artifact_content_type_6 = Histogram.from_dict(data)

                return componentsschemas_artifact_content_type_6
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                AggregatedProbabilities
                | Any
                | Histogram
                | HistogramV2
                | list[str]
                | Probabilities
                | ProbabilitiesV2
                | ShotsV2,
                data,
            )

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
    AggregatedProbabilities
    | Any
    | Histogram
    | HistogramV2
    | list[str]
    | Probabilities
    | ProbabilitiesV2
    | ShotsV2
    | BadRequestError
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
    artifact_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[
    AggregatedProbabilities
    | Any
    | Histogram
    | HistogramV2
    | list[str]
    | Probabilities
    | ProbabilitiesV2
    | ShotsV2
    | BadRequestError
    | Error
]:
    """Download a job artifact

     The content of one of a job's artifacts: a result named in its `results` (or a
    debiasing variant's), or a compiled circuit named in
    `output.compilation.compiled_circuits`. The descriptor's `format` says the
    content's shape: `Probabilities`, `ProbabilitiesV2`, `Histogram`, `HistogramV2`,
    `Shots`, `ShotsV2` or `AggregatedProbabilities` for the `ionq.result.*` formats.

    Args:
        job_id (str):
        artifact_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AggregatedProbabilities | Any | Histogram | HistogramV2 | list[str] | Probabilities | ProbabilitiesV2 | ShotsV2 | BadRequestError | Error]
    """

    kwargs = _get_kwargs(
        job_id=job_id,
        artifact_id=artifact_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    job_id: str,
    artifact_id: str,
    *,
    client: AuthenticatedClient,
) -> (
    AggregatedProbabilities
    | Any
    | Histogram
    | HistogramV2
    | list[str]
    | Probabilities
    | ProbabilitiesV2
    | ShotsV2
    | BadRequestError
    | Error
    | None
):
    """Download a job artifact

     The content of one of a job's artifacts: a result named in its `results` (or a
    debiasing variant's), or a compiled circuit named in
    `output.compilation.compiled_circuits`. The descriptor's `format` says the
    content's shape: `Probabilities`, `ProbabilitiesV2`, `Histogram`, `HistogramV2`,
    `Shots`, `ShotsV2` or `AggregatedProbabilities` for the `ionq.result.*` formats.

    Args:
        job_id (str):
        artifact_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AggregatedProbabilities | Any | Histogram | HistogramV2 | list[str] | Probabilities | ProbabilitiesV2 | ShotsV2 | BadRequestError | Error
    """

    return sync_detailed(
        job_id=job_id,
        artifact_id=artifact_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    job_id: str,
    artifact_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[
    AggregatedProbabilities
    | Any
    | Histogram
    | HistogramV2
    | list[str]
    | Probabilities
    | ProbabilitiesV2
    | ShotsV2
    | BadRequestError
    | Error
]:
    """Download a job artifact

     The content of one of a job's artifacts: a result named in its `results` (or a
    debiasing variant's), or a compiled circuit named in
    `output.compilation.compiled_circuits`. The descriptor's `format` says the
    content's shape: `Probabilities`, `ProbabilitiesV2`, `Histogram`, `HistogramV2`,
    `Shots`, `ShotsV2` or `AggregatedProbabilities` for the `ionq.result.*` formats.

    Args:
        job_id (str):
        artifact_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AggregatedProbabilities | Any | Histogram | HistogramV2 | list[str] | Probabilities | ProbabilitiesV2 | ShotsV2 | BadRequestError | Error]
    """

    kwargs = _get_kwargs(
        job_id=job_id,
        artifact_id=artifact_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    job_id: str,
    artifact_id: str,
    *,
    client: AuthenticatedClient,
) -> (
    AggregatedProbabilities
    | Any
    | Histogram
    | HistogramV2
    | list[str]
    | Probabilities
    | ProbabilitiesV2
    | ShotsV2
    | BadRequestError
    | Error
    | None
):
    """Download a job artifact

     The content of one of a job's artifacts: a result named in its `results` (or a
    debiasing variant's), or a compiled circuit named in
    `output.compilation.compiled_circuits`. The descriptor's `format` says the
    content's shape: `Probabilities`, `ProbabilitiesV2`, `Histogram`, `HistogramV2`,
    `Shots`, `ShotsV2` or `AggregatedProbabilities` for the `ionq.result.*` formats.

    Args:
        job_id (str):
        artifact_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AggregatedProbabilities | Any | Histogram | HistogramV2 | list[str] | Probabilities | ProbabilitiesV2 | ShotsV2 | BadRequestError | Error
    """

    return (
        await asyncio_detailed(
            job_id=job_id,
            artifact_id=artifact_id,
            client=client,
        )
    ).parsed
