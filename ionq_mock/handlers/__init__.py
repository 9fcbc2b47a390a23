"""The handlers of every operation in openapi.yaml, one module per resource:

    jobs.py       jobs: create, read, list, update, cancel, delete, clone, move, cost
    results.py    a completed job's probabilities and artifacts
    sessions.py   sessions, and a session's jobs
    backends.py   backends and their characterizations
    account.py    whoami, the organization's usage, the formats' JSON Schemas
    job_views.py  (shared) a job by its path id, its cached JSON, pages of list items

Each module registers its handlers by operationId (ionq_mock/registry.py); a new
operation is a handler in its module, nothing else. A new module is one more entry here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from ..registry import Handler, collect
from . import account, backends, jobs, results, sessions

HANDLERS: Final[Mapping[str, Handler]] = collect(
    module.handlers for module in (jobs, results, sessions, backends, account)
)
