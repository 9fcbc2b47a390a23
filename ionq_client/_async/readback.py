"""After a write whose answer was lost, find out what happened before anything is resent.

A create is retried only once the newest jobs show it was not stored (its token is in
none of them); an update or a cancel is read back; a batch delete that finds its jobs gone
looks for any left. What counts as "it happened" is decided in `_readback`, free of I/O;
this module does the reading.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Sequence

from ionq_api.api.jobs import create_job, get_job
from ionq_api.models.job_created import JobCreated
from ionq_api.types import Unset
from ionq_client._async.caller import AsyncCaller
from ionq_client._async.listing import job_pages
from ionq_client._build import CreateBody, Tag
from ionq_client._calls import per_call
from ionq_client._exceptions import APIConnectionError, InternalServerError, IonQError
from ionq_client._expect import expect, expect_job
from ionq_client._jobs import AnyJob
from ionq_client._limits import limits
from ionq_client._params import job_list_params
from ionq_client._readback import RESOLVE_PAGE_SIZE, is_ambiguous, resolve_retries, scan_for_token
from ionq_client._retry import backoff_delay
from ionq_client._transport import CallOptions
from ionq_client._types import NOT_GIVEN

__all__ = ["any_left", "create_once", "read_back"]


async def create_once(
    client: AsyncCaller,
    body: CreateBody,
    tag: Tag,
    token: str,
    *,
    retries: int,
    options: CallOptions | None,
) -> JobCreated:
    """POST `body` (tagged with `token`), resending it after an ambiguous failure only
    once the job is known not to have been stored; at most `retries` resends."""
    started = time.time()
    attempt = 0
    while True:
        try:
            response = await client._call(create_job.asyncio_detailed, body=body, options=options)
            return expect(response, JobCreated)
        except (APIConnectionError, InternalServerError) as exc:
            if not is_ambiguous(exc) or tag is None:
                raise
            await client._sleep(backoff_delay(attempt))
            found = await _find_created(client, exc, token, tag, started, body)
            if found is not None:
                return found
            if attempt >= retries:
                raise
            attempt += 1


async def _find_created(
    client: AsyncCaller, exc: IonQError, token: str, tag: Tag, started: float, body: CreateBody
) -> JobCreated | None:
    """Find the job a failed create may have stored; re-raise `exc` if we cannot tell."""
    session_id: str | Unset | None = body.session_id
    try:
        params = job_list_params(
            status=NOT_GIVEN,
            backend=body.backend,
            session_id=session_id if isinstance(session_id, str) else NOT_GIVEN,
            parent_job_id=NOT_GIVEN,
            ids=NOT_GIVEN,
            limit=RESOLVE_PAGE_SIZE,
        )
        options = per_call(NOT_GIVEN, resolve_retries(client.max_retries))
        page = await job_pages(client, options, params)
        number = 0
        while True:
            found, done = scan_for_token(
                page.items, token, tag, started=started, page_number=number
            )
            if done:
                return found
            if not page.has_next_page():
                return None
            page = await page.next_page()
            number += 1
    except IonQError as lookup_error:
        exc.add_note(f"could not find out whether the job was created: {lookup_error}")
        raise exc from lookup_error


async def read_back(client: AsyncCaller, jid: uuid.UUID, exc: IonQError) -> AnyJob:
    """Read a job after a failed write; re-raise `exc` if even that fails."""
    try:
        options = per_call(NOT_GIVEN, resolve_retries(client.max_retries))
        response = await client._call(get_job.asyncio_detailed, jid, options=options)
        return expect_job(response)
    except IonQError as lookup_error:
        exc.add_note(f"could not read the job back: {lookup_error}")
        raise exc from lookup_error


async def any_left(client: AsyncCaller, batch: Sequence[uuid.UUID]) -> bool:
    """Whether any job of `batch` still exists."""
    params = job_list_params(
        status=NOT_GIVEN,
        backend=NOT_GIVEN,
        session_id=NOT_GIVEN,
        parent_job_id=NOT_GIVEN,
        ids=batch,
        limit=min(len(batch), limits().page_limit_max),
    )
    page = await job_pages(client, None, params)
    return bool(page.items)
