"""The real sleep of each flavour, which the clients default to (tests inject fakes).

The async client sleeps with `anyio`, so it runs under asyncio and trio alike.
"""

from __future__ import annotations

import time
from typing import Final

import anyio

__all__ = ["default_asleep", "default_sleep"]

#: The sync client's sleep.
default_sleep: Final = time.sleep


async def default_asleep(seconds: float) -> None:
    """The async client's sleep: `seconds` without blocking the event loop."""
    await anyio.sleep(seconds)
