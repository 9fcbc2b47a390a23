"""A pytest fixture serving the mock on a free loopback port, for users' own tests.

Enable it in a `conftest.py` with `pytest_plugins = ["ionq_mock.pytest_plugin"]` (or run
pytest with `-p ionq_mock.pytest_plugin`), then:

    def test_bell(ionq_mock_server):
        client = MyClient(base_url=ionq_mock_server.base_url, api_key=ionq_mock_server.api_key)
        ...

Each test gets a fresh server with empty state. Override the `ionq_mock_options` fixture
(a dict of `MockServer` keyword arguments) to change keys, job duration, faults, or
`strict`: with `"strict": True` the mock applies none of IonQ's service's leniency rules,
so a request your client gets through only by one (e.g. `"shots": "1000"`) is a 400
naming the key and the rule:

    @pytest.fixture
    def ionq_mock_options():
        return {"api_keys": ["test-key"], "job_duration": 0.05, "strict": True}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .testing import MockServer


@pytest.fixture
def ionq_mock_options() -> dict[str, Any]:
    """Keyword arguments for the `ionq_mock_server` fixture's `MockServer` (`api_keys`,
    `job_duration`, `faults`, `max_qubits`, `db_path`, `strict`)."""
    return {"api_keys": ["test-key"], "job_duration": 0.05}


@pytest.fixture
def ionq_mock_server(ionq_mock_options: dict[str, Any]) -> Iterator[MockServer]:
    """A running mock server (fresh per test): use `.base_url` and `.api_key`."""
    with MockServer(**ionq_mock_options) as server:
        yield server
