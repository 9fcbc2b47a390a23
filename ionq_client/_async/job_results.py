"""A job's `Result`, assembled from what it stored: the downloads behind `jobs.results`.

`_result_parts` decides, free of I/O, which artifacts to download and how their content
(or the older `/results/probabilities` routes) becomes a `Result`; this module downloads
them, for a job and, for a multi-circuit job, for each child.
"""

from __future__ import annotations

import uuid
from typing import Any

from ionq_api.api.jobs import (
    get_job_artifact,
    get_job_probabilities,
    get_job_probabilities_aggregated,
)
from ionq_api.models.aggregated_probabilities import AggregatedProbabilities
from ionq_api.models.probabilities import Probabilities
from ionq_client._artifacts import read_aggregate
from ionq_client._async.caller import AsyncCaller
from ionq_client._async.listing import job_pages
from ionq_client._expect import artifact_content, expect
from ionq_client._jobs import AnyJob, ListedJob, job_result_descriptors
from ionq_client._params import given, job_list_params, to_uuid
from ionq_client._result_parts import (
    ResultParts,
    check_results_job,
    child_widths,
    children_page_size,
    extra_fetches,
    is_multi_circuit,
    legacy_aggregate,
    legacy_states,
    multi_result,
    probability_fetch,
    single_result,
)
from ionq_client._results import Result
from ionq_client._transport import CallOptions
from ionq_client._types import NOT_GIVEN, NotGiven

__all__ = ["download", "read_results"]


async def read_results(
    client: AsyncCaller,
    jid: uuid.UUID,
    job: AnyJob,
    extras: frozenset[str],
    sharpen: bool | NotGiven,
    options: CallOptions | None,
) -> Result:
    """The `Result` of `job` (read as `jid`), with the `extras` downloaded too."""
    check_results_job(job)
    descriptors = job_result_descriptors(job)
    multi = is_multi_circuit(job)
    fetch = probability_fetch(descriptors, multi=multi, sharpen=sharpen)
    if not multi:
        parts = ResultParts()
        if fetch is not None:
            parts.add(fetch, await download(client, jid, fetch.artifact_id, options))
        else:
            response = await client._call(
                get_job_probabilities.asyncio_detailed,
                jid,
                sharpen=given(sharpen),
                options=options,
            )
            parts.states = legacy_states(expect(response, Probabilities))
        for extra in extra_fetches(descriptors, extras):
            parts.add(extra, await download(client, jid, extra.artifact_id, options))
        return single_result(job, parts)
    if fetch is not None:
        per_child = read_aggregate(await download(client, jid, fetch.artifact_id, options))
    else:
        response = await client._call(
            get_job_probabilities_aggregated.asyncio_detailed,
            jid,
            sharpen=given(sharpen),
            options=options,
        )
        per_child = legacy_aggregate(expect(response, AggregatedProbabilities))
    # The parent's width is its widest circuit's: each child's own is on the child.
    params = job_list_params(
        status=NOT_GIVEN,
        backend=NOT_GIVEN,
        session_id=NOT_GIVEN,
        parent_job_id=jid,
        ids=NOT_GIVEN,
        limit=children_page_size(job),
    )
    children: list[ListedJob] = []
    async for child in job_pages(client, options, params):
        children.append(child)
    circuits = {cid: ResultParts(states=states) for cid, states in per_child.items()}
    for child in children:
        parts_of = circuits.get(str(child.id))
        if parts_of is None:
            continue
        for extra in extra_fetches(job_result_descriptors(child), extras):
            content = await download(client, to_uuid(child.id), extra.artifact_id, options)
            parts_of.add(extra, content)
    return multi_result(job, circuits, child_widths(children))


async def download(
    client: AsyncCaller, jid: uuid.UUID, artifact_id: str, options: CallOptions | None
) -> Any:
    """One artifact's JSON content, as it is."""
    response = await client._call(
        get_job_artifact.asyncio_detailed, jid, artifact_id, options=options
    )
    return artifact_content(response)
