"""`Circuit`: build the `input` of a job with checked qubit indices.

A circuit uses one gate set, fixed when it is made:

- `Circuit(n)` (or `Circuit(n, gateset="qis")`): the abstract gates `x y z h s si t ti v vi`
  (each optionally controlled by up to 7 qubits; `x y z` may take a `rotation` in
  radians), `cnot`, the rotations `rx ry rz` (radians, optionally controlled), `swap`, the
  two-qubit rotations `xx yy zz` (radians) and `pauliexp` (the exponential of a sum of
  Pauli strings).
- `Circuit(n, gateset="native")` (or `Circuit.native(n)`): the trapped-ion native gates
  `gpi gpi2` (phase in turns), `ms` (phases and angle in turns), `zz` (angle in turns)
  and `nop` (leaves its qubit as it is).

Calling a gate of the other set raises `ValidationError`, so the two never mix. `zz` is in
both sets: radians in a `qis` circuit, turns in a `native` one. Every method returns the
circuit, so calls chain::

    bell = Circuit(2).h(0).cnot(0, 1)
    ghz = Circuit(3).h(0).cnot(0, 1).cnot(1, 2)
    toffoli = Circuit(3).x(2, controls=[0, 1])
    native = Circuit.native(2).gpi2(0, 0.25).ms(0, 1, phases=(0, 0))

Give several circuits to `jobs.create` to submit one multi-circuit job; its circuits may
use different gate sets (each names its own when it differs from the first's). An
OpenQASM 3 program (`Qasm3(source)`, or the source as a `str`) makes an `ionq.qasm3.v1`
job instead: the service compiles it, so it is checked there, not here. Both inputs are
built in `_job_input`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Literal, TypeAlias

from ionq_api.models.native_circuit_input import NativeCircuitInput
from ionq_api.models.native_gpi_gate import NativeGpiGate
from ionq_api.models.native_ms_gate import NativeMsGate
from ionq_api.models.native_nop_gate import NativeNopGate
from ionq_api.models.native_zz_gate import NativeZzGate
from ionq_api.models.qis_circuit_input import QisCircuitInput
from ionq_api.models.qis_fixed_gate import QisFixedGate
from ionq_api.models.qis_fixed_gate_gate import QisFixedGateGate
from ionq_api.models.qis_pair_rotation_gate import QisPairRotationGate
from ionq_api.models.qis_pauli_exp_gate import QisPauliExpGate
from ionq_api.models.qis_pauli_exp_gate_paulis_item import QisPauliExpGatePaulisItem
from ionq_api.models.qis_rotation_gate import QisRotationGate
from ionq_api.models.qis_swap_gate import QisSwapGate
from ionq_api.types import UNSET
from ionq_client._exceptions import ValidationError
from ionq_client._limits import limits

__all__ = ["Circuit", "Gateset"]

Gateset: TypeAlias = Literal["qis", "native"]
QisGate: TypeAlias = (
    QisFixedGate | QisRotationGate | QisSwapGate | QisPairRotationGate | QisPauliExpGate
)
NativeGate: TypeAlias = NativeGpiGate | NativeMsGate | NativeZzGate | NativeNopGate
Controls: TypeAlias = int | Sequence[int] | None


class Circuit:
    """A quantum circuit of one gate set, built gate by gate (see the module docstring)."""

    def __init__(self, qubits: int, *, gateset: Gateset = "qis", name: str | None = None):
        lim = limits()
        if isinstance(qubits, bool) or not isinstance(qubits, int):
            raise ValidationError("qubits must be an integer", key="qubits")
        if not 1 <= qubits <= lim.max_qubits:
            raise ValidationError(
                f"qubits is {qubits}; it must be 1 to {lim.max_qubits}", key="qubits"
            )
        if gateset not in ("qis", "native"):
            raise ValidationError(f"unknown gateset {gateset!r}", key="gateset")
        self.qubits = qubits
        self.gateset: Gateset = gateset
        self.name = name
        self._qis: list[QisGate] = []
        self._native: list[NativeGate] = []

    @classmethod
    def native(cls, qubits: int, *, name: str | None = None) -> Circuit:
        """A circuit of native gates (`gpi`, `gpi2`, `ms`, `zz`)."""
        return cls(qubits, gateset="native", name=name)

    # ------------------------------------------------------------------ checks
    def _qubit(self, q: int, key: str) -> int:
        if isinstance(q, bool) or not isinstance(q, int):
            raise ValidationError(f"{key} must be an integer qubit index, not {q!r}", key=key)
        if not 0 <= q < self.qubits:
            raise ValidationError(
                f"{key} is qubit {q}; this circuit has qubits 0 to {self.qubits - 1}", key=key
            )
        return q

    def _want(self, gateset: Gateset, gate: str) -> None:
        if self.gateset != gateset:
            raise ValidationError(
                f"{gate} is a {gateset} gate; this is a {self.gateset} circuit "
                "(the two gate sets cannot be mixed)",
                key="gate",
            )

    def _pair(self, a: int, b: int) -> list[int]:
        self._qubit(a, "targets")
        self._qubit(b, "targets")
        if a == b:
            raise ValidationError(
                f"a two-qubit gate needs two distinct qubits, got {a} twice", key="targets"
            )
        return [a, b]

    def _controls(self, controls: Controls, target: int) -> list[int] | None:
        if controls is None:
            return None
        ctl = [controls] if isinstance(controls, int) else list(controls)
        if not ctl:
            return None
        lim = limits()
        if len(ctl) > lim.max_controls:
            raise ValidationError(
                f"{len(ctl)} controls; at most {lim.max_controls} are allowed", key="controls"
            )
        for c in ctl:
            self._qubit(c, "controls")
        if len(set(ctl)) != len(ctl):
            raise ValidationError(f"controls {ctl} repeat a qubit", key="controls")
        if target in ctl:
            raise ValidationError(f"qubit {target} is both target and control", key="controls")
        return ctl

    @staticmethod
    def _angle(value: float, key: str, lo: float | None = None, hi: float | None = None) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValidationError(f"{key} must be a number, not {value!r}", key=key)
        v = float(value)
        if not math.isfinite(v):
            raise ValidationError(f"{key} must be finite, not {v}", key=key)
        if (lo is not None and v < lo) or (hi is not None and v > hi):
            raise ValidationError(f"{key} is {v}; it must be {lo} to {hi}", key=key)
        return v

    # ------------------------------------------------------------------ qis gates
    def _fixed(
        self,
        gate: QisFixedGateGate,
        target: int,
        controls: Controls,
        rotation: float | None = None,
    ) -> Circuit:
        self._want("qis", gate)
        angle = None if rotation is None else self._angle(rotation, "rotation")
        self._qubit(target, "target")
        ctl = self._controls(controls, target)
        self._qis.append(
            QisFixedGate(
                gate=gate,
                target=target,
                controls=UNSET if ctl is None else ctl,
                rotation=UNSET if angle is None else angle,
            )
        )
        return self

    def x(
        self, target: int, *, controls: Controls = None, rotation: float | None = None
    ) -> Circuit:
        """Pauli X on `target` (a multi-controlled X when `controls` is given); with
        `rotation`, a rotation about X by that many radians instead of π."""
        return self._fixed("x", target, controls, rotation)

    def y(
        self, target: int, *, controls: Controls = None, rotation: float | None = None
    ) -> Circuit:
        """Pauli Y (with `rotation`: about Y by that many radians)."""
        return self._fixed("y", target, controls, rotation)

    def z(
        self, target: int, *, controls: Controls = None, rotation: float | None = None
    ) -> Circuit:
        """Pauli Z (with `rotation`: about Z by that many radians, e.g. a phase gate)."""
        return self._fixed("z", target, controls, rotation)

    def h(self, target: int, *, controls: Controls = None) -> Circuit:
        """Hadamard."""
        return self._fixed("h", target, controls)

    def s(self, target: int, *, controls: Controls = None) -> Circuit:
        """S (sqrt Z)."""
        return self._fixed("s", target, controls)

    def si(self, target: int, *, controls: Controls = None) -> Circuit:
        """S inverse."""
        return self._fixed("si", target, controls)

    def t(self, target: int, *, controls: Controls = None) -> Circuit:
        """T (fourth root of Z)."""
        return self._fixed("t", target, controls)

    def ti(self, target: int, *, controls: Controls = None) -> Circuit:
        """T inverse."""
        return self._fixed("ti", target, controls)

    def v(self, target: int, *, controls: Controls = None) -> Circuit:
        """V (sqrt X)."""
        return self._fixed("v", target, controls)

    def vi(self, target: int, *, controls: Controls = None) -> Circuit:
        """V inverse."""
        return self._fixed("vi", target, controls)

    def not_(self, target: int, *, controls: Controls = None) -> Circuit:
        """`not` (the same as `x`)."""
        return self._fixed("not", target, controls)

    def cnot(self, control: int | Sequence[int], target: int) -> Circuit:
        """Controlled NOT: `control` (one qubit or up to 7) flips `target`."""
        return self._fixed("cnot", target, control)

    def _rotation(
        self, gate: Literal["rx", "ry", "rz"], theta: float, target: int, controls: Controls
    ) -> Circuit:
        self._want("qis", gate)
        angle = self._angle(theta, "rotation")
        self._qubit(target, "target")
        ctl = self._controls(controls, target)
        self._qis.append(
            QisRotationGate(
                gate=gate, rotation=angle, target=target, controls=UNSET if ctl is None else ctl
            )
        )
        return self

    def rx(self, theta: float, target: int, *, controls: Controls = None) -> Circuit:
        """Rotation about X by `theta` radians."""
        return self._rotation("rx", theta, target, controls)

    def ry(self, theta: float, target: int, *, controls: Controls = None) -> Circuit:
        """Rotation about Y by `theta` radians."""
        return self._rotation("ry", theta, target, controls)

    def rz(self, theta: float, target: int, *, controls: Controls = None) -> Circuit:
        """Rotation about Z by `theta` radians."""
        return self._rotation("rz", theta, target, controls)

    def swap(self, a: int, b: int) -> Circuit:
        """Swap qubits `a` and `b` (cannot be controlled)."""
        self._want("qis", "swap")
        self._qis.append(QisSwapGate(gate="swap", targets=self._pair(a, b)))
        return self

    def _ising(self, gate: Literal["xx", "yy", "zz"], theta: float, a: int, b: int) -> Circuit:
        self._want("qis", gate)
        angle = self._angle(theta, "rotation")
        self._qis.append(QisPairRotationGate(gate=gate, rotation=angle, targets=self._pair(a, b)))
        return self

    def xx(self, theta: float, a: int, b: int) -> Circuit:
        """XX Ising rotation by `theta` radians."""
        return self._ising("xx", theta, a, b)

    def yy(self, theta: float, a: int, b: int) -> Circuit:
        """YY Ising rotation by `theta` radians."""
        return self._ising("yy", theta, a, b)

    def zz(self, theta: float, a: int, b: int) -> Circuit:
        """ZZ: in a `qis` circuit an Ising rotation by `theta` radians; in a `native`
        circuit the native ZZ gate with its angle `theta` in turns (-1..1)."""
        if self.gateset == "native":
            angle = self._angle(theta, "angle", -1.0, 1.0)
            self._native.append(NativeZzGate(gate="zz", angle=angle, targets=self._pair(a, b)))
            return self
        return self._ising("zz", theta, a, b)

    def pauliexp(
        self,
        targets: Sequence[int],
        *,
        terms: Sequence[str] | None = None,
        coefficients: Sequence[float] | None = None,
        time: float | None = None,
        paulis: str | Sequence[str] | None = None,
        rotation: float | None = None,
    ) -> Circuit:
        """exp(-i · time · Σ coefficients[k] · terms[k]) on `targets`.

        Give `terms` (Pauli strings of `I X Y Z`, one letter per target, little-endian as
        IonQ reads them: the last letter acts on `targets[0]`), `coefficients` (one per
        term) and `time`, as `qiskit-ionq` and `cirq-ionq` send them; or one Pauli string
        as `paulis` (a letter per target, in target order) with a `rotation` in radians.
        """
        self._want("qis", "pauliexp")
        tgt = [self._qubit(t, "targets") for t in targets]
        if not tgt or len(set(tgt)) != len(tgt):
            raise ValidationError(f"targets {tgt} must be distinct and not empty", key="targets")
        gate = QisPauliExpGate(gate="pauliexp", targets=tgt)
        if paulis is not None or rotation is not None:
            if terms is not None or coefficients is not None or time is not None:
                raise ValidationError(
                    "give terms/coefficients/time or paulis/rotation", key="paulis"
                )
            letters = list(paulis or "")
            if len(letters) != len(tgt) or set(letters) - set("IXYZ"):
                raise ValidationError(
                    f"paulis must be one of I X Y Z per target, not {paulis!r}", key="paulis"
                )
            if rotation is None:
                raise ValidationError("paulis needs a rotation", key="rotation")
            gate.paulis = [_pauli(p) for p in letters]
            gate.rotation = self._angle(rotation, "rotation")
            return self._push(gate)
        if terms is None or coefficients is None or time is None:
            raise ValidationError("pauliexp needs terms, coefficients and time", key="terms")
        words = list(terms)
        if not words or any(len(w) != len(tgt) or set(w) - set("IXYZ") for w in words):
            raise ValidationError(
                f"each term must be one of I X Y Z per target, not {words!r}", key="terms"
            )
        coef = [self._angle(c, "coefficients") for c in coefficients]
        if len(coef) != len(words):
            raise ValidationError("give one coefficient per term", key="coefficients")
        gate.terms = words
        gate.coefficients = coef
        gate.time = self._angle(time, "time")
        return self._push(gate)

    def _push(self, gate: QisGate) -> Circuit:
        self._qis.append(gate)
        return self

    # ------------------------------------------------------------------ native gates
    def nop(self, target: int) -> Circuit:
        """Native no-operation on `target` (leaves it as it is)."""
        self._want("native", "nop")
        self._native.append(NativeNopGate(gate="nop", target=self._qubit(target, "target")))
        return self

    def gpi(self, target: int, phase: float) -> Circuit:
        """Native GPI on `target`, `phase` in turns (-1..1)."""
        self._want("native", "gpi")
        p = self._angle(phase, "phase", -1.0, 1.0)
        self._native.append(
            NativeGpiGate(gate="gpi", phase=p, target=self._qubit(target, "target"))
        )
        return self

    def gpi2(self, target: int, phase: float) -> Circuit:
        """Native GPI2 on `target`, `phase` in turns (-1..1)."""
        self._want("native", "gpi2")
        p = self._angle(phase, "phase", -1.0, 1.0)
        self._native.append(
            NativeGpiGate(gate="gpi2", phase=p, target=self._qubit(target, "target"))
        )
        return self

    def ms(
        self, a: int, b: int, *, phases: tuple[float, float] = (0.0, 0.0), angle: float = 0.25
    ) -> Circuit:
        """Native Mølmer-Sørensen on `a`, `b`; `phases` (-1..1), `angle` (0..0.25) in turns."""
        self._want("native", "ms")
        if len(phases) != 2:
            raise ValidationError("ms takes exactly two phases", key="phases")
        ph = [self._angle(p, "phases", -1.0, 1.0) for p in phases]
        ang = self._angle(angle, "angle", 0.0, 0.25)
        self._native.append(NativeMsGate(gate="ms", phases=ph, targets=self._pair(a, b), angle=ang))
        return self

    # ------------------------------------------------------------------ output
    @property
    def gates(self) -> list[QisGate] | list[NativeGate]:
        """The gates so far, as the generated models (a copy)."""
        return list(self._qis) if self.gateset == "qis" else list(self._native)

    def __len__(self) -> int:
        return len(self._qis) + len(self._native)

    def gate_counts(self) -> tuple[int, int]:
        """(single-qubit gates, multi-qubit gates): controlled gates count as multi-qubit."""
        one = two = 0
        for g in self._qis:
            if isinstance(g, QisPauliExpGate):
                if len(g.targets) > 1:
                    two += 1
                else:
                    one += 1
            elif isinstance(g, QisSwapGate | QisPairRotationGate) or g.controls is not UNSET:
                two += 1
            else:
                one += 1
        for n in self._native:
            if isinstance(n, NativeNopGate):
                continue  # does nothing, costs nothing
            if isinstance(n, NativeGpiGate):
                one += 1
            else:
                two += 1
        return one, two

    def _nonempty(self) -> None:
        if len(self) == 0:
            raise ValidationError("a circuit needs at least one gate", key="circuit")

    def to_input(self) -> QisCircuitInput | NativeCircuitInput:
        """The spec's `CircuitInput` for a single-circuit job."""
        self._nonempty()
        if self.gateset == "qis":
            return QisCircuitInput(gateset="qis", circuit=list(self._qis), qubits=self.qubits)
        return NativeCircuitInput(gateset="native", circuit=list(self._native), qubits=self.qubits)

    def __repr__(self) -> str:
        return f"Circuit({self.qubits}, gateset={self.gateset!r}, gates={len(self)})"


def _pauli(letter: str) -> QisPauliExpGatePaulisItem:
    if letter == "I":
        return "I"
    if letter == "X":
        return "X"
    if letter == "Y":
        return "Y"
    return "Z"
