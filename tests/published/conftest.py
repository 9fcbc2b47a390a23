"""Setup for the published clients' tests: each test talks to its own mock on 127.0.0.1 and
nothing else.

The clients read credentials and hosts from the environment (`IONQ_API_KEY`,
`IONQ_API_URL`, `IONQ_REMOTE_HOST`...), so a developer's own settings must not leak into a
test; and some reach IonQ's real host unless pointed elsewhere (qiskit-ionq looks up a
backend's qubit count at construction), so any name lookup other than loopback fails the
test instead of leaving the machine.
"""

from __future__ import annotations

import socket
from typing import Any

import pytest

CLIENT_ENVIRONMENT = (
    "IONQ_API_KEY",
    "IONQ_API_TOKEN",
    "IONQ_API_URL",
    "IONQ_REMOTE_HOST",
    "CIRQ_IONQ_API_KEY",
    "CIRQ_IONQ_REMOTE_HOST",
    "QISKIT_IONQ_API_TOKEN",
    "QISKIT_IONQ_API_URL",
    "PENNYLANE_IONQ_API_KEY",
    "IONQ_DEBUG",
)
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class OffLoopbackError(OSError):
    """A client tried to reach a host other than the mock."""


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Clear the clients' environment variables and refuse every non-loopback lookup."""
    for name in CLIENT_ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    lookup = socket.getaddrinfo

    def guarded(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name not in LOOPBACK:
            raise OffLoopbackError(f"a test tried to reach {name}; only the mock is allowed")
        return lookup(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", guarded)
