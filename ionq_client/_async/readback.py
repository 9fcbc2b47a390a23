"""After a write whose answer was lost, find out what happened before anything is resent.

A create (or clone, or move) is resent only once the newest jobs show it was not stored
(its token is in none of them); a session create, once the sessions listed before and
after it show no new one; an update, a cancel or a delete is read back; a session end is
read back and resent if the session is still open. When the check cannot tell (it fails,
runs out of pages or time, or a create carried no token) the caller gets
`OutcomeUnknownError`, never a second job. What counts as "it happened" is decided in
`_readback`, free of I/O; this module does the reading, within the call's deadline.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from ionq_api.api.jobs import get_job
from ionq_api.api.sessions import create_session, end_session, get_session, list_sessions
from ionq_api.models.job_created import JobCreated
from ionq_api.models.session import Session
from ionq_api.models.session_create import SessionCreate
from ionq_api.models.session_list import SessionList
from ionq_api.types import Response
from ionq_client._async.caller import AsyncCaller
from ionq_client._async.listing import job_pages
from ionq_client._build import Tag
from ionq_client._exceptions import (
    APIConnectionError,
    InternalServerError,
    IonQError,
    NotFoundError,
    OutcomeUnknownError,
)
from ionq_client._expect import expect, expect_job
from ionq_client._jobs import AnyJob
from ionq_client._limits import limits
from ionq_client._params import job_list_params
from ionq_client._readback import (
    RESOLVE_PAGE_SIZE,
    created_session,
    is_ambiguous,
    lookup_options,
    scan_for_token,
    session_ended,
)
from ionq_client._retry import backoff_delay
from ionq_client._transport import CallOptions
from ionq_client._types import NOT_GIVEN

__all__ = [
    "batch_statuses",
    "create_once",
    "create_session_once",
    "end_session_once",
    "read_back",
]

#: A write whose answer may be lost: a 5xx, or no answer at all.
AMBIGUOUS = (APIConnectionError, InternalServerError)


def _lookup(client: AsyncCaller, options: CallOptions) -> CallOptions:
    """The options of a look-up after a write of the call `options` failed."""
    return lookup_options(options, client.deadline, client.max_retries)


async def _paused_lookup(client: AsyncCaller, options: CallOptions, attempt: int) -> CallOptions:
    """The look-up's options, after giving a slow server time to finish the write (within
    the look-up's time: a quarter of what is left at most)."""
    lookup = _lookup(client, options)
    delay = backoff_delay(attempt)
    left = lookup.time_left(client.deadline)
    if left is not None:
        delay = min(delay, max(0.0, left) / 4)
    await client._sleep(delay)
    return lookup


async def create_once(
    client: AsyncCaller,
    post: Callable[[CallOptions], Awaitable[Response[Any]]],
    *,
    action: str,
    token: str,
    tag: Tag,
    filters: dict[str, Any],
    options: CallOptions,
) -> JobCreated:
    """Run `post` (a create, clone or move tagged with `token`), resending it after an
    ambiguous failure only once the job is known not to have been stored; at most the
    call's retry budget of resends. `filters` narrow the look-up (`backend`, `session_id`)."""
    retries = options.retry_budget(client.max_retries)
    started = time.time()
    attempt = 0
    while True:
        try:
            return expect(await post(options), JobCreated)
        except AMBIGUOUS as exc:
            if not is_ambiguous(exc):
                raise
            if tag is None:
                why = "it carried no look-up token (create_token=False, or no room for one)"
                raise OutcomeUnknownError(action, exc, why=why) from exc
            found = await _find_created(
                client, exc, action, token, tag, started, filters, options, attempt
            )
            if found is not None:
                return found
            exc.add_note(f"{action}: not done (no job carries its look-up token)")
            if attempt >= retries:
                raise
            attempt += 1


async def _find_created(
    client: AsyncCaller,
    exc: IonQError,
    action: str,
    token: str,
    tag: Tag,
    started: float,
    filters: dict[str, Any],
    options: CallOptions,
    attempt: int,
) -> JobCreated | None:
    """The job a failed create stored, or None if it stored none; `OutcomeUnknownError`
    if that cannot be found out."""
    try:
        lookup = await _paused_lookup(client, options, attempt)
        params = job_list_params(
            status=NOT_GIVEN,
            backend=filters.get("backend", NOT_GIVEN),
            session_id=filters.get("session_id", NOT_GIVEN),
            parent_job_id=NOT_GIVEN,
            ids=NOT_GIVEN,
            limit=RESOLVE_PAGE_SIZE,
        )
        page = await job_pages(client, lookup, params, hide=False)
        number = 0
        while True:
            verdict = scan_for_token(
                page.items,
                token,
                tag,
                started=started,
                page_number=number,
                last_page=not page.has_next_page(),
            )
            if isinstance(verdict, JobCreated):
                return verdict
            if verdict == "absent":
                return None
            if verdict == "unknown":
                why = f"its look-up token is in none of the newest {number + 1} pages"
                raise OutcomeUnknownError(action, exc, why=why, token=token) from exc
            page = await page.next_page()
            number += 1
    except OutcomeUnknownError:
        raise
    except IonQError as lookup_error:
        raise OutcomeUnknownError(
            action, exc, why=f"looking it up failed: {lookup_error}", token=token
        ) from exc


async def read_back(
    client: AsyncCaller, jid: uuid.UUID, exc: IonQError, action: str, options: CallOptions
) -> AnyJob | None:
    """Read a job after a failed write (None: it does not exist); `OutcomeUnknownError`
    if even that fails."""
    try:
        lookup = _lookup(client, options)
        response = await client._call(get_job.asyncio_detailed, jid, options=lookup)
        return expect_job(response)
    except NotFoundError:
        return None
    except IonQError as lookup_error:
        raise OutcomeUnknownError(
            action, exc, why=f"reading the job back failed: {lookup_error}"
        ) from exc


async def batch_statuses(
    client: AsyncCaller, batch: Sequence[uuid.UUID], options: CallOptions
) -> dict[str, str]:
    """The status of each job of `batch` that still exists, by id."""
    params = job_list_params(
        status=NOT_GIVEN,
        backend=NOT_GIVEN,
        session_id=NOT_GIVEN,
        parent_job_id=NOT_GIVEN,
        ids=batch,
        limit=min(len(batch), limits().page_limit_max),
    )
    lookup = _lookup(client, options)
    page = await job_pages(client, lookup, params, hide=False)
    return {str(job.id): job.status for job in page.items}


async def _session_ids(client: AsyncCaller, options: CallOptions) -> set[str]:
    response = await client._call(list_sessions.asyncio_detailed, options=options)
    return {s.id for s in expect(response, SessionList).sessions}


async def create_session_once(
    client: AsyncCaller, body: SessionCreate, options: CallOptions
) -> Session:
    """Open a session, resending after an ambiguous failure only once the sessions show
    none was opened. The sessions are listed first: a session carries no token, so the
    new one is told from the old ones by that list (see `created_session`)."""
    action = f"open a session on {body.backend}"
    retries = options.retry_budget(client.max_retries)
    before = await _session_ids(client, options)
    attempt = 0
    while True:
        try:
            response = await client._call(
                create_session.asyncio_detailed, body=body, options=options
            )
            return expect(response, Session)
        except AMBIGUOUS as exc:
            if not is_ambiguous(exc):
                raise
            try:
                lookup = await _paused_lookup(client, options, attempt)
                response = await client._call(list_sessions.asyncio_detailed, options=lookup)
                sessions = expect(response, SessionList).sessions
            except IonQError as lookup_error:
                why = f"listing the sessions failed: {lookup_error}"
                raise OutcomeUnknownError(action, exc, why=why) from exc
            verdict = created_session(before, sessions, body)
            if isinstance(verdict, Session):
                return verdict
            if verdict == "unknown":
                raise OutcomeUnknownError(
                    action, exc, why="more than one new session matches it"
                ) from exc
            exc.add_note(f"{action}: not done (no new session)")
            if attempt >= retries:
                raise
            attempt += 1


async def end_session_once(
    client: AsyncCaller, session_id: uuid.UUID, options: CallOptions
) -> Session:
    """End a session; after an ambiguous failure, read it back: ended is the answer, still
    open means the end is sent again (ending is idempotent)."""
    action = f"end session {session_id}"
    retries = options.retry_budget(client.max_retries)
    attempt = 0
    while True:
        try:
            response = await client._call(end_session.asyncio_detailed, session_id, options=options)
            return expect(response, Session)
        except AMBIGUOUS as exc:
            if not is_ambiguous(exc):
                raise
            try:
                lookup = await _paused_lookup(client, options, attempt)
                response = await client._call(
                    get_session.asyncio_detailed, session_id, options=lookup
                )
                session = expect(response, Session)
            except IonQError as lookup_error:
                why = f"reading the session back failed: {lookup_error}"
                raise OutcomeUnknownError(action, exc, why=why) from exc
            if session_ended(session):
                return session
            exc.add_note(f"{action}: not done (the session is still open)")
            if attempt >= retries:
                raise
            attempt += 1
