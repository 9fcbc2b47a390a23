"""Read a JSON program file (as `openapi.yaml` defines a job) into `Circuit`s and options.

`ionq jobs submit FILE` accepts either the whole `createJob` body
(`{"type": ..., "input": {...}, "shots": ...}`) or only its `input`
(`{"gateset": ..., "circuit": [...]}` for `ionq.circuit.v1`, or `{"gateset": ...,
"circuits": [...]}` for `ionq.multi-circuit.v1`, each circuit optionally naming its own
`gateset`). The gates are replayed onto `Circuit`
objects, so a program goes through the same checks and the same duplicate-free create as
one built in Python. Every problem is a `ProgramError` naming the offending key, e.g.
`input.circuit[2].target`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from ionq_client._circuit import Circuit, Gateset
from ionq_client._exceptions import ValidationError

__all__ = ["Program", "ProgramError", "parse_program"]

CIRCUIT_TYPE: Final = "ionq.circuit.v1"
MULTI_CIRCUIT_TYPE: Final = "ionq.multi-circuit.v1"

#: Fixed single-qubit gates of `qis` (`not` and `cnot` are `x`), by JSON name → method name.
_QIS_FIXED: Final = {
    "x": "x",
    "y": "y",
    "z": "z",
    "h": "h",
    "s": "s",
    "si": "si",
    "t": "t",
    "ti": "ti",
    "v": "v",
    "vi": "vi",
    "not": "x",
    "cnot": "x",
}
_QIS_ROTATION: Final = frozenset({"rx", "ry", "rz"})
_QIS_PAIR: Final = frozenset({"xx", "yy", "zz"})
#: Body fields other than `type` and `input`, passed on to `jobs.create`.
_JOB_FIELDS: Final = frozenset(
    {"backend", "name", "metadata", "shots", "noise", "settings", "session_id", "dry_run"}
)


class ProgramError(ValueError):
    """The program file is not a program this command can submit; `key` names where."""

    def __init__(self, message: str, *, key: str) -> None:
        super().__init__(f"{key}: {message}" if key else message)
        self.key = key


@dataclass
class Program:
    """A parsed program: one circuit (`multi` false) or several, and the body's other fields."""

    circuits: list[Circuit]
    multi: bool
    fields: dict[str, Any] = field(default_factory=dict)


def _int(value: object, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ProgramError(f"expected an integer, got {json.dumps(value)}", key=key)
    return value


def _number(value: object, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ProgramError(f"expected a number, got {json.dumps(value)}", key=key)
    return float(value)


def _int_list(value: object, key: str) -> list[int]:
    if not isinstance(value, list):
        raise ProgramError(f"expected a list of integers, got {json.dumps(value)}", key=key)
    return [_int(v, f"{key}[{i}]") for i, v in enumerate(value)]


def _one_or_many(gate: Mapping[str, Any], one: str, many: str, key: str) -> list[int] | None:
    """`gate[one]` as a one-item list, or `gate[many]`; `None` when neither is there."""
    if one in gate and many in gate:
        raise ProgramError(f"give {one!r} or {many!r}, not both", key=key)
    if one in gate:
        return [_int(gate[one], f"{key}.{one}")]
    if many in gate:
        return _int_list(gate[many], f"{key}.{many}")
    return None


def _pair(gate: Mapping[str, Any], key: str) -> tuple[int, int]:
    targets = _int_list(gate.get("targets"), f"{key}.targets")
    if len(targets) != 2:
        raise ProgramError("expected exactly two target qubits", key=f"{key}.targets")
    return targets[0], targets[1]


def _highest_qubit(gates: list[Any]) -> int:
    """One more than the highest qubit index any gate names (the spec's default width)."""
    top = -1
    for gate in gates:
        if not isinstance(gate, dict):
            continue
        for name in ("target", "control"):
            if isinstance(gate.get(name), int):
                top = max(top, gate[name])
        for name in ("targets", "controls"):
            values = gate.get(name)
            if isinstance(values, list):
                top = max([top, *(v for v in values if isinstance(v, int))])
    return top + 1


def _apply(circuit: Circuit, gate: object, key: str) -> None:
    """Replay one JSON gate onto `circuit` through its public methods."""
    if not isinstance(gate, dict):
        raise ProgramError("a gate must be a JSON object", key=key)
    name = gate.get("gate")
    if not isinstance(name, str):
        raise ProgramError("missing the gate name ('gate')", key=f"{key}.gate")
    if circuit.gateset == "qis":
        if name in _QIS_FIXED or name in _QIS_ROTATION:
            targets = _one_or_many(gate, "target", "targets", key)
            if not targets:
                raise ProgramError("missing 'target' or 'targets'", key=key)
            controls = _one_or_many(gate, "control", "controls", key)
            for t in targets:
                if name in _QIS_ROTATION:
                    theta = _number(gate.get("rotation"), f"{key}.rotation")
                    getattr(circuit, name)(theta, t, controls=controls)
                elif name in ("x", "y", "z") and "rotation" in gate:
                    # `x y z` with a rotation rotate about their axis by it (a phase gate
                    # is `z` with a rotation).
                    theta = _number(gate["rotation"], f"{key}.rotation")
                    getattr(circuit, name)(t, controls=controls, rotation=theta)
                else:
                    getattr(circuit, _QIS_FIXED[name])(t, controls=controls)
            return
        if name == "pauliexp":
            _pauliexp(circuit, gate, key)
            return
        if name == "swap":
            circuit.swap(*_pair(gate, key))
            return
        if name in _QIS_PAIR:
            theta = _number(gate.get("rotation"), f"{key}.rotation")
            getattr(circuit, name)(theta, *_pair(gate, key))
            return
    else:
        if name == "nop":
            targets = _one_or_many(gate, "target", "targets", key)
            if not targets:
                raise ProgramError("missing 'target' or 'targets'", key=key)
            for t in targets:
                circuit.nop(t)
            return
        if name in ("gpi", "gpi2"):
            target = _int(gate.get("target"), f"{key}.target")
            getattr(circuit, name)(target, _number(gate.get("phase"), f"{key}.phase"))
            return
        if name == "ms":
            phases = gate.get("phases", [0, 0])
            if not isinstance(phases, list) or len(phases) != 2:
                raise ProgramError("expected two phases", key=f"{key}.phases")
            angle = _number(gate.get("angle", 0.25), f"{key}.angle")
            p0, p1 = (_number(p, f"{key}.phases[{i}]") for i, p in enumerate(phases))
            circuit.ms(*_pair(gate, key), phases=(p0, p1), angle=angle)
            return
        if name == "zz":
            # `phase` is the spec's accepted synonym of `angle` (what Cirq sends).
            angle_key = "angle" if "angle" in gate else "phase"
            circuit.zz(_number(gate.get(angle_key), f"{key}.{angle_key}"), *_pair(gate, key))
            return
    raise ProgramError(f"unknown {circuit.gateset} gate {name!r}", key=f"{key}.gate")


def _strings(value: object, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ProgramError(f"expected a list of strings, got {json.dumps(value)}", key=key)
    return list(value)


def _pauliexp(circuit: Circuit, gate: Mapping[str, Any], key: str) -> None:
    """A `pauliexp` gate, in either of its two forms (terms, or paulis with a rotation)."""
    targets = _int_list(gate.get("targets"), f"{key}.targets")
    if "paulis" in gate:
        circuit.pauliexp(
            targets,
            paulis=_strings(gate["paulis"], f"{key}.paulis"),
            rotation=_number(gate.get("rotation"), f"{key}.rotation"),
        )
        return
    coefficients = gate.get("coefficients")
    if not isinstance(coefficients, list):
        raise ProgramError("expected a list of numbers", key=f"{key}.coefficients")
    circuit.pauliexp(
        targets,
        terms=_strings(gate.get("terms"), f"{key}.terms"),
        coefficients=[_number(c, f"{key}.coefficients[{i}]") for i, c in enumerate(coefficients)],
        time=_number(gate.get("time"), f"{key}.time"),
    )


def _circuit(
    gates: object, gateset: Gateset, qubits: object, name: object, key: str, qubits_key: str
) -> Circuit:
    if not isinstance(gates, list) or not gates:
        raise ProgramError("expected a non-empty list of gates", key=key)
    width = _highest_qubit(gates) if qubits is None else _int(qubits, qubits_key)
    if name is not None and not isinstance(name, str):
        raise ProgramError("a circuit name must be a string", key=key.removesuffix(".circuit"))
    try:
        circuit = Circuit(max(width, 1), gateset=gateset, name=name)
    except ValidationError as exc:
        raise ProgramError(str(exc), key=qubits_key) from exc
    for i, gate in enumerate(gates):
        try:
            _apply(circuit, gate, f"{key}[{i}]")
        except ValidationError as exc:
            # The facade names the argument (`target`, `controls`...); add where it is.
            raise ProgramError(str(exc), key=f"{key}[{i}].{exc.key}") from exc
    return circuit


def parse_program(data: object) -> Program:
    """Turn a decoded JSON program (a whole `createJob` body, or its `input`) into a `Program`."""
    if not isinstance(data, dict):
        raise ProgramError("a program must be a JSON object", key="")
    body: dict[str, Any] = data if "input" in data else {"input": data}
    unknown = sorted(set(body) - _JOB_FIELDS - {"type", "input"})
    if unknown:
        raise ProgramError(f"unknown field(s) {', '.join(unknown)}", key=unknown[0])
    program = body["input"]
    if not isinstance(program, dict):
        raise ProgramError("expected a JSON object", key="input")
    gateset = program.get("gateset", "qis")
    if gateset not in ("qis", "native"):
        raise ProgramError(f"unknown gate set {gateset!r}", key="input.gateset")
    multi = "circuits" in program
    job_type = body.get("type", MULTI_CIRCUIT_TYPE if multi else CIRCUIT_TYPE)
    if job_type not in (CIRCUIT_TYPE, MULTI_CIRCUIT_TYPE):
        raise ProgramError(f"unsupported program type {job_type!r}", key="type")
    if (job_type == MULTI_CIRCUIT_TYPE) != multi:
        want = "circuits" if job_type == MULTI_CIRCUIT_TYPE else "circuit"
        raise ProgramError(f"a {job_type} program needs input.{want}", key="input")
    if multi:
        entries = program["circuits"]
        if not isinstance(entries, list) or not entries:
            raise ProgramError("expected a non-empty list of circuits", key="input.circuits")
        circuits = []
        for i, entry in enumerate(entries):
            key = f"input.circuits[{i}]"
            if not isinstance(entry, dict):
                raise ProgramError("expected a JSON object", key=key)
            own = entry.get("gateset", gateset)
            if own not in ("qis", "native"):
                raise ProgramError(f"unknown gate set {own!r}", key=f"{key}.gateset")
            circuits.append(
                _circuit(
                    entry.get("circuit"),
                    own,
                    entry.get("qubits", program.get("qubits")),
                    entry.get("name"),
                    f"{key}.circuit",
                    f"{key}.qubits" if "qubits" in entry else "input.qubits",
                )
            )
    else:
        circuits = [
            _circuit(
                program.get("circuit"),
                gateset,
                program.get("qubits"),
                None,
                "input.circuit",
                "input.qubits",
            )
        ]
    fields = {k: v for k, v in body.items() if k in _JOB_FIELDS}
    return Program(circuits=circuits, multi=multi, fields=fields)
