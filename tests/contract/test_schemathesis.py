"""Schemathesis against the in-process app: every operation, phase and check, fixed seed.

The whole spec is fuzzed with valid and invalid data; any failed check (a 5xx, a response
the spec does not describe, accepted invalid data, rejected valid data, a deleted job still
readable...) fails the test.
"""

from __future__ import annotations

from typing import Any

import hypothesis
import pytest
import schemathesis

from ionq_mock.app import MockApp, create_app
from ionq_spec import spec_path

KEY = "contract-test-key"
HEADERS = {"Authorization": f"apiKey {KEY}"}


class Swappable:
    """An ASGI app whose inner app the stateful test replaces before each run."""

    def __init__(self) -> None:
        self.inner: MockApp = self.fresh()

    @staticmethod
    def fresh() -> MockApp:
        # Jobs complete at once, so probabilities are reachable through the links; circuits
        # are capped at 12 qubits so fuzzed programs stay cheap to simulate. Strict: the
        # contract is openapi.yaml itself, and the default mode's leniency rules (which
        # accept e.g. "shots": "5", as IonQ's service does) would accept its negative data.
        return create_app([KEY], job_duration=0.0, max_qubits=12, strict=True)

    def reset(self) -> None:
        self.inner.close()
        self.inner = self.fresh()

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self.inner(scope, receive, send)


APP = Swappable()
schema = schemathesis.openapi.from_path(spec_path())
schema.app = APP
schema.config.update(headers=HEADERS)
schema.config.generation.update(max_examples=40)

SETTINGS = hypothesis.settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(hypothesis.HealthCheck),
)


@pytest.mark.filterwarnings("ignore")
@schema.parametrize()
@SETTINGS
def test_every_operation(case: schemathesis.Case[Any]) -> None:
    """Examples, coverage and fuzzing phases with every check."""
    case.call_and_validate()


class Stateful(schema.as_state_machine()):  # type: ignore[misc]
    """Sequences of calls through the spec's links (create, read, cancel, delete...)."""

    def setup(self) -> None:
        APP.reset()


TestStateful = Stateful.TestCase
TestStateful.settings = hypothesis.settings(
    max_examples=30,
    stateful_step_count=8,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(hypothesis.HealthCheck),
)


def test_an_authenticated_call_succeeds() -> None:
    """Schemathesis passes silently with a wrong key: prove the headers it sends are accepted."""
    case = schema["/whoami"]["GET"].Case()
    response = case.call(headers=dict(schema.config.headers or {}))
    assert response.status_code == 200, response.text
    assert response.json()["key_name"] == "mock key 1"
