"""The account handlers: who a key is (`whoami`), its organization's usage report, and
the JSON Schemas of the artifact formats."""

from __future__ import annotations

import time

from .. import formats, usage
from ..auth import organization_id
from ..errors import ApiError, BadRequest
from ..registry import Handlers, Request, Response
from ..state import MockState

handlers = Handlers()


@handlers.operation("whoami")
async def whoami(state: MockState, request: Request) -> Response:
    assert request.identity is not None
    ident = request.identity
    return 200, {
        "key_id": ident.key_id,
        "key_name": ident.key_name,
        "project_id": ident.project_id,
    }


@handlers.operation("getOrganizationUsage")
async def get_organization_usage(state: MockState, request: Request) -> Response:
    owner, query = request.owner, request.query
    wanted = str(request.path["organization_id"]).lower()
    if wanted != organization_id(owner):
        raise ApiError(404, f"organization {wanted[:100]} not found")
    try:
        start, end = usage.date_range(query["start_date"], query["end_date"])
    except usage.RangeError as error:
        raise BadRequest(str(error), error.keys, "query") from None
    now = time.time()
    ident = state.keys.identities.get(owner)
    key_name = ident.key_name if ident is not None else "unknown key"
    project = ident.project_id if ident is not None else ""
    rows = state.store.ran(owner, usage.timestamp(start), usage.timestamp(end), now)
    first = min(state.started, state.store.first_job_at(owner) or state.started)
    return 200, usage.report(
        [usage.UsageJob.from_row(r, owner, key_name, project) for r in rows],
        organization=wanted,
        start=start,
        end=end,
        group_by=query["group_by"],
        modality=query["modality"],
        covered=usage.covered(first, now),
    )


@handlers.operation("getFormatSchema")
async def get_format_schema(state: MockState, request: Request) -> Response:
    name = str(request.path["format"])
    document = formats.SCHEMAS.get(name)
    if document is None:  # the spec's enum lets none through; the operation has no 404
        raise BadRequest(f"no format {name[:100]}", ["format"], "params")
    return 200, document
