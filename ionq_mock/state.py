"""What every handler shares: one `MockState` per app, made when the app starts.

The store, the keys, the configured limits and faults, the worker pool simulations run in,
the jobs being simulated now, and the cache of rendered jobs. Handlers receive it as their
first argument; nothing else is shared between requests.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Final

from .auth import Keys
from .errors import ApiError
from .faults import DropConnection, Faults
from .store import Store

DEFAULT_JOB_DURATION: Final = 1.0
DEFAULT_MAX_QUBITS: Final = 20


@dataclass(eq=False)
class MockState:
    """One app's state. `faults` may be replaced while the app runs (tests do)."""

    keys: Keys
    store: Store
    faults: Faults
    # strict: no leniency rule applies; every deviation from openapi.yaml is a 400.
    strict: bool
    job_duration: float
    max_qubits: int
    workers: int
    started: float = field(default_factory=time.time)
    # Rendered jobs' JSON text, keyed by everything it depends on (handlers/job_views.py).
    rendered: dict[tuple[Any, ...], bytes] = field(default_factory=dict)  # `Raw` texts
    # Simulations in flight, by job id: a second reader of the results waits for the first.
    running: dict[str, asyncio.Future[None]] = field(default_factory=dict)
    _executor: ThreadPoolExecutor | None = None

    @property
    def executor(self) -> ThreadPoolExecutor:
        """The bounded pool simulations and large validations run in (started when first
        needed)."""
        if self._executor is None:
            self._executor = ThreadPoolExecutor(self.workers, thread_name_prefix="ionq-sim")
        return self._executor

    def close(self) -> None:
        """Stop the worker threads and close the database."""
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
        self.store.close()

    def after_commit(self) -> None:
        """Called once a write has committed: the injected "after commit" fault answers
        500 now, "drop after commit" closes the connection with no answer; both are the
        ambiguous failure a client must not turn into a duplicate."""
        fault = self.faults.after_commit_fault()
        if fault == "after_commit":
            raise ApiError(500)
        if fault == "drop_after_commit":
            raise DropConnection(fault)

    def project_of(self, owner: str) -> str | None:
        """The project id of the key that owns a job or session."""
        ident = self.keys.identities.get(owner)
        return ident.project_id if ident is not None else None

    def today(self) -> dt.date:
        """The day the server started (backends' and characterizations' dates)."""
        return dt.datetime.fromtimestamp(self.started, dt.UTC).date()
