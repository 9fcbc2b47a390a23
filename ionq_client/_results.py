"""Results of a completed job, with one documented bit order.

The API keys probabilities by basis state as a decimal integer, qubit 0 the least
significant bit (`"5"` = 0b101: qubits 0 and 2 are 1). This package exposes:

- `states`: the API's view, `{basis-state integer: probability}`, unchanged;
- bitstrings (`probabilities`, `counts`, `bitstrings`, `histogram`, `samples`) written
  **qubit 0 first** (leftmost),
  the order a circuit is read in, `BIT_ORDER = "q0-leftmost"`. State 5 on 3 qubits is
  `"101"`; state 1 on 3 qubits (only qubit 0 set) is `"100"`. This is Cirq's order and the
  reverse of Qiskit's (`bitstring[::-1]` gives Qiskit's key).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

__all__ = ["BIT_ORDER", "CircuitResult", "Result", "state_to_bitstring"]

BIT_ORDER: Final = "q0-leftmost"


def state_to_bitstring(state: int, qubits: int) -> str:
    """The bitstring of basis state `state` on `qubits` qubits, qubit 0 leftmost."""
    if state < 0 or (qubits > 0 and state >> qubits):
        raise ValueError(f"state {state} does not fit in {qubits} qubits")
    return "".join("1" if state >> q & 1 else "0" for q in range(qubits))


def _largest_remainder(probabilities: Mapping[int, float], shots: int) -> dict[int, int]:
    """Integer counts summing exactly to `shots`, closest to `p * shots` for each state."""
    total = sum(probabilities.values())
    if total <= 0:
        return {}
    exact = {s: p / total * shots for s, p in probabilities.items()}
    counts = {s: math.floor(v) for s, v in exact.items()}
    left = shots - sum(counts.values())
    # Hand out the remaining shots to the largest fractional parts (ties: smaller state).
    for s in sorted(exact, key=lambda k: (counts[k] - exact[k], k))[:left]:
        counts[s] += 1
    return {s: c for s, c in counts.items() if c}


@dataclass(frozen=True)
class CircuitResult:
    """The outcomes of one circuit.

    `states` maps the API's basis-state integers (qubit 0 = least significant bit) to
    probabilities; `qubits` is the width bitstrings are written with; `shots` is the job's
    shot count (`None` for the ideal simulator, which computes exact probabilities).
    `histogram_states` (measured counts) and `sample_states` (one basis state per shot, in
    shot order) are there when they were read from the job's histogram and shots
    artifacts (`jobs.results(id, include=("histogram", "shots"))`), else `None`.
    """

    job_id: str
    qubits: int
    states: Mapping[int, float]
    shots: int | None = None
    name: str | None = field(default=None)
    histogram_states: Mapping[int, int] | None = None
    sample_states: tuple[int, ...] | None = None

    @property
    def probabilities(self) -> dict[str, float]:
        """`{bitstring: probability}`, bitstrings qubit 0 leftmost, sorted by bitstring."""
        return {
            state_to_bitstring(s, self.qubits): p
            for s, p in sorted(
                self.states.items(), key=lambda kv: state_to_bitstring(kv[0], self.qubits)
            )
        }

    @property
    def bitstrings(self) -> list[str]:
        """The bitstrings of nonzero probability, qubit 0 leftmost, sorted."""
        return sorted(state_to_bitstring(s, self.qubits) for s, p in self.states.items() if p > 0)

    @property
    def histogram(self) -> dict[str, int] | None:
        """The measured `{bitstring: count}` from the job's histogram artifact, sorted by
        bitstring; `None` when it was not read (or the job has none)."""
        if self.histogram_states is None:
            return None
        return {
            state_to_bitstring(s, self.qubits): c
            for s, c in sorted(
                self.histogram_states.items(),
                key=lambda kv: state_to_bitstring(kv[0], self.qubits),
            )
        }

    @property
    def samples(self) -> list[str] | None:
        """One bitstring per shot, in shot order, from the job's shots artifact; `None`
        when it was not read (or the job has none)."""
        if self.sample_states is None:
            return None
        return [state_to_bitstring(s, self.qubits) for s in self.sample_states]

    def counts(self, shots: int | None = None) -> dict[str, int]:
        """`{bitstring: count}`: the measured histogram, or the probabilities scaled to shots.

        Without `shots`, a result read with its histogram (see `histogram`) answers the
        measured counts. Otherwise counts are the probabilities scaled to `shots` (default:
        the job's) with largest-remainder rounding, summing exactly to it. Raises
        `ValueError` when neither `shots` nor the job's shot count is known (ideal-simulator
        jobs have none: pass `shots`).
        """
        if shots is None and self.histogram_states is not None:
            return {
                state_to_bitstring(s, self.qubits): c
                for s, c in sorted(self.histogram_states.items())
                if c
            }
        n = self.shots if shots is None else shots
        if n is None:
            raise ValueError("the job has no shot count (ideal simulator): pass shots=")
        return {
            state_to_bitstring(s, self.qubits): c
            for s, c in sorted(_largest_remainder(self.states, n).items())
        }

    def most_likely(self) -> str:
        """The most probable bitstring (ties: the smallest basis state)."""
        if not self.states:
            raise ValueError("no outcomes")
        state = min(self.states, key=lambda s: (-self.states[s], s))
        return state_to_bitstring(state, self.qubits)


@dataclass(frozen=True)
class Result:
    """The results of a job: one `CircuitResult` per circuit, in submission order.

    For a single-circuit job, `probabilities`, `states`, `bitstrings`, `counts()` and
    `most_likely()` read its only circuit; for a multi-circuit job use `circuits` (they raise
    `ValueError` there, rather than silently picking one circuit).
    """

    job_id: str
    circuits: tuple[CircuitResult, ...]

    @property
    def is_multi_circuit(self) -> bool:
        """Whether the job ran several circuits."""
        return len(self.circuits) != 1

    def _single(self) -> CircuitResult:
        if len(self.circuits) != 1:
            raise ValueError(
                f"job {self.job_id} ran {len(self.circuits)} circuits: use result.circuits[i]"
            )
        return self.circuits[0]

    @property
    def qubits(self) -> int:
        """The width of the bitstrings (single-circuit jobs)."""
        return self._single().qubits

    @property
    def shots(self) -> int | None:
        """The job's shots (single-circuit jobs)."""
        return self._single().shots

    @property
    def states(self) -> Mapping[int, float]:
        """The API's `{basis-state integer: probability}` (single-circuit jobs)."""
        return self._single().states

    @property
    def probabilities(self) -> dict[str, float]:
        """`{bitstring: probability}`, qubit 0 leftmost (single-circuit jobs)."""
        return self._single().probabilities

    @property
    def bitstrings(self) -> list[str]:
        """Bitstrings of nonzero probability (single-circuit jobs)."""
        return self._single().bitstrings

    def counts(self, shots: int | None = None) -> dict[str, int]:
        """`{bitstring: count}` (single-circuit jobs); see `CircuitResult.counts`."""
        return self._single().counts(shots)

    @property
    def histogram(self) -> dict[str, int] | None:
        """The measured counts (single-circuit jobs); see `CircuitResult.histogram`."""
        return self._single().histogram

    @property
    def samples(self) -> list[str] | None:
        """One bitstring per shot (single-circuit jobs); see `CircuitResult.samples`."""
        return self._single().samples

    def most_likely(self) -> str:
        """The most probable bitstring (single-circuit jobs)."""
        return self._single().most_likely()
