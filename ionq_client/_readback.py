"""After a write whose answer was lost: did it happen? Pure checks on what is read back.

A create tagged with a token (see `_build`) is looked for among the newest jobs
(`scan_for_token`); an update or a cancel is read back and compared with what was asked
(`update_applied`, `canceled_from_job`). Nothing here performs I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

import httpx

from ionq_api.models.job_canceled import JobCanceled
from ionq_api.models.job_created import JobCreated
from ionq_client._build import CREATE_TOKEN_KEY, NAME_TOKEN_PREFIX, Tag
from ionq_client._exceptions import APIConnectionError, InternalServerError
from ionq_client._jobs import AnyJob, ListedJob
from ionq_client._retry import is_certainly_unsent
from ionq_client._types import NotGiven

__all__ = [
    "RESOLVE_LOOKBACK_SECONDS",
    "RESOLVE_MAX_PAGES",
    "RESOLVE_MAX_RETRIES",
    "RESOLVE_PAGE_SIZE",
    "canceled_from_job",
    "created_from_job",
    "has_token",
    "is_ambiguous",
    "resolve_retries",
    "scan_for_token",
    "update_applied",
]


#: How the listing that resolves an ambiguous create is bounded.
RESOLVE_MAX_PAGES: Final = 20
RESOLVE_PAGE_SIZE: Final = 100
RESOLVE_LOOKBACK_SECONDS: Final = 600.0
#: Retries for that listing: more than usual, since giving up leaves the caller unsure.
RESOLVE_MAX_RETRIES: Final = 8


def is_ambiguous(exc: APIConnectionError | InternalServerError) -> bool:
    """Whether a failed create may still have stored the job.

    A 5xx may come after the server committed; a broken connection or a read timeout may
    too. Only a connection never established (see `is_certainly_unsent`) is certain.
    """
    if isinstance(exc, InternalServerError):
        return True
    cause = exc.__cause__
    return not (isinstance(cause, httpx.TransportError) and bool(is_certainly_unsent(cause)))


def has_token(job: AnyJob, token: str, tag: Tag) -> bool:
    """Whether `job` is the one a create tagged with `token` made."""
    if tag == "metadata":
        meta = job.metadata
        return meta is not None and meta.additional_properties.get(CREATE_TOKEN_KEY) == token
    if tag == "name":
        return job.name == NAME_TOKEN_PREFIX + token
    return False


def created_from_job(job: AnyJob) -> JobCreated:
    """The `JobCreated` a create would have answered, from the stored job."""
    return JobCreated(id=job.id, status=job.status, session_id=job.session_id)


def resolve_retries(client_max_retries: int) -> int:
    """The retry budget of the look-up after an ambiguous create or write."""
    return max(RESOLVE_MAX_RETRIES, client_max_retries)


def scan_for_token(
    jobs: Sequence[ListedJob], token: str, tag: Tag, *, started: float, page_number: int
) -> tuple[JobCreated | None, bool]:
    """Look through one page of the newest jobs for the one tagged `token`.

    Returns the job as a create's answer if found, and whether the look-up should stop
    (found, or the page reaches jobs older than the look-back, or the page budget is spent).
    """
    for job in jobs:
        if has_token(job, token, tag):
            return created_from_job(job), True
    oldest = jobs[-1].submitted_at.timestamp() if jobs else 0.0
    done = oldest < started - RESOLVE_LOOKBACK_SECONDS or page_number + 1 >= RESOLVE_MAX_PAGES
    return None, done


def update_applied(
    job: AnyJob, name: str | NotGiven, metadata: Mapping[str, str] | NotGiven
) -> bool:
    """Whether `job` already reads as an update of `name` and `metadata` would leave it."""
    if not isinstance(name, NotGiven) and job.name != name:
        return False
    if isinstance(metadata, NotGiven):
        return True
    current = job.metadata.additional_properties if job.metadata is not None else {}
    return all(current.get(k) == v for k, v in metadata.items())


def canceled_from_job(job: AnyJob) -> JobCanceled:
    """The answer of a cancel whose job was read back terminal: cancelled, or (kept in
    `additional_properties["job_status"]`) completed or failed before the cancel."""
    answer = JobCanceled(id=str(job.id), status="canceled")
    if job.status != "canceled":
        answer.additional_properties["job_status"] = job.status
    return answer
