"""The one exception the simulator raises for a circuit it cannot or will not simulate.

    SimulationFailure        .code is one of IonQ's job `failure.code` values:
                             InvalidInput, NotEnoughQubits, TooManyControls,
                             TooManyGates, TooManyShots, UnsupportedGate, SimulationError

The server copies `code` and `message` into the failed job's `failure` object (or answers
400 when it validates a job before accepting it), so no other exception ever needs mapping.
"""

from __future__ import annotations

from typing import Final, Literal, get_args

FailureCode = Literal[
    "InvalidInput",
    "NotEnoughQubits",
    "SimulationError",
    "TooManyControls",
    "TooManyGates",
    "TooManyShots",
    "UnsupportedGate",
]

FAILURE_CODES: Final[frozenset[str]] = frozenset(get_args(FailureCode))


class SimulationFailure(Exception):
    """A circuit that cannot be simulated, with the IonQ failure code that says why.

    >>> from ionq_mock.simulator import validate
    >>> try:
    ...     validate("ionq.circuit.v1", {"gateset": "qis", "circuit": [{"gate": "u3"}]})
    ... except SimulationFailure as exc:
    ...     print(exc.code)
    UnsupportedGate
    """

    def __init__(self, code: FailureCode, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code: FailureCode = code
        self.message: str = message

    def as_failure(self) -> dict[str, str]:
        """The job's `failure` object: `{"code": ..., "message": ...}`."""
        return {"code": self.code, "message": self.message}
