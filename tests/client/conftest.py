"""Fixtures for the facade's tests: a live mock server, and MockTransport recorders."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ionq_client import IonQ
from ionq_mock.testing import MockServer

from .client_helpers import API_KEY, Recorder


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    """One live mock server per test module (its state is shared by the module's tests)."""
    with MockServer(api_keys=[API_KEY, "other-key"], job_duration=0.05) as running:
        yield running


@pytest.fixture
def client(server: MockServer) -> Iterator[IonQ]:
    """A sync client of the live mock server that never really sleeps between retries."""
    with IonQ(api_key=server.api_key, base_url=server.base_url, _sleep=lambda s: None) as c:
        yield c


@pytest.fixture
def recorder() -> Recorder:
    """Records the requests a MockTransport client sent and the delays it slept."""
    return Recorder()
