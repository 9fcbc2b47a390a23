"""Fault injection for testing clients: off unless asked for.

A request may be answered with 429 (with `Retry-After`), 500, 502 or 503 before it is
handled, at the given rates; an "after commit" fault lets a write (job creation and the
other writes) commit and then answers 500, the ambiguous failure a client must not turn
into a duplicate; `latency` delays every answer.
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass, field
from typing import Final

FAULT_STATUSES: Final = (429, 500, 502, 503)


@dataclass
class Faults:
    """Fault rates (0..1 per request), added latency in seconds, and a seed.

    >>> Faults(rates={503: 0.1}, after_commit=0.2, latency=0.01, seed=1).enabled
    True
    """

    rates: dict[int, float] = field(default_factory=dict)
    after_commit: float = 0.0
    latency: float = 0.0
    retry_after: int = 1
    seed: int | None = None

    def __post_init__(self) -> None:
        for status, rate in self.rates.items():
            if status not in FAULT_STATUSES:
                raise ValueError(f"no fault for status {status}; use one of {FAULT_STATUSES}")
            if not 0.0 <= rate <= 1.0:
                raise ValueError(f"fault rate {rate} for {status} is outside 0..1")
        if sum(self.rates.values()) > 1.0:
            raise ValueError("fault rates add up to more than 1")
        if not 0.0 <= self.after_commit <= 1.0:
            raise ValueError(f"after-commit rate {self.after_commit} is outside 0..1")
        if self.latency < 0:
            raise ValueError("latency must not be negative")
        self._random = random.Random(self.seed)
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        """Whether any fault or latency is configured."""
        return bool(any(self.rates.values()) or self.after_commit or self.latency)

    def before(self) -> int | None:
        """The status to fail this request with before handling it, or None."""
        if not any(self.rates.values()):
            return None
        with self._lock:
            draw = self._random.random()
        for status in FAULT_STATUSES:
            rate = self.rates.get(status, 0.0)
            if draw < rate:
                return status
            draw -= rate
        return None

    def fail_after_commit(self) -> bool:
        """Whether this write, once committed, should be answered with a 500."""
        if not self.after_commit:
            return False
        with self._lock:
            return self._random.random() < self.after_commit
