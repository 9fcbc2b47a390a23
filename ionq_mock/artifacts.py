"""A completed job's result artifacts: the `results` map of the job, and each artifact's content.

Nothing about artifacts is stored. An artifact's id is uuid5 of the job id and the format,
so `getJobArtifact` finds the format by recomputing the job's descriptors, and every
content is computed from the stored probabilities (decimal basis-state keys, qubit 0 the
least significant bit), the job's shots and its width:

    probabilities v1   {"0": 0.5, "3": 0.5}           (what /results/probabilities answers)
    probabilities v2   {"probabilities": {"registers": {"output_all": {"00": 0.5, "11": 0.5}}}}
    histogram v1       {"0": 500, "3": 500}           counts summing exactly to shots
    histogram v2       {"histogram": {"registers": {"output_all": {"00": 500, ...}}}}
    shots v1           ["3", "0", ...]                one state per shot, seeded order
    shots v2           {"shots": [{"registers": {"output_all": [1, 1]}}, ...]}
    aggregate v1       {child_job_id: {state: p}}     (multi-circuit parents)

Bitstrings and bit arrays list a register's qubits in order, so `output_all` (every qubit)
has qubit 0 first: state 1 on 2 qubits is "10".

An OpenQASM 3 job's stored outcomes also carry its classical bits (`Qasm3Layout`): keys
are outcomes whose bits 0..n-1 are the final state of the n qubits and bit n + i the
program's classical bit i. Its v2 formats have `output_all` and then one register per
classical register, named as the program names it, bits in index order (`c[0]` first),
which is how qiskit-ionq reads `ionq.result.shots.json.v2` (`registers[name][index]`);
its v1 formats (and /results/probabilities) keep only the qubits' part, as for a circuit.
The shots of v1 and v2 come in the same order. A quantum function or a QAOA job has no
artifacts. Pure functions: no HTTP, no storage.
"""

from __future__ import annotations

import math
import random
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

NAMESPACE: Final = uuid.UUID("9d3e7a41-52c8-4f0b-a6e1-3b8c5d2f7e90")
MEDIA_TYPE: Final = "application/json"

PROBABILITIES_V1: Final = "ionq.result.probabilities.json.v1"
PROBABILITIES_V2: Final = "ionq.result.probabilities.json.v2"
HISTOGRAM_V1: Final = "ionq.result.histogram.json.v1"
HISTOGRAM_V2: Final = "ionq.result.histogram.json.v2"
SHOTS_V1: Final = "ionq.result.shots.json.v1"
SHOTS_V2: Final = "ionq.result.shots.json.v2"
AGGREGATE_V1: Final = "ionq.result.probabilities-aggregate.json.v1"
# The formats with one entry per shot (their size grows with shots, not with states).
SHOT_FORMATS: Final = (SHOTS_V1, SHOTS_V2)

ALL_QUBITS: Final = "output_all"
Registers = dict[str, list[int]]


def artifact_id(job_id: str, format_id: str) -> str:
    """The id of a job's artifact in one format (the same every time it is computed)."""
    return str(uuid.uuid5(NAMESPACE, f"{job_id}/{format_id}"))


def formats(multi: bool, sampled: bool, circuit: bool = True) -> tuple[str, ...]:
    """The formats a completed job has: a multi-circuit parent only the aggregate; a
    circuit its probabilities, and counts and shots when it was sampled (has `shots`); a
    job that is not a circuit (`circuit` False: a function) none."""
    if not circuit:
        return ()
    if multi:
        return (AGGREGATE_V1,)
    if sampled:
        return (PROBABILITIES_V1, PROBABILITIES_V2, HISTOGRAM_V1, HISTOGRAM_V2, SHOTS_V1, SHOTS_V2)
    return (PROBABILITIES_V1, PROBABILITIES_V2)


def results(job_id: str, base_path: str, multi: bool, sampled: bool) -> dict[str, Any]:
    """A completed job's `results`: the legacy links, then one descriptor per format.

    The links are the probabilities URL and, for a sampled circuit, `histogram` and `shots`
    pointing at its v1 artifacts: qiskit-ionq reads per-shot memory from `shots.url`."""
    suffix = "/aggregated" if multi else ""
    out: dict[str, Any] = {
        "probabilities": {"url": f"{base_path}/jobs/{job_id}/results/probabilities{suffix}"}
    }
    if sampled and not multi:
        for link, format_id in (("histogram", HISTOGRAM_V1), ("shots", SHOTS_V1)):
            artifact = artifact_id(job_id, format_id)
            out[link] = {"url": f"{base_path}/jobs/{job_id}/artifacts/{artifact}"}
    for format_id in formats(multi, sampled):
        out[format_id] = {
            "id": artifact_id(job_id, format_id),
            "format": format_id,
            "media_type": MEDIA_TYPE,
        }
    return out


def format_of(
    job_id: str, wanted: str, multi: bool, sampled: bool, circuit: bool = True
) -> str | None:
    """The format of the job's artifact `wanted`, or None if the job has no such artifact."""
    for format_id in formats(multi, sampled, circuit):
        if artifact_id(job_id, format_id) == wanted:
            return format_id
    return None


def registers(program: object, width: int) -> Registers:
    """`output_all` (qubits 0..width-1), then the circuit's own `registers` whose qubit
    lists are valid (integers in 0..width-1); others are left out."""
    out: Registers = {ALL_QUBITS: list(range(width))}
    named = program.get("registers") if isinstance(program, Mapping) else None
    if isinstance(named, Mapping):
        for name, qubits in named.items():
            if (
                isinstance(name, str)
                and name != ALL_QUBITS
                and isinstance(qubits, list)
                and all(type(q) is int and 0 <= q < width for q in qubits)
            ):
                out[name] = list(qubits)
    return out


def counts(probabilities: Mapping[str, float], shots: int) -> dict[str, int]:
    """Counts summing exactly to `shots`: p * shots rounded by largest remainder.

    >>> counts({"0": 0.5, "3": 0.5}, 1001)
    {'0': 501, '3': 500}
    """
    raw = {state: max(0.0, p) * shots for state, p in probabilities.items()}
    floors = {state: math.floor(value) for state, value in raw.items()}
    left = shots - sum(floors.values())
    # Largest remainders first; ties go to the lower state, so the result is deterministic.
    order = sorted(raw, key=lambda s: (-(raw[s] - floors[s]), int(s)))
    for state in order[: max(0, left)]:
        floors[state] += 1
    return {state: n for state, n in sorted(floors.items(), key=lambda i: int(i[0])) if n > 0}


def bits(state: int, qubits: Sequence[int]) -> list[int]:
    """The bits of a basis state on `qubits`, in that order."""
    return [(state >> q) & 1 for q in qubits]


def bitstring(state: int, qubits: Sequence[int]) -> str:
    """`bits` as text: "10" is state 1 on qubits [0, 1].

    >>> bitstring(1, [0, 1])
    '10'
    """
    return "".join(map(str, bits(state, qubits)))


def _by_register(values: Mapping[str, float], regs: Registers) -> dict[str, dict[str, Any]]:
    """Marginals of `values` (per basis state) on each register, keyed by bitstring."""
    out: dict[str, dict[str, Any]] = {}
    for name, qubits in regs.items():
        marginal: dict[str, Any] = {}
        for state, value in values.items():
            key = bitstring(int(state), qubits)
            marginal[key] = marginal.get(key, 0) + value
        out[name] = dict(sorted(marginal.items()))
    return out


def shot_states(histogram: Mapping[str, int], seed: int) -> list[str]:
    """One state per shot: the histogram expanded, shuffled by `seed`."""
    states = [state for state, n in histogram.items() for _ in range(n)]
    random.Random(seed).shuffle(states)
    return states


def _low_bits(values: Mapping[str, Any], qubits: int) -> dict[str, Any]:
    """Outcome-keyed values summed onto their qubits' part (bits 0..qubits-1), in order."""
    mask = (1 << qubits) - 1
    out: dict[int, Any] = {}
    for state, value in values.items():
        key = int(state) & mask
        out[key] = out.get(key, 0) + value
    return {str(k): v for k, v in sorted(out.items())}


@dataclass(frozen=True)
class Qasm3Layout:
    """What an OpenQASM 3 job stores: outcome probabilities, its width, its registers."""

    probabilities: dict[str, float]
    qubits: int
    registers: Registers

    @classmethod
    def from_stored(cls, stored: Mapping[str, Any]) -> Qasm3Layout:
        """The layout from the stored JSON (see simulator.jobs.Qasm3Result.stored)."""
        return cls(
            dict(stored["probabilities"]),
            int(stored["qubits"]),
            {str(k): list(v) for k, v in stored["registers"].items()},
        )

    def qubit_probabilities(self) -> dict[str, float]:
        """The v1 probabilities: over the final state of the qubits only."""
        return _low_bits(self.probabilities, self.qubits)


def content(
    format_id: str,
    probabilities: Mapping[str, float],
    shots: int | None,
    regs: Registers,
    seed: int,
    qubits: int | None = None,
) -> Any:
    """An artifact's content in a single-circuit format; `shots` None (an exact result)
    has only the probability formats. `qubits` given: the keys are OpenQASM 3 outcomes
    (see the module docstring) and the v1 formats keep bits 0..qubits-1. Unknown formats
    are a ValueError."""
    if format_id == PROBABILITIES_V1:
        return dict(probabilities) if qubits is None else _low_bits(probabilities, qubits)
    if format_id == PROBABILITIES_V2:
        return {"probabilities": {"registers": _by_register(probabilities, regs)}}
    if shots is None:
        raise ValueError(f"{format_id} needs a sampled job")
    histogram = counts(probabilities, shots)
    if format_id == HISTOGRAM_V1:
        return histogram if qubits is None else _low_bits(histogram, qubits)
    if format_id == HISTOGRAM_V2:
        return {"histogram": {"registers": _by_register(histogram, regs)}}
    if format_id == SHOTS_V1:
        states = shot_states(histogram, seed)
        if qubits is None:
            return states
        mask = (1 << qubits) - 1
        return [str(int(state) & mask) for state in states]
    if format_id == SHOTS_V2:
        # One object per distinct state, shared by its shots (a million shots stay small).
        shared = {
            state: {"registers": {name: bits(int(state), q) for name, q in regs.items()}}
            for state in histogram
        }
        return {"shots": [shared[state] for state in shot_states(histogram, seed)]}
    raise ValueError(f"{format_id} is not a single-circuit format")


def stored_content(
    format_id: str,
    stored: Any,
    *,
    shots: int | None,
    seed: int,
    qasm3: bool,
    program: object = None,
    width: int = 1,
) -> Any:
    """An artifact's content from what the server stores of a job: its result as stored
    (an OpenQASM 3 job's `Qasm3Layout` JSON, else a circuit's probabilities), its shots,
    the seed of its shot order, and for a circuit its program (for its named registers)
    and width."""
    if qasm3:
        layout = Qasm3Layout.from_stored(stored)
        return content(
            format_id, layout.probabilities, shots, layout.registers, seed, layout.qubits
        )
    return content(format_id, stored, shots, registers(program, width), seed)
