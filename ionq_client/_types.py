"""Small shared types: the "not given" sentinel, timeout and id aliases."""

from __future__ import annotations

import uuid
from typing import Final, Literal, TypeAlias

import httpx

__all__ = ["NOT_GIVEN", "JobId", "NotGiven", "TimeoutTypes"]


class NotGiven:
    """The type of `NOT_GIVEN`: an argument the caller left out (distinct from `None`).

    `timeout=None` means "no timeout"; `timeout=NOT_GIVEN` means "use the client's".
    """

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        # A singleton, so `is NOT_GIVEN` works across copies and pickles.
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()

#: A timeout: seconds for every phase, an `httpx.Timeout`, or `None` for no timeout.
TimeoutTypes: TypeAlias = float | httpx.Timeout | None

#: A job's (or a session's, or a characterization's) id: its UUID, or the UUID's text.
JobId: TypeAlias = str | uuid.UUID
