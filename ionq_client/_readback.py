"""After a write whose answer was lost: did it happen? Pure checks on what is read back.

A create tagged with a token (see `_build`) is looked for among the newest jobs
(`scan_for_token`); an update or a cancel is read back and compared with what was asked
(`update_applied`, `canceled_from_job`); a session create, which carries no token, is
found by comparing the sessions listed before and after it (`created_session`). Nothing
here performs I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from typing import Final, Literal, TypeAlias, TypeVar

from ionq_api.models.job_canceled import JobCanceled
from ionq_api.models.job_created import JobCreated
from ionq_api.models.session import Session
from ionq_api.models.session_create import SessionCreate
from ionq_api.types import Unset
from ionq_client._build import CREATE_TOKEN_KEY, NAME_TOKEN_PREFIX, Tag
from ionq_client._exceptions import APIConnectionError, InternalServerError
from ionq_client._jobs import AnyJob, ListedJob
from ionq_client._transport import CallOptions, deadline_error
from ionq_client._types import NotGiven

__all__ = [
    "RESOLVE_LOOKBACK_SECONDS",
    "RESOLVE_MAX_PAGES",
    "RESOLVE_MAX_RETRIES",
    "RESOLVE_MAX_SECONDS",
    "RESOLVE_PAGE_SIZE",
    "Scan",
    "canceled_from_job",
    "created_from_job",
    "created_session",
    "has_token",
    "hide_token",
    "is_ambiguous",
    "lookup_options",
    "resolve_retries",
    "scan_for_token",
    "session_ended",
    "update_applied",
]


#: How the listing that resolves an ambiguous create is bounded: newest first, it stops at
#: the first job submitted more than `RESOLVE_LOOKBACK_SECONDS` before the create began (the
#: allowance for the service's clock differing from ours), after `RESOLVE_MAX_PAGES` pages,
#: or after `RESOLVE_MAX_SECONDS` (less if the call's deadline is nearer). Only the first
#: is evidence that the job was not stored; the other two leave the outcome unknown.
RESOLVE_MAX_PAGES: Final = 5
RESOLVE_PAGE_SIZE: Final = 100
RESOLVE_LOOKBACK_SECONDS: Final = 60.0
RESOLVE_MAX_SECONDS: Final = 30.0
#: Retries for that listing: more than usual, since giving up leaves the caller unsure.
RESOLVE_MAX_RETRIES: Final = 8


def is_ambiguous(exc: APIConnectionError | InternalServerError) -> bool:
    """Whether a failed write may still have been applied.

    A 5xx may come after the server committed; a broken connection or a read timeout may
    too. Only a request never sent (`sent` is False: no connection was made, or the
    deadline passed first) is certain.
    """
    if isinstance(exc, InternalServerError):
        return True
    return exc.sent is not False


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


Scan: TypeAlias = JobCreated | Literal["absent", "more", "unknown"]


def scan_for_token(
    jobs: Sequence[ListedJob],
    token: str,
    tag: Tag,
    *,
    started: float,
    page_number: int,
    last_page: bool,
) -> Scan:
    """Look through one page of the newest jobs for the one tagged `token`.

    Returns the job as a create's answer if found; else `"absent"` when the page reaches
    past the look-back (or is the last one), `"more"` to read the next page, `"unknown"`
    when the page budget is spent without an answer.
    """
    for job in jobs:
        if has_token(job, token, tag):
            return created_from_job(job)
    oldest = jobs[-1].submitted_at.timestamp() if jobs else 0.0
    if last_page or oldest < started - RESOLVE_LOOKBACK_SECONDS:
        return "absent"
    return "unknown" if page_number + 1 >= RESOLVE_MAX_PAGES else "more"


def lookup_options(
    options: CallOptions, client_deadline: float | None, retries: int
) -> CallOptions:
    """The options of a look-up after an ambiguous write: more retries, and at most
    `RESOLVE_MAX_SECONDS` (less when the call's own deadline is nearer)."""
    left = options.time_left(client_deadline)
    seconds = RESOLVE_MAX_SECONDS if left is None else min(left, RESOLVE_MAX_SECONDS)
    if seconds <= 0:
        raise deadline_error(None, options.deadline_seconds(client_deadline))
    return CallOptions(
        max_retries=resolve_retries(retries), timeout=options.timeout, deadline=seconds
    )


J = TypeVar("J", bound=AnyJob)


def hide_token(job: J) -> J:
    """`job` without the look-up token: the metadata key, or a name that is only the token.

    The token stays on the service (it is how a lost create is found); callers of the
    facade never see it, so it neither shows up in their listings nor looks like theirs.
    """
    meta = job.metadata
    if meta is not None and CREATE_TOKEN_KEY in meta.additional_properties:
        del meta.additional_properties[CREATE_TOKEN_KEY]
    if isinstance(job.name, str) and job.name.startswith(NAME_TOKEN_PREFIX):
        job.name = None
    return job


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


def created_session(
    before: Set[str], sessions: Sequence[Session], body: SessionCreate
) -> Session | Literal["absent", "unknown"]:
    """The session a lost create made, from the sessions listed before it and after.

    A session carries no token, so the new ones are compared with what was asked (backend
    and the settings given); one match is the answer, none means it was not created, and
    more than one (another create at the same moment) leaves the outcome unknown.
    """
    matches = [s for s in sessions if s.id not in before and _session_matches(s, body)]
    if not matches:
        return "absent"
    return matches[0] if len(matches) == 1 else "unknown"


def _session_matches(session: Session, body: SessionCreate) -> bool:
    if session.backend != body.backend:
        return False
    asked = body.settings
    got = session.settings
    if isinstance(asked, Unset) or asked is None:
        return True
    if isinstance(got, Unset) or got is None:
        return False
    for name in ("job_count_limit", "duration_limit_min"):
        wanted = getattr(asked, name)
        if not isinstance(wanted, Unset) and getattr(got, name, wanted) != wanted:
            return False
    return True


def session_ended(session: Session) -> bool:
    """Whether a session reads as ended (or ending): an end of it needs no resending."""
    return session.ended_at is not None or session.status in ("ended", "ending")
