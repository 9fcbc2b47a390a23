"""The backend handlers: the backends (ionq_mock/catalog.py), one backend, and its
characterizations (filtered by date, paged)."""

from __future__ import annotations

import math

from .. import catalog
from ..errors import ApiError
from ..registry import Handlers, Request, Response
from ..state import MockState

handlers = Handlers()


def _backend(request: Request) -> str:
    """The backend the request's path names; 404 for one the catalog lacks."""
    name = request.path["backend"]
    if name not in catalog.BACKENDS:
        raise ApiError(404, f"backend {name} not found")
    return str(name)


@handlers.operation("listBackends")
async def list_backends(state: MockState, request: Request) -> Response:
    today = state.today()
    return 200, [catalog.backend(name, state.started, today) for name in catalog.BACKENDS]


@handlers.operation("getBackend")
async def get_backend(state: MockState, request: Request) -> Response:
    return 200, catalog.backend(_backend(request), state.started, state.today())


@handlers.operation("listCharacterizations")
async def list_characterizations(state: MockState, request: Request) -> Response:
    name = _backend(request)
    items = catalog.characterizations(name, state.today())
    start, end = request.query.get("start"), request.query.get("end")
    if start is not None:
        items = [c for c in items if c["date"][:10] >= start]
    if end is not None:
        items = [c for c in items if c["date"][:10] <= end]
    limit = request.query.get("limit", 10)
    number = request.query.get("page", 1)
    return 200, {
        "characterizations": items[(number - 1) * limit : number * limit],
        "pages": math.ceil(len(items) / limit),
    }


@handlers.operation("getCharacterization")
async def get_characterization(state: MockState, request: Request) -> Response:
    name = _backend(request)
    wanted = str(request.path["characterization_id"]).lower()
    for item in catalog.characterizations(name, state.today()):
        if item["id"] == wanted:
            return 200, item
    raise ApiError(404, f"characterization {wanted} not found")
