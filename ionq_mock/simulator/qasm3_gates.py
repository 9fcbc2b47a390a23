"""OpenQASM 3's gates as matrices: the gate library (`stdgates.inc`, the built-in `U`
and `gphase`), the program's own `gate` definitions, and the modifiers `inv @`,
`pow(k) @`, `ctrl(n) @` and `negctrl(n) @`.

A gate call's matrix acts on its own qubits (controls first, kron order); its arguments
must be known before the program runs (`Scope.static_value`). Matrices are cached by
gate and arguments.
"""

from __future__ import annotations

import cmath
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

import numpy as np
from openqasm3 import ast

from . import gates
from .engine import apply_to_axes
from .gates import Matrix
from .qasm3_expressions import Scope, fail, unsupported

# Gates are built as dense matrices on their own qubits: a user gate or a modified gate on
# more qubits than this is UnsupportedGate.
MAX_GATE_QUBITS: Final = 10
MAX_GATE_DEPTH: Final = 32
# Matrices cached at most, per program.
MAX_CACHED: Final = 10_000


def _u(theta: float, phi: float, lam: float) -> Matrix:
    """OpenQASM 3's U(θ, φ, λ), phase included as the language defines it."""
    c, s = math.cos(theta / 2), math.sin(theta / 2)
    return np.array(
        [
            [c, -cmath.exp(1j * lam) * s],
            [cmath.exp(1j * phi) * s, cmath.exp(1j * (phi + lam)) * c],
        ],
        dtype=np.complex128,
    )


def _p(lam: float) -> Matrix:
    return np.diag(np.array([1, cmath.exp(1j * lam)], dtype=np.complex128))


def _ctrl(u: Matrix, n: int = 1) -> Matrix:
    return gates.controlled(u, n)


# name -> (number of angles, number of qubits, matrix of the angles); stdgates.inc's gates.
STANDARD: Final[dict[str, tuple[int, int, Callable[..., Matrix]]]] = {
    "U": (3, 1, _u),
    "u3": (3, 1, _u),
    "u": (3, 1, _u),
    "u2": (2, 1, lambda phi, lam: _u(math.pi / 2, phi, lam)),
    "u1": (1, 1, _p),
    "p": (1, 1, _p),
    "phase": (1, 1, _p),
    "id": (0, 1, lambda: gates.I2),
    "x": (0, 1, lambda: gates.X),
    "y": (0, 1, lambda: gates.Y),
    "z": (0, 1, lambda: gates.Z),
    "h": (0, 1, lambda: gates.H),
    "s": (0, 1, lambda: gates.S),
    "sdg": (0, 1, lambda: gates.S.conj().T),
    "t": (0, 1, lambda: gates.T),
    "tdg": (0, 1, lambda: gates.T.conj().T),
    "sx": (0, 1, lambda: gates.V),
    "rx": (1, 1, gates.rx),
    "ry": (1, 1, gates.ry),
    "rz": (1, 1, gates.rz),
    "cx": (0, 2, lambda: _ctrl(gates.X)),
    "CX": (0, 2, lambda: _ctrl(gates.X)),
    "cy": (0, 2, lambda: _ctrl(gates.Y)),
    "cz": (0, 2, lambda: _ctrl(gates.Z)),
    "ch": (0, 2, lambda: _ctrl(gates.H)),
    "cp": (1, 2, lambda lam: _ctrl(_p(lam))),
    "cphase": (1, 2, lambda lam: _ctrl(_p(lam))),
    "crx": (1, 2, lambda t: _ctrl(gates.rx(t))),
    "cry": (1, 2, lambda t: _ctrl(gates.ry(t))),
    "crz": (1, 2, lambda t: _ctrl(gates.rz(t))),
    "cu": (4, 2, lambda t, phi, lam, g: _ctrl(cmath.exp(1j * g) * _u(t, phi, lam))),
    "swap": (0, 2, lambda: gates.SWAP),
    "ccx": (0, 3, lambda: _ctrl(gates.X, 2)),
    "cswap": (0, 3, lambda: _ctrl(gates.SWAP)),
}


def _power(u: Matrix, k: float) -> Matrix:
    """u**k for a unitary u: integer powers exactly, others on the principal branch."""
    if float(k).is_integer():
        result: Matrix = np.linalg.matrix_power(u, int(k))
        return result
    values, vectors = np.linalg.eig(u)
    powered: Matrix = (vectors * np.exp(1j * k * np.angle(values))) @ np.linalg.inv(vectors)
    return powered


def _negctrl(u: Matrix, n: int) -> Matrix:
    """u applied where the first n qubits are all 0: ctrl conjugated by X on each."""
    flips: Any = np.eye(1, dtype=np.complex128)
    for _ in range(n):
        flips = np.kron(flips, gates.X)
    flips = np.kron(flips, np.eye(u.shape[0], dtype=np.complex128))
    result: Matrix = flips @ _ctrl(u, n) @ flips
    return result


class GateBuilder:
    """The matrices of one program's gate calls, with its own gate definitions."""

    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self.definitions: dict[str, ast.QuantumGateDefinition] = {}
        self.cache: dict[tuple[Any, ...], Matrix] = {}

    def unitary(
        self, gate: ast.QuantumGate | ast.QuantumPhase, local: Mapping[str, Any], depth: int = 0
    ) -> Matrix:
        """The matrix of a gate call on its qubit operands (controls first, kron order)."""
        if depth > MAX_GATE_DEPTH:
            fail(gate, f"gate definitions nest deeper than {MAX_GATE_DEPTH}")
        if isinstance(gate, ast.QuantumPhase):
            angle = float(self.scope.static_value(gate.argument, local))
            matrix: Matrix = np.array([[cmath.exp(1j * angle)]], dtype=np.complex128)
        else:
            name = gate.name.name
            args = [self.scope.static_value(a, local) for a in gate.arguments]
            for a in args:
                if isinstance(a, bool) or not isinstance(a, int | float) or not math.isfinite(a):
                    fail(gate, f"gate {name!r} takes finite numbers, got {a!r}")
            matrix = self._base(gate, name, [float(a) for a in args], depth)
        for modifier in reversed(gate.modifiers):
            matrix = self._modify(gate, modifier, matrix, local)
        return matrix

    def _base(self, gate: ast.QuantumGate, name: str, args: list[float], depth: int) -> Matrix:
        key = (name, *args)
        cached = self.cache.get(key)
        if cached is not None:
            return cached
        definition = self.definitions.get(name)
        if definition is not None:
            if len(args) != len(definition.arguments):
                fail(
                    gate,
                    f"gate {name!r} takes {len(definition.arguments)} arguments, got {len(args)}",
                )
            matrix = self._defined(definition, args, depth)
        elif name in STANDARD:
            count, _, build = STANDARD[name]
            if len(args) != count:
                fail(gate, f"gate {name!r} takes {count} arguments, got {len(args)}")
            matrix = build(*args)
        else:
            fail(
                gate,
                f"gate {name!r} is not defined (the standard gates and the program's own"
                " gates are)",
                "UnsupportedGate",
            )
        if len(self.cache) < MAX_CACHED:
            self.cache[key] = matrix
        return matrix

    def _defined(
        self, definition: ast.QuantumGateDefinition, args: list[float], depth: int
    ) -> Matrix:
        k = len(definition.qubits)
        if k > MAX_GATE_QUBITS:
            unsupported(definition, f"a gate on {k} qubits (at most {MAX_GATE_QUBITS})")
        params = {a.name: v for a, v in zip(definition.arguments, args, strict=True)}
        positions = {q.name: i for i, q in enumerate(definition.qubits)}
        dim = 1 << k
        tensor = np.eye(dim, dtype=np.complex128).reshape((2,) * k + (dim,))
        for statement in definition.body:
            if isinstance(statement, ast.QuantumBarrier):
                continue
            if not isinstance(statement, ast.QuantumGate | ast.QuantumPhase):
                unsupported(statement, f"{type(statement).__name__} inside a gate definition")
            matrix = self.unitary(statement, params, depth + 1)
            qubits: list[int] = []
            for operand in statement.qubits:
                if not isinstance(operand, ast.Identifier) or operand.name not in positions:
                    fail(statement, "a gate body may only use the gate's own qubits")
                qubits.append(positions[operand.name])
            if matrix.shape[0] == 1:  # a global phase inside the gate
                tensor = tensor * matrix[0, 0]
                continue
            self.check_arity(statement, matrix, qubits)
            tensor = apply_to_axes(tensor, matrix, qubits)
        result: Matrix = np.ascontiguousarray(tensor.reshape(dim, dim))
        return result

    def _modify(
        self,
        gate: ast.QASMNode,
        modifier: ast.QuantumGateModifier,
        matrix: Matrix,
        local: Mapping[str, Any],
    ) -> Matrix:
        kind = modifier.modifier.name
        if kind == "inv":
            inverse: Matrix = matrix.conj().T
            return inverse
        if kind == "pow":
            power = self.scope.static_value(modifier.argument, local)
            if (
                isinstance(power, bool)
                or not isinstance(power, int | float)
                or not math.isfinite(power)
            ):
                fail(gate, f"pow takes a number, got {power!r}")
            if abs(power) > 2**20:
                fail(gate, f"pow({power}) is out of range")
            return _power(matrix, float(power))
        count = (
            1
            if modifier.argument is None
            else self.scope.static_int(modifier.argument, "a control count", local)
        )
        if count < 1:
            fail(gate, f"{kind}({count}) needs at least one control")
        if count + matrix.shape[0].bit_length() - 1 > MAX_GATE_QUBITS:
            unsupported(gate, f"a gate on more than {MAX_GATE_QUBITS} qubits")
        return _ctrl(matrix, count) if kind == "ctrl" else _negctrl(matrix, count)

    @staticmethod
    def check_arity(node: ast.QASMNode, matrix: Matrix, qubits: Sequence[int]) -> None:
        expected = matrix.shape[0].bit_length() - 1
        if len(qubits) != expected:
            fail(node, f"the gate acts on {expected} qubits, {len(qubits)} given")
        if len(set(qubits)) != len(qubits):
            fail(node, f"the gate uses a qubit twice: {list(qubits)}")
