"""Results of a completed job, with one documented bit order.

The API keys probabilities by basis state as a decimal integer, qubit 0 the least
significant bit (`"5"` = 0b101: qubits 0 and 2 are 1). This package exposes:

- `states`: the API's view, `{basis-state integer: probability}`, unchanged;
- bitstrings (`probabilities`, `counts`, `bitstrings`, `histogram`, `samples`) written
  **qubit 0 first** (leftmost),
  the order a circuit is read in, `BIT_ORDER = "q0-leftmost"`. State 5 on 3 qubits is
  `"101"`; state 1 on 3 qubits (only qubit 0 set) is `"100"`. This is Cirq's order and the
  reverse of Qiskit's (`bitstring[::-1]` gives Qiskit's key).

Both classes print compactly (`repr`: the likeliest outcomes, not every state) and render
as a small histogram table in a notebook (`_repr_html_`), bitstrings in the same order.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

__all__ = ["BIT_ORDER", "CircuitResult", "Result", "state_to_bitstring"]

BIT_ORDER: Final = "q0-leftmost"

# How many outcomes a repr lists, how many rows a notebook table shows, and how many
# circuits of a multi-circuit result either shows: enough to see the shape, never thousands.
REPR_OUTCOMES: Final = 4
HTML_OUTCOMES: Final = 16
SHOWN_CIRCUITS: Final = 8


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


def _top_states(states: Mapping[int, float], n: int) -> list[tuple[int, float]]:
    """The `n` likeliest `(state, probability)`, likeliest first (ties: smaller state),
    the order `most_likely()` uses."""
    return sorted(states.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def _circuit_fields(c: CircuitResult) -> str:
    """`CircuitResult`'s repr fields, without the class name (shared by `Result`)."""
    parts = [f"job_id={c.job_id!r}"]
    if c.name is not None:
        parts.append(f"name={c.name!r}")
    parts += [f"qubits={c.qubits}", f"shots={c.shots}", f"outcomes={len(c.states)}"]
    top = ", ".join(
        f"{state_to_bitstring(s, c.qubits)!r}: {p:.4g}"
        for s, p in _top_states(c.states, REPR_OUTCOMES)
    )
    more = ", ..." if len(c.states) > REPR_OUTCOMES else ""
    parts.append(f"top={{{top}{more}}}")
    read = [
        extra
        for extra, value in (("histogram", c.histogram_states), ("shots", c.sample_states))
        if value is not None
    ]
    if read:
        parts.append(f"include={tuple(read)!r}")
    return ", ".join(parts)


def _circuit_html(c: CircuitResult) -> str:
    """A table of `c`'s likeliest outcomes with a probability bar (and measured counts)."""
    counts = c.histogram_states
    head = "<th>bitstring</th><th>probability</th><th></th>"
    if counts is not None:
        head += "<th>count</th>"
    rows = []
    shown = _top_states(c.states, HTML_OUTCOMES)
    for state, p in shown:
        width = max(0.0, min(p, 1.0)) * 12
        bar = f'<div style="background:#4c72b0;height:0.8em;width:{width:.2f}em"></div>'
        row = (
            f'<td style="font-family:monospace">{state_to_bitstring(state, c.qubits)}</td>'
            f'<td style="text-align:right">{p:.4g}</td><td style="width:12em">{bar}</td>'
        )
        if counts is not None:
            row += f'<td style="text-align:right">{counts.get(state, 0)}</td>'
        rows.append(f"<tr>{row}</tr>")
    rest = len(c.states) - HTML_OUTCOMES
    if rest > 0:
        left = sum(c.states.values()) - sum(p for _, p in shown)
        span = 4 if counts is not None else 3
        rows.append(
            f'<tr><td colspan="{span}"><i>... {rest} more outcomes '
            f"(probability {max(left, 0.0):.4g} in all)</i></td></tr>"
        )
    title = f"job <code>{html.escape(c.job_id)}</code>"
    if c.name is not None:
        title += f" ({html.escape(c.name)})"
    shots = "exact (no shots)" if c.shots is None else f"{c.shots} shots"
    title += f": {c.qubits} qubits, {shots}, {len(c.states)} outcomes; qubit 0 leftmost"
    return (
        f'<table><caption style="text-align:left">{title}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


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

    def __repr__(self) -> str:
        return f"CircuitResult({_circuit_fields(self)})"

    def _repr_html_(self) -> str:
        """A notebook's view: the likeliest outcomes as a table with bars."""
        return _circuit_html(self)


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

    def __repr__(self) -> str:
        if len(self.circuits) == 1:
            only = self.circuits[0]
            if only.job_id == self.job_id:
                return f"Result({_circuit_fields(only)})"
        lines = [f"Result(job_id={self.job_id!r}, circuits={len(self.circuits)}"]
        lines += [f"  [{i}] {c!r}" for i, c in enumerate(self.circuits[:SHOWN_CIRCUITS])]
        if len(self.circuits) > SHOWN_CIRCUITS:
            lines.append(f"  ... {len(self.circuits) - SHOWN_CIRCUITS} more circuits")
        return "\n".join(lines) + ")"

    def _repr_html_(self) -> str:
        """A notebook's view: one histogram table per circuit (the first few circuits)."""
        if len(self.circuits) == 1:
            return self.circuits[0]._repr_html_()
        parts = [
            f"<div>job <code>{html.escape(self.job_id)}</code>: {len(self.circuits)} circuits</div>"
        ]
        for i, c in enumerate(self.circuits[:SHOWN_CIRCUITS]):
            parts.append(f"<div><b>[{i}]</b> {_circuit_html(c)}</div>")
        if len(self.circuits) > SHOWN_CIRCUITS:
            parts.append(
                f"<div><i>... {len(self.circuits) - SHOWN_CIRCUITS} more circuits</i></div>"
            )
        return "".join(parts)
