"""Parsing `ionq.circuit.v1` / `ionq.multi-circuit.v1` inputs into ops, with IonQ's failure codes.

Every problem with the input is a `SimulationFailure`; nothing else escapes, whatever the
JSON holds. Rules beyond the reference that this module decides (see docs/simulator.md):

- `gateset` defaults to "qis" when absent; a circuit's own `gateset`/`qubits` override the
  parent's in a multi-circuit input.
- `qubits` absent means 1 + the highest qubit index used (1 for an empty circuit).
- A 1-qubit QIS gate with several `targets` is applied to each target in turn, with the same
  controls (so `cnot` with targets [1, 2] is a fan-out).
- Giving both `target` and `targets` (or `control` and `controls`) is InvalidInput.
- `swap` takes no controls (InvalidInput), as the reference says; `cnot` needs at least one.
- `pauliexp` (`terms`, `coefficients`, `time`) is exp(-i time sum_k c_k P_k), each term
  little-endian as IonQ reads it: its last letter acts on `targets[0]` (cirq-ionq reverses
  Cirq's strings for this; qiskit-ionq sends Qiskit labels, whose last letter is qubit 0).
  The `paulis`/`rotation` form (one letter per target, in target order) is
  exp(-i rotation/2 P). On more than `MAX_PAULIEXP_QUBITS` targets it is UnsupportedGate.
- Native `nop` is accepted and does nothing.
- A `rotation` on QIS `x`, `y` or `z` makes it `rx`, `ry` or `rz` by that angle (qiskit-ionq
  sends phase gates as `z` with a rotation); on another fixed gate it is InvalidInput.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from . import gates
from .errors import SimulationFailure
from .ops import Op

MAX_CONTROLS: Final = 7
MAX_CIRCUITS: Final = 5_000
MAX_GATES: Final = 150_000
MAX_PAULIEXP_QUBITS: Final = 8

JOB_TYPES: Final = ("ionq.circuit.v1", "ionq.multi-circuit.v1")
QIS_GATES: Final = frozenset(
    {"x", "y", "z", "rx", "ry", "rz", "h", "not", "cnot", "s", "si", "t", "ti", "v", "vi"}
    | {"swap", "xx", "yy", "zz", "pauliexp"}
)
# Fixed QIS gates that a `rotation` turns into the rotation about the same axis.
ROTATABLE: Final = {"x": "rx", "y": "ry", "z": "rz"}
NATIVE_GATES: Final = frozenset({"gpi", "gpi2", "ms", "zz", "nop"})


@dataclass(frozen=True)
class Circuit:
    """One parsed circuit: its width, its ops, and its gate counts as IonQ counts them."""

    name: str | None
    qubits: int
    ops: tuple[Op, ...]
    gates_1q: int
    gates_2q: int


def _fail(message: str) -> SimulationFailure:
    return SimulationFailure("InvalidInput", message)


def _real(gate: Mapping[str, Any], key: str, lo: float = -math.inf, hi: float = math.inf) -> float:
    value = gate.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _fail(f"gate {gate.get('gate')!r} needs a number in {key!r}")
    x = float(value)
    if not (math.isfinite(x) and lo <= x <= hi):
        raise _fail(f"gate {gate.get('gate')!r}: {key}={value!r} is outside {lo}..{hi}")
    return x


def _index(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _fail(f"qubit index {value!r} is not a non-negative integer")
    return value


def _indices(gate: Mapping[str, Any], one: str, many: str) -> list[int]:
    if one in gate and many in gate:
        raise _fail(f"gate {gate.get('gate')!r} gives both {one!r} and {many!r}")
    if one in gate:
        return [_index(gate[one])]
    if many in gate:
        values = gate[many]
        if not isinstance(values, list):
            raise _fail(f"{many!r} must be a list of qubit indices")
        return [_index(v) for v in values]
    return []


def _parse_gate(gateset: str, gate: object) -> list[Op]:
    # `type(...) is dict` first: the ABC check costs more than the rest of a gate's checks.
    if type(gate) is not dict and not isinstance(gate, Mapping):
        raise _fail(f"a gate must be an object, got {type(gate).__name__}")
    name = gate.get("gate")
    if not isinstance(name, str):
        raise _fail("a gate needs a string 'gate' name")
    known = QIS_GATES if gateset == "qis" else NATIVE_GATES
    if name not in known:
        raise SimulationFailure("UnsupportedGate", f"gate {name!r} is not in the {gateset} gateset")
    targets = _indices(gate, "target", "targets")
    controls = _indices(gate, "control", "controls")
    if len(controls) > MAX_CONTROLS:
        raise SimulationFailure(
            "TooManyControls", f"gate {name!r} has {len(controls)} controls; at most 7"
        )
    if gateset == "native":
        if controls:
            raise _fail(f"native gate {name!r} takes no controls")
        return _native(gate, name, targets)
    return _qis(gate, name, targets, controls)


def _distinct(name: str, qubits: Sequence[int]) -> None:
    if len(set(qubits)) != len(qubits):
        raise _fail(f"gate {name!r} uses a qubit twice: {list(qubits)}")


def _pauli_terms(gate: Mapping[str, Any], width: int) -> dict[str, float]:
    """`terms` and `coefficients` as {pauli string: summed coefficient}."""
    terms, coefficients = gate.get("terms"), gate.get("coefficients")
    if not isinstance(terms, list) or not terms:
        raise _fail("pauliexp needs 'terms': a non-empty list of Pauli strings")
    if not isinstance(coefficients, list) or len(coefficients) != len(terms):
        raise _fail("pauliexp needs one number in 'coefficients' per term")
    merged: dict[str, float] = {}
    for term, coefficient in zip(terms, coefficients, strict=True):
        if not isinstance(term, str) or len(term) != width or term.strip("IXYZ"):
            raise _fail(f"pauliexp term {term!r} is not a string of {width} of I, X, Y, Z")
        value = _real({"gate": "pauliexp", "coefficients": coefficient}, "coefficients")
        merged[term] = merged.get(term, 0.0) + value
    return merged


def _cirq_pauli_term(gate: Mapping[str, Any], width: int) -> dict[str, float]:
    """cirq-ionq's form, `paulis` (one letter per target) and `rotation` (radians), as
    {pauli string: coefficient} at time 1: exp(-i rotation/2 P), like `rx` for P = X."""
    if any(key in gate for key in ("terms", "coefficients", "time")):
        raise _fail("pauliexp takes terms/coefficients/time or paulis/rotation, not both")
    paulis = gate.get("paulis")
    if (
        not isinstance(paulis, list)
        or len(paulis) != width
        or not all(p in ("I", "X", "Y", "Z") for p in paulis)
    ):
        raise _fail(f"pauliexp 'paulis' must be {width} of 'I', 'X', 'Y', 'Z' (one per target)")
    return {"".join(paulis): _real(gate, "rotation") / 2}


def _pauliexp(gate: Mapping[str, Any], targets: list[int], ctl: tuple[int, ...]) -> list[Op]:
    if not targets:
        raise _fail("pauliexp needs targets")
    _distinct("pauliexp", [*ctl, *targets])
    if len(targets) > MAX_PAULIEXP_QUBITS:
        raise SimulationFailure(
            "UnsupportedGate",
            f"pauliexp on {len(targets)} targets; this simulator takes at most"
            f" {MAX_PAULIEXP_QUBITS}",
        )
    if "paulis" in gate or "rotation" in gate:
        terms, time = _cirq_pauli_term(gate, len(targets)), 1.0
        operands = targets
    else:
        terms, time = _pauli_terms(gate, len(targets)), _real(gate, "time")
        # The matrix's first factor is a term's first letter, which IonQ (little-endian)
        # puts on the last target.
        operands = targets[::-1]
    if not math.isfinite(abs(time) * sum(abs(c) for c in terms.values())):
        raise _fail("pauliexp: time x coefficients overflows")
    matrix = gates.pauli_exponential(terms, time)
    return [Op(tuple(operands), matrix, ctl)]


def _qis(gate: Mapping[str, Any], name: str, targets: list[int], controls: list[int]) -> list[Op]:
    ctl = tuple(controls)
    if name == "pauliexp":
        return _pauliexp(gate, targets, ctl)
    if "rotation" in gate and name not in gates.ROTATIONS_1Q:
        if name not in ROTATABLE and name not in gates.ROTATION_2Q_AXES:
            raise _fail(f"gate {name!r} takes no 'rotation'")
        name = ROTATABLE.get(name, name)
    if name in gates.ROTATION_2Q_AXES or name == "swap":
        if len(targets) != 2:
            raise _fail(f"gate {name!r} needs exactly 2 targets")
        _distinct(name, controls + targets)
        if name == "swap":
            if controls:
                raise _fail("swap takes no controls")
            matrix = gates.SWAP
        else:
            matrix = gates.rotation_2q(gates.ROTATION_2Q_AXES[name], _real(gate, "rotation"))
        return [Op(tuple(targets), matrix, ctl)]
    if not targets:
        raise _fail(f"gate {name!r} needs a target")
    if name == "cnot" and not controls:
        raise _fail("cnot needs a control")
    if name in gates.ROTATIONS_1Q:
        matrix = gates.ROTATIONS_1Q[name](_real(gate, "rotation"))
    else:
        matrix = gates.FIXED_1Q[name]
    ops = []
    for t in targets:
        if controls:  # one target alone is always distinct
            _distinct(name, [*controls, t])
        ops.append(Op((t,), matrix, ctl))
    return ops


def _native(gate: Mapping[str, Any], name: str, targets: list[int]) -> list[Op]:
    if name == "nop":
        return []
    if name in ("gpi", "gpi2"):
        if len(targets) != 1:
            raise _fail(f"gate {name!r} needs exactly 1 target")
        phase = _real(gate, "phase", -1.0, 1.0)
        return [Op(tuple(targets), gates.gpi(phase) if name == "gpi" else gates.gpi2(phase))]
    if len(targets) != 2:
        raise _fail(f"gate {name!r} needs exactly 2 targets")
    _distinct(name, targets)
    if name == "ms":
        phases = gate.get("phases")
        if not isinstance(phases, list) or len(phases) != 2:
            raise _fail("ms needs 'phases': a list of 2 numbers (turns)")
        p0, p1 = (_real({"gate": "ms", "phases": p}, "phases", -1.0, 1.0) for p in phases)
        angle = _real(gate, "angle", 0.0, 0.25) if "angle" in gate else 0.25
        return [Op(tuple(targets), gates.ms(p0, p1, angle))]
    # Native zz: the docs name the angle `angle`; Cirq sends it as `phase`. Accept both.
    key = "angle" if "angle" in gate else "phase"
    return [Op(tuple(targets), gates.zz_native(_real(gate, key)))]


def _common_gate(gate: dict[str, Any]) -> Op | None:
    """The op of a 1-qubit QIS gate in the shape nearly every client sends, or None.

    The shape: "gate", an int "target", optionally one int "control" (another qubit) and,
    for rx/ry/rz, a float "rotation"; no other key. Anything else (None here) takes
    `_parse_gate`, which gives the same op for this shape: this only skips its general
    checks, about half of a circuit's parsing time.
    """
    target = gate.get("target")
    if type(target) is not int or target < 0:
        return None
    keys = 2
    control = gate.get("control")
    if control is None:
        controls: tuple[int, ...] = ()
    elif type(control) is int and 0 <= control != target:
        controls = (control,)
        keys = 3
    else:
        return None
    name = gate["gate"]
    matrix = gates.FIXED_1Q.get(name)
    if matrix is None:
        rotation = gates.ROTATIONS_1Q.get(name)
        angle = gate.get("rotation")
        if rotation is None or type(angle) is not float or not math.isfinite(angle):
            return None
        matrix = rotation(angle)
        keys += 1
    elif name == "cnot" and not controls:
        return None
    if len(gate) != keys:
        return None
    return Op((target,), matrix, controls)


def _width(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise _fail(f"'qubits' must be a positive integer, got {value!r}")
    return value


def parse_circuit(
    gateset: object, circuit: object, qubits: object, max_qubits: int, name: str | None = None
) -> Circuit:
    """Parse one circuit's gate list; `qubits` may be None (then inferred)."""
    if gateset not in ("qis", "native"):
        raise _fail(f"'gateset' must be 'qis' or 'native', got {gateset!r}")
    if not isinstance(circuit, list):
        raise _fail("'circuit' must be a list of gates")
    ops: list[Op] = []
    gates_1q = gates_2q = used = 0
    gateset_name = str(gateset)
    common = gateset_name == "qis"
    for gate in circuit:
        if common and type(gate) is dict:
            op = _common_gate(gate)
            if op is not None:
                ops.append(op)
                if op.controls:
                    gates_2q += 1
                    used = max(used, op.targets[0] + 1, op.controls[0] + 1)
                else:
                    gates_1q += 1
                    used = max(used, op.targets[0] + 1)
                continue
        new = _parse_gate(gateset_name, gate)
        if not new:  # a nop: the indices it names count towards the width all the same
            used = max(used, *(i + 1 for i in _indices(gate, "target", "targets")), 1)
            continue
        ops.extend(new)
        for op in new:
            op_qubits = op.qubits
            if len(op_qubits) == 1:
                gates_1q += 1
            else:
                gates_2q += 1
            used = max(used, max(op_qubits) + 1)
    width = max(used, 1) if qubits is None else _width(qubits)
    if used > width:
        raise _fail(f"a gate uses qubit {used - 1}, but the circuit has {width} qubits")
    if width > max_qubits:
        raise SimulationFailure(
            "NotEnoughQubits", f"the circuit needs {width} qubits; this target has {max_qubits}"
        )
    return Circuit(name, width, tuple(ops), gates_1q, gates_2q)


def parse_job(job_type: str, job_input: object, max_qubits: int) -> list[Circuit]:
    """Parse a job's `input` into its circuits (one for `ionq.circuit.v1`)."""
    if job_type not in JOB_TYPES:
        raise _fail(f"job type {job_type!r} is not simulated; use one of {list(JOB_TYPES)}")
    if not isinstance(job_input, Mapping):
        raise _fail("'input' must be an object")
    gateset = job_input.get("gateset", "qis")
    qubits = job_input.get("qubits")
    if job_type == "ionq.circuit.v1":
        entries: list[object] = [job_input]
    else:
        circuits = job_input.get("circuits")
        if not isinstance(circuits, list) or not circuits:
            raise _fail("a multi-circuit input needs a non-empty 'circuits' list")
        if len(circuits) > MAX_CIRCUITS:
            raise _fail(f"{len(circuits)} circuits; at most {MAX_CIRCUITS}")
        entries = circuits
    total = sum(
        len(e["circuit"])
        for e in entries
        if isinstance(e, Mapping) and isinstance(e.get("circuit"), list)
    )
    if total > MAX_GATES:
        raise SimulationFailure("TooManyGates", f"{total} gates; at most {MAX_GATES}")
    parsed = []
    for entry in entries:
        if not isinstance(entry, Mapping):
            raise _fail("each entry of 'circuits' must be an object")
        name = entry.get("name")
        parsed.append(
            parse_circuit(
                entry.get("gateset", gateset),
                entry.get("circuit"),
                entry.get("qubits", qubits),
                max_qubits,
                name if isinstance(name, str) else None,
            )
        )
    return parsed
