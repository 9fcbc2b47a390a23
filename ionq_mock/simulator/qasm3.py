"""Parsing `ionq.qasm3.v1` programs (OpenQASM 3) into a flat program the simulator runs.

The text is parsed by the `openqasm3` package (the language's reference parser, ANTLR
grammar), never by hand; this module walks its syntax tree. What it understands:

- `qubit[n] q;` / `qubit q;` / `qreg q[n];` (or physical qubits `$0`, `$1`... alone);
  `bit[n] c;` / `bit c;` / `creg c[n];` / `output bit[n] c;` are the classical registers.
- Every gate of `stdgates.inc` (whether the program includes it or not: IonQ's own
  examples omit the include), the built-in `U` and `gphase`, user `gate` definitions, the
  modifiers `inv @`, `pow(k) @`, `ctrl(n) @`, `negctrl(n) @`, and broadcasting over registers
  (`h q;`, `cx a, b;`).
- `measure` (`c[0] = measure q[0];`, `c = measure q;`, `measure q -> c;`, `bit b = measure
  q[0];`), `reset`, `barrier` and `delay` (no effect on the simulation).
- Classical control: `if`/`else` on any expression of bits, registers (`c == 3`, `c[0] &&
  !c[1]`) and classical variables; `switch`; `while`; `for` over a constant range or set
  (unrolled); `break`, `continue`, `end`; classical variables (`int`, `uint`, `float`,
  `angle`, `bool`) with assignments; `const` and `input` (bound from `inputs`) values.

Anything else (subroutines, `extern`, arrays, calibrations, aliases) is `UnsupportedGate`,
and every error names its line. Gate arguments must be known before the program runs
(constants, inputs, loop variables): a gate angle read from a measured bit is
`UnsupportedGate`. The program becomes a list of `Instruction`s with jumps; consecutive
gates are fused (engine.fuse) into blocks, and the measurements that end the program (no
later gate, reset or classical use of their qubit and bit) are `deferred`: read off the
final state instead of branching the simulation.

Bit order: a register's value is an integer with its bit 0 least significant (`c == 2`
means c[1] = 1, c[0] = 0), as OpenQASM 3 defines it.
"""

from __future__ import annotations

import cmath
import contextlib
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, NoReturn

import numpy as np
from openqasm3 import ast
from openqasm3 import parser as qasm_parser
from openqasm3.parser import QASM3ParsingError

from . import gates
from .engine import FUSE_QUBITS, Op, apply_to_axes, fuse
from .errors import FailureCode, SimulationFailure
from .gates import Matrix

# A program longer than this is not parsed (the pure-Python parser takes about 1 s per
# 100 kB); it is TooManyGates.
MAX_SOURCE_CHARS: Final = 2_000_000
MAX_INSTRUCTIONS: Final = 150_000
# Gates are built as dense matrices on their own qubits: a user gate or a modified gate on
# more qubits than this is UnsupportedGate.
MAX_GATE_QUBITS: Final = 10
MAX_GATE_DEPTH: Final = 32
# A shot's outcome (every qubit and every classical bit) is one 64-bit integer.
MAX_OUTCOME_BITS: Final = 62

CONSTANTS: Final[dict[str, float]] = {
    "pi": math.pi,
    "π": math.pi,
    "tau": math.tau,
    "τ": math.tau,
    "euler": math.e,
    "ℇ": math.e,
}

FUNCTIONS: Final[dict[str, Callable[..., Any]]] = {
    "sin": math.sin,
    "cos": math.cos,
    "tan": math.tan,
    "arcsin": math.asin,
    "arccos": math.acos,
    "arctan": math.atan,
    "exp": math.exp,
    "log": math.log,
    "sqrt": math.sqrt,
    "ceiling": math.ceil,
    "floor": math.floor,
    "mod": lambda a, b: a % b,
    "popcount": lambda a: int(a).bit_count(),
}


class Memory:
    """One branch's classical state: its bits (bit i of `bits` is classical bit i) and the
    values of its classical variables."""

    __slots__ = ("bits", "values")

    def __init__(self, bits: int, values: dict[str, Any]) -> None:
        self.bits = bits
        self.values = values


Evaluator = Callable[[Memory], Any]


@dataclass(frozen=True)
class Apply:
    """Apply these ops (fused blocks) in order."""

    ops: tuple[Op, ...]


@dataclass(frozen=True)
class Measure:
    """Measure `qubit` into classical bit `clbit` (None: the result is discarded)."""

    qubit: int
    clbit: int | None


@dataclass(frozen=True)
class Reset:
    """Return `qubit` to |0> (a measurement whose result is dropped, then X if it was 1)."""

    qubit: int


@dataclass(frozen=True)
class Assign:
    """Write `value` to the classical bits `clbits` (a register, bit 0 first) or, when
    `clbits` is empty, to the variable `variable`."""

    clbits: tuple[int, ...]
    variable: str
    value: Evaluator
    kind: str = "int"


@dataclass(frozen=True)
class JumpUnless:
    """Go to `target` unless `condition` holds."""

    condition: Evaluator
    target: int


@dataclass(frozen=True)
class Jump:
    """Go to `target`."""

    target: int


Instruction = Apply | Measure | Reset | Assign | JumpUnless | Jump


@dataclass(frozen=True)
class Program:
    """A parsed OpenQASM 3 program, ready to run.

    `registers` are the classical registers by name, each the classical bit indices of its
    bits in order (`c[0]` first), in declaration order. `deferred` are the final
    measurements (qubit, clbit), read off the final state in order.
    """

    qubits: int
    clbits: int
    registers: dict[str, tuple[int, ...]]
    code: tuple[Instruction, ...]
    deferred: tuple[tuple[int, int], ...]
    variables: dict[str, Any]
    gates_1q: int
    gates_2q: int

    @property
    def unitary(self) -> bool:
        """True when running it is one simulation: only gates, then deferred measurements."""
        return all(isinstance(i, Apply) for i in self.code)

    def ops(self) -> list[Op]:
        """The ops of a unitary program, in order."""
        return [op for i in self.code if isinstance(i, Apply) for op in i.ops]


class _ArithmeticFailure(SimulationFailure):
    """An expression that cannot be evaluated with these values (a division by zero)."""


class _NotStatic(Exception):
    """An expression needs the classical state of a running shot."""


def _line(node: ast.QASMNode | None) -> str:
    span = getattr(node, "span", None)
    return f"line {span.start_line}: " if span is not None else ""


def _fail(node: ast.QASMNode | None, message: str, code: FailureCode = "InvalidInput") -> NoReturn:
    raise SimulationFailure(code, f"{_line(node)}{message}")


def _unsupported(node: ast.QASMNode | None, what: str) -> NoReturn:
    _fail(node, f"{what} is not supported by this simulator", "UnsupportedGate")


# ---------------------------------------------------------------------- the gate library


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
    "rx": (1, 1, lambda t: gates.rotation_1q(gates.X, t)),
    "ry": (1, 1, lambda t: gates.rotation_1q(gates.Y, t)),
    "rz": (1, 1, lambda t: gates.rotation_1q(gates.Z, t)),
    "cx": (0, 2, lambda: _ctrl(gates.X)),
    "CX": (0, 2, lambda: _ctrl(gates.X)),
    "cy": (0, 2, lambda: _ctrl(gates.Y)),
    "cz": (0, 2, lambda: _ctrl(gates.Z)),
    "ch": (0, 2, lambda: _ctrl(gates.H)),
    "cp": (1, 2, lambda lam: _ctrl(_p(lam))),
    "cphase": (1, 2, lambda lam: _ctrl(_p(lam))),
    "crx": (1, 2, lambda t: _ctrl(gates.rotation_1q(gates.X, t))),
    "cry": (1, 2, lambda t: _ctrl(gates.rotation_1q(gates.Y, t))),
    "crz": (1, 2, lambda t: _ctrl(gates.rotation_1q(gates.Z, t))),
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


# ---------------------------------------------------------------------- the compiler


class _Label:
    """A place in the code that jumps go to; placed once."""

    def __init__(self) -> None:
        self.pc = -1


@dataclass(frozen=True)
class _PendingJumpUnless:
    condition: Evaluator
    target: _Label


@dataclass(frozen=True)
class _PendingJump:
    target: _Label


@dataclass(frozen=True)
class _Place:
    label: _Label


class _Compiler:
    """One program's walk: declarations, then statements into pending code."""

    def __init__(self, inputs: Sequence[float] | None, max_qubits: int) -> None:
        self.inputs = list(inputs) if inputs is not None else None
        self.inputs_used = 0
        self.max_qubits = max_qubits
        self.qubit_registers: dict[str, list[int]] = {}
        self.qubits = 0
        self.physical = False
        self.registers: dict[str, list[int]] = {}
        self.clbits = 0
        self.kinds: dict[str, str] = {}  # classical variables: name -> int, float, bool
        self.variables: dict[str, Any] = {}
        self.static: dict[str, Any] = {}
        self.definitions: dict[str, ast.QuantumGateDefinition] = {}
        self.code: list[Any] = []
        self.loops: list[tuple[_Label, _Label]] = []
        self.end = _Label()
        self.ended = False
        self.gates_1q = 0
        self.gates_2q = 0
        self.count = 0
        self.cache: dict[tuple[Any, ...], Matrix] = {}

    # -------------------------------------------------------------- names
    def _declare(self, node: ast.QASMNode, name: str) -> None:
        taken = (
            name in self.qubit_registers
            or name in self.registers
            or name in self.kinds
            or name in self.static
        )
        if taken or name in CONSTANTS:
            _fail(node, f"{name!r} is declared twice")

    def _emit(self, item: Any, node: ast.QASMNode | None) -> None:
        self.count += 1
        if self.count > MAX_INSTRUCTIONS:
            _fail(
                node,
                f"the program runs more than {MAX_INSTRUCTIONS} instructions",
                "TooManyGates",
            )
        self.code.append(item)

    # -------------------------------------------------------------- expressions
    def value(
        self, expr: Any, memory: Memory | None, local: Mapping[str, Any] | None = None
    ) -> Any:
        """The value of `expr`; `memory` None means before the program runs."""
        if isinstance(expr, ast.IntegerLiteral | ast.FloatLiteral | ast.BooleanLiteral):
            return expr.value
        if isinstance(expr, ast.BitstringLiteral):
            return expr.value
        if isinstance(expr, ast.Identifier):
            return self._identifier(expr, memory, local)
        if isinstance(expr, ast.IndexExpression):
            return self._indexed(expr, memory, local)
        if isinstance(expr, ast.UnaryExpression):
            operand = self.value(expr.expression, memory, local)
            op = expr.op.name
            if op == "-":
                return -operand
            if op == "!":
                return not operand
            width = self._width_of(expr.expression)
            inverted = ~int(operand)
            return inverted & ((1 << width) - 1) if width else inverted
        if isinstance(expr, ast.BinaryExpression):
            return self._binary(expr, memory, local)
        if isinstance(expr, ast.FunctionCall):
            function = FUNCTIONS.get(expr.name.name)
            if function is None:
                _unsupported(expr, f"the function {expr.name.name!r}")
            args = [self.value(a, memory, local) for a in expr.arguments]
            return self._arithmetic(expr, lambda: function(*args))
        if isinstance(expr, ast.Cast):
            return self._cast(expr.type, self.value(expr.argument, memory, local), expr)
        if isinstance(expr, ast.DurationLiteral):
            return expr.value
        _unsupported(expr, f"the expression {type(expr).__name__}")

    def _identifier(
        self, expr: ast.Identifier, memory: Memory | None, local: Mapping[str, Any] | None
    ) -> Any:
        name = expr.name
        if local is not None and name in local:
            return local[name]
        if name in self.static:
            return self.static[name]
        if name in CONSTANTS:
            return CONSTANTS[name]
        if name in self.registers or name in self.kinds:
            if memory is None:
                raise _NotStatic(name)
            if name in self.kinds:
                return memory.values[name]
            return sum(((memory.bits >> c) & 1) << i for i, c in enumerate(self.registers[name]))
        _fail(expr, f"{name!r} is not declared")

    def _indexed(
        self, expr: ast.IndexExpression, memory: Memory | None, local: Mapping[str, Any] | None
    ) -> Any:
        collection = expr.collection
        if not isinstance(collection, ast.Identifier) or collection.name not in self.registers:
            _unsupported(expr, "indexing anything but a classical register")
        index = expr.index
        if (
            not isinstance(index, list)
            or len(index) != 1
            or isinstance(index[0], ast.RangeDefinition)
        ):
            _unsupported(expr, "a classical slice")
        bits = self.registers[collection.name]
        position = self._index(index[0], len(bits), expr)
        if memory is None:
            raise _NotStatic(collection.name)
        return (memory.bits >> bits[position]) & 1

    def _binary(
        self, expr: ast.BinaryExpression, memory: Memory | None, local: Mapping[str, Any] | None
    ) -> Any:
        op = expr.op.name
        lhs = self.value(expr.lhs, memory, local)
        if op == "&&":
            return bool(lhs) and bool(self.value(expr.rhs, memory, local))
        if op == "||":
            return bool(lhs) or bool(self.value(expr.rhs, memory, local))
        rhs = self.value(expr.rhs, memory, local)
        operations: dict[str, Callable[[Any, Any], Any]] = {
            ">": lambda a, b: a > b,
            "<": lambda a, b: a < b,
            ">=": lambda a, b: a >= b,
            "<=": lambda a, b: a <= b,
            "==": lambda a, b: a == b,
            "!=": lambda a, b: a != b,
            "|": lambda a, b: int(a) | int(b),
            "^": lambda a, b: int(a) ^ int(b),
            "&": lambda a, b: int(a) & int(b),
            "<<": lambda a, b: int(a) << int(b),
            ">>": lambda a, b: int(a) >> int(b),
            "+": lambda a, b: a + b,
            "-": lambda a, b: a - b,
            "*": lambda a, b: a * b,
            "/": lambda a, b: a // b if isinstance(a, int) and isinstance(b, int) else a / b,
            "%": lambda a, b: a % b,
            "**": lambda a, b: a**b,
        }
        operation = operations[op]
        if op in ("<<", "**") and abs(rhs) > 4096:
            _fail(expr, f"{op} by {rhs} is out of range")
        return self._arithmetic(expr, lambda: operation(lhs, rhs))

    @staticmethod
    def _arithmetic(node: ast.QASMNode, compute: Callable[[], Any]) -> Any:
        try:
            return compute()
        except (ArithmeticError, ValueError, TypeError) as exc:
            raise _ArithmeticFailure(
                "InvalidInput", f"{_line(node)}the expression cannot be evaluated: {exc}"
            ) from None

    def _cast(self, kind: ast.ClassicalType, value: Any, node: ast.QASMNode) -> Any:
        if isinstance(kind, ast.BoolType):
            return bool(value)
        if isinstance(kind, ast.IntType | ast.UintType | ast.BitType):
            return self._arithmetic(node, lambda: int(value))
        if isinstance(kind, ast.FloatType | ast.AngleType):
            return self._arithmetic(node, lambda: float(value))
        _unsupported(node, f"the type {type(kind).__name__}")

    def _width_of(self, expr: Any) -> int:
        if isinstance(expr, ast.Identifier) and expr.name in self.registers:
            return len(self.registers[expr.name])
        return 0

    def static_value(self, expr: Any, local: Mapping[str, Any] | None = None) -> Any:
        """A value known before the program runs (gate angles, sizes, indices)."""
        try:
            return self.value(expr, None, local)
        except _NotStatic as name:
            _unsupported(
                expr,
                f"a value read from the running program ({name}) where a constant is needed",
            )

    def static_int(self, expr: Any, what: str, local: Mapping[str, Any] | None = None) -> int:
        value = self.static_value(expr, local)
        if isinstance(value, bool) or not isinstance(value, int):
            _fail(expr, f"{what} must be an integer, got {value!r}")
        return value

    def runtime(self, expr: Any) -> Evaluator:
        """An evaluator of `expr` against a running branch's classical state."""
        self.value_check(expr)
        # Loop variables are bound while the loop is unrolled: keep today's bindings.
        bound = dict(self.static)
        return lambda memory: self.value(expr, memory, bound)

    def value_check(self, expr: Any) -> None:
        """Evaluate once against zeroed memory, so a malformed expression (an unknown name,
        an unsupported construct) fails now; arithmetic on those zeros is not checked."""
        with contextlib.suppress(_ArithmeticFailure):
            self.value(expr, Memory(0, dict(self.variables)))

    def _index(self, expr: Any, size: int, node: ast.QASMNode) -> int:
        position = self.static_int(expr, "an index")
        if not -size <= position < size:
            _fail(node, f"index {position} is out of range for a register of {size}")
        return position % size

    # -------------------------------------------------------------- operands
    def qubits_of(
        self, operand: Any, local: Mapping[str, int] | None = None
    ) -> tuple[list[int], bool]:
        """The qubits an operand names, and whether it is a register (for broadcasting)."""
        if isinstance(operand, ast.Identifier):
            name = operand.name
            if local is not None and name in local:
                return [local[name]], False
            if name.startswith("$") and name[1:].isdigit():
                return [self._physical(operand, int(name[1:]))], False
            if name in self.qubit_registers:
                return list(self.qubit_registers[name]), True
            _fail(operand, f"{name!r} is not a declared qubit or register")
        if isinstance(operand, ast.IndexedIdentifier):
            name = operand.name.name
            if name not in self.qubit_registers:
                _fail(operand, f"{name!r} is not a declared qubit register")
            return self._select(operand, self.qubit_registers[name])
        _fail(operand, "expected a qubit")

    def _physical(self, node: ast.QASMNode, index: int) -> int:
        if self.qubit_registers:
            _fail(node, "physical qubits ($n) cannot be mixed with declared qubits")
        self.physical = True
        if index >= self.max_qubits:
            _fail(
                node,
                f"qubit ${index} is beyond the {self.max_qubits} qubits here",
                "NotEnoughQubits",
            )
        self.qubits = max(self.qubits, index + 1)
        return index

    def _select(self, operand: ast.IndexedIdentifier, items: list[int]) -> tuple[list[int], bool]:
        selected, register = list(items), True
        for index in operand.indices:
            if isinstance(index, ast.DiscreteSet):
                selected = [selected[self._index(v, len(selected), operand)] for v in index.values]
                continue
            if len(index) != 1:
                _unsupported(operand, "multi-dimensional indexing")
            [element] = index
            if isinstance(element, ast.RangeDefinition):
                selected = self._range(element, selected, operand)
            else:
                selected, register = [selected[self._index(element, len(selected), operand)]], False
        return selected, register

    def _range(
        self, element: ast.RangeDefinition, items: list[int], node: ast.QASMNode
    ) -> list[int]:
        start = 0 if element.start is None else self.static_int(element.start, "a range start")
        step = 1 if element.step is None else self.static_int(element.step, "a range step")
        end = len(items) - 1 if element.end is None else self.static_int(element.end, "a range end")
        if step == 0:
            _fail(node, "a range step cannot be 0")
        positions = range(start, end + (1 if step > 0 else -1), step)
        return [items[self._index_value(p, len(items), node)] for p in positions]

    @staticmethod
    def _index_value(position: int, size: int, node: ast.QASMNode) -> int:
        if not -size <= position < size:
            _fail(node, f"index {position} is out of range for a register of {size}")
        return position % size

    def clbits_of(self, target: Any) -> list[int]:
        """The classical bits a measurement or assignment target names."""
        if isinstance(target, ast.Identifier):
            if target.name not in self.registers:
                _fail(target, f"{target.name!r} is not a declared bit register")
            return list(self.registers[target.name])
        if isinstance(target, ast.IndexedIdentifier):
            name = target.name.name
            if name not in self.registers:
                _fail(target, f"{name!r} is not a declared bit register")
            return self._select(target, self.registers[name])[0]
        _fail(target, "expected classical bits")

    # -------------------------------------------------------------- gates
    def unitary(
        self, gate: ast.QuantumGate | ast.QuantumPhase, local: Mapping[str, Any], depth: int = 0
    ) -> Matrix:
        """The matrix of a gate call on its qubit operands (controls first, kron order)."""
        if depth > MAX_GATE_DEPTH:
            _fail(gate, f"gate definitions nest deeper than {MAX_GATE_DEPTH}")
        if isinstance(gate, ast.QuantumPhase):
            angle = float(self.static_value(gate.argument, local))
            matrix: Matrix = np.array([[cmath.exp(1j * angle)]], dtype=np.complex128)
        else:
            name = gate.name.name
            args = [self.static_value(a, local) for a in gate.arguments]
            for a in args:
                if isinstance(a, bool) or not isinstance(a, int | float) or not math.isfinite(a):
                    _fail(gate, f"gate {name!r} takes finite numbers, got {a!r}")
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
                _fail(
                    gate,
                    f"gate {name!r} takes {len(definition.arguments)} arguments, got {len(args)}",
                )
            matrix = self._defined(definition, args, depth)
        elif name in STANDARD:
            count, _, build = STANDARD[name]
            if len(args) != count:
                _fail(gate, f"gate {name!r} takes {count} arguments, got {len(args)}")
            matrix = build(*args)
        else:
            _fail(
                gate,
                f"gate {name!r} is not defined (the standard gates and the program's own"
                " gates are)",
                "UnsupportedGate",
            )
        if len(self.cache) < 10_000:
            self.cache[key] = matrix
        return matrix

    def _defined(
        self, definition: ast.QuantumGateDefinition, args: list[float], depth: int
    ) -> Matrix:
        k = len(definition.qubits)
        if k > MAX_GATE_QUBITS:
            _unsupported(definition, f"a gate on {k} qubits (at most {MAX_GATE_QUBITS})")
        params = {a.name: v for a, v in zip(definition.arguments, args, strict=True)}
        positions = {q.name: i for i, q in enumerate(definition.qubits)}
        dim = 1 << k
        tensor = np.eye(dim, dtype=np.complex128).reshape((2,) * k + (dim,))
        for statement in definition.body:
            if isinstance(statement, ast.QuantumBarrier):
                continue
            if not isinstance(statement, ast.QuantumGate | ast.QuantumPhase):
                _unsupported(statement, f"{type(statement).__name__} inside a gate definition")
            matrix = self.unitary(statement, params, depth + 1)
            qubits: list[int] = []
            for operand in statement.qubits:
                if not isinstance(operand, ast.Identifier) or operand.name not in positions:
                    _fail(statement, "a gate body may only use the gate's own qubits")
                qubits.append(positions[operand.name])
            if matrix.shape[0] == 1:  # a global phase inside the gate
                tensor = tensor * matrix[0, 0]
                continue
            self._check_arity(statement, matrix, qubits)
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
            power = self.static_value(modifier.argument, local)
            if (
                isinstance(power, bool)
                or not isinstance(power, int | float)
                or not math.isfinite(power)
            ):
                _fail(gate, f"pow takes a number, got {power!r}")
            if abs(power) > 2**20:
                _fail(gate, f"pow({power}) is out of range")
            return _power(matrix, float(power))
        count = (
            1
            if modifier.argument is None
            else self.static_int(modifier.argument, "a control count", local)
        )
        if count < 1:
            _fail(gate, f"{kind}({count}) needs at least one control")
        if count + matrix.shape[0].bit_length() - 1 > MAX_GATE_QUBITS:
            _unsupported(gate, f"a gate on more than {MAX_GATE_QUBITS} qubits")
        return _ctrl(matrix, count) if kind == "ctrl" else _negctrl(matrix, count)

    @staticmethod
    def _check_arity(node: ast.QASMNode, matrix: Matrix, qubits: Sequence[int]) -> None:
        expected = matrix.shape[0].bit_length() - 1
        if len(qubits) != expected:
            _fail(node, f"the gate acts on {expected} qubits, {len(qubits)} given")
        if len(set(qubits)) != len(qubits):
            _fail(node, f"the gate uses a qubit twice: {list(qubits)}")

    def gate_call(self, gate: ast.QuantumGate | ast.QuantumPhase) -> None:
        matrix = self.unitary(gate, {})
        operands = [self.qubits_of(q) for q in gate.qubits]
        if matrix.shape[0] == 1:
            return  # a global phase: no effect on any outcome
        lengths = {len(qs) for qs, register in operands if register}
        if len(lengths) > 1:
            _fail(gate, f"broadcasting over registers of different sizes {sorted(lengths)}")
        times = lengths.pop() if lengths else 1
        for i in range(times):
            qubits = [qs[i] if register else qs[0] for qs, register in operands]
            self._check_arity(gate, matrix, qubits)
            if len(qubits) == 1:
                self.gates_1q += 1
            else:
                self.gates_2q += 1
            self._emit(Op(tuple(qubits), matrix), gate)

    # -------------------------------------------------------------- statements
    def program(self, tree: ast.Program) -> None:
        for statement in tree.statements:
            self.statement(statement, top=True)

    def block(self, statements: Sequence[Any]) -> None:
        for statement in statements:
            self.statement(statement, top=False)

    def statement(self, node: Any, top: bool) -> None:
        if isinstance(node, ast.Pragma | ast.QuantumBarrier | ast.DelayInstruction):
            return
        if isinstance(node, ast.Include):
            if node.filename != "stdgates.inc":
                _fail(node, f"only stdgates.inc can be included, not {node.filename!r}")
            return
        if isinstance(node, ast.QuantumGate | ast.QuantumPhase):
            self.gate_call(node)
        elif isinstance(node, ast.QubitDeclaration):
            self._qubit_declaration(node)
        elif isinstance(node, ast.ClassicalDeclaration):
            self._classical_declaration(node)
        elif isinstance(node, ast.ConstantDeclaration):
            self._declare(node, node.identifier.name)
            value = self.static_value(node.init_expression)
            self.static[node.identifier.name] = self._cast(node.type, value, node)
        elif isinstance(node, ast.IODeclaration):
            self._io_declaration(node)
        elif isinstance(node, ast.QuantumGateDefinition):
            name = node.name.name
            if name in self.definitions:
                _fail(node, f"gate {name!r} is defined twice")
            self.definitions[name] = node
        elif isinstance(node, ast.QuantumMeasurementStatement):
            self._measure(node, node.measure, node.target)
        elif isinstance(node, ast.QuantumReset):
            qubits, _ = self.qubits_of(node.qubits)
            for q in qubits:
                self._emit(Reset(q), node)
        elif isinstance(node, ast.ClassicalAssignment):
            self._assignment(node)
        elif isinstance(node, ast.BranchingStatement):
            self._if(node)
        elif isinstance(node, ast.WhileLoop):
            self._while(node)
        elif isinstance(node, ast.ForInLoop):
            self._for(node)
        elif isinstance(node, ast.SwitchStatement):
            self._switch(node)
        elif isinstance(node, ast.Box):
            self.block(node.body)
        elif isinstance(node, ast.CompoundStatement):
            self.block(node.statements)
        elif isinstance(node, ast.BreakStatement | ast.ContinueStatement):
            if not self.loops:
                _fail(node, "break or continue outside a loop")
            again, done = self.loops[-1]
            self._emit(_PendingJump(done if isinstance(node, ast.BreakStatement) else again), node)
        elif isinstance(node, ast.EndStatement):
            self.ended = True
            self._emit(_PendingJump(self.end), node)
        else:
            _unsupported(node, f"OpenQASM 3 {type(node).__name__}")

    def _qubit_declaration(self, node: ast.QubitDeclaration) -> None:
        name = node.qubit.name
        self._declare(node, name)
        if self.physical:
            _fail(node, "declared qubits cannot be mixed with physical qubits ($n)")
        size = 1 if node.size is None else self.static_int(node.size, "a register size")
        if size < 1:
            _fail(node, f"a qubit register needs at least one qubit, got {size}")
        if self.qubits + size > self.max_qubits:
            _fail(
                node,
                f"the program declares {self.qubits + size} qubits; this target has"
                f" {self.max_qubits}",
                "NotEnoughQubits",
            )
        self.qubit_registers[name] = list(range(self.qubits, self.qubits + size))
        self.qubits += size

    def _bit_register(self, node: ast.QASMNode, name: str, kind: ast.BitType) -> list[int]:
        self._declare(node, name)
        size = 1 if kind.size is None else self.static_int(kind.size, "a register size")
        if size < 1:
            _fail(node, f"a bit register needs at least one bit, got {size}")
        if self.clbits + size > MAX_OUTCOME_BITS:
            _unsupported(node, f"more than {MAX_OUTCOME_BITS} classical bits")
        bits = list(range(self.clbits, self.clbits + size))
        self.registers[name] = bits
        self.clbits += size
        return bits

    def _classical_declaration(self, node: ast.ClassicalDeclaration) -> None:
        name, init = node.identifier.name, node.init_expression
        if isinstance(node.type, ast.BitType):
            bits = self._bit_register(node, name, node.type)
            if isinstance(init, ast.QuantumMeasurement):
                self._measure(node, init, node.identifier)
            elif init is not None:
                self._emit(Assign(tuple(bits), "", self.runtime(init)), node)
            return
        kind = self._kind(node.type, node)
        self._declare(node, name)
        self.kinds[name] = kind
        self.variables[name] = self._convert(kind, 0)
        if isinstance(init, ast.QuantumMeasurement):
            _unsupported(node, "measuring into a non-bit variable")
        if init is not None:
            self._emit(Assign((), name, self.runtime(init), kind), node)

    def _kind(self, kind: ast.ClassicalType, node: ast.QASMNode) -> str:
        if isinstance(kind, ast.BoolType):
            return "bool"
        if isinstance(kind, ast.IntType | ast.UintType):
            return "int"
        if isinstance(kind, ast.FloatType | ast.AngleType):
            return "float"
        _unsupported(node, f"a variable of type {type(kind).__name__}")

    @staticmethod
    def _convert(kind: str, value: Any) -> Any:
        if kind == "bool":
            return bool(value)
        if kind == "int":
            return int(value)
        return float(value)

    def _io_declaration(self, node: ast.IODeclaration) -> None:
        name = node.identifier.name
        if node.io_identifier.name == "output":
            if isinstance(node.type, ast.BitType):
                self._bit_register(node, name, node.type)
                return
            _unsupported(node, "an output that is not a bit register")
        if self.inputs is None:
            _fail(node, f"the program declares input {name!r}; this job gives no input values")
        if self.inputs_used >= len(self.inputs):
            _fail(node, f"input {name!r} has no value: {len(self.inputs)} parameters given")
        self._declare(node, name)
        value = self.inputs[self.inputs_used]
        self.inputs_used += 1
        self.static[name] = self._cast(node.type, value, node)

    def _measure(
        self, node: ast.QASMNode, measurement: ast.QuantumMeasurement, target: Any
    ) -> None:
        qubits, _ = self.qubits_of(measurement.qubit)
        if target is None:
            for q in qubits:
                self._emit(Measure(q, None), node)
            return
        clbits = self.clbits_of(target)
        if len(clbits) != len(qubits):
            _fail(node, f"measuring {len(qubits)} qubits into {len(clbits)} bits")
        for q, c in zip(qubits, clbits, strict=True):
            self._emit(Measure(q, c), node)

    def _assignment(self, node: ast.ClassicalAssignment) -> None:
        lvalue, op = node.lvalue, node.op.name
        rvalue: Any = node.rvalue
        if op != "=":
            name = lvalue.name if isinstance(lvalue, ast.Identifier) else lvalue.name.name
            lhs = (
                ast.Identifier(name)
                if isinstance(lvalue, ast.Identifier)
                else ast.IndexExpression(ast.Identifier(name), lvalue.indices[0])
            )
            rvalue = ast.BinaryExpression(ast.BinaryOperator[op[:-1]], lhs, node.rvalue)
            rvalue.span = node.span
        if isinstance(rvalue, ast.QuantumMeasurement):
            self._measure(node, rvalue, lvalue)
            return
        if isinstance(lvalue, ast.Identifier) and lvalue.name in self.kinds:
            kind = self.kinds[lvalue.name]
            self._emit(Assign((), lvalue.name, self.runtime(rvalue), kind), node)
            return
        self._emit(Assign(tuple(self.clbits_of(lvalue)), "", self.runtime(rvalue)), node)

    def _if(self, node: ast.BranchingStatement) -> None:
        otherwise, done = _Label(), _Label()
        self._emit(_PendingJumpUnless(self.runtime(node.condition), otherwise), node)
        self.block(node.if_block)
        if node.else_block:
            self._emit(_PendingJump(done), node)
        self._emit(_Place(otherwise), node)
        if node.else_block:
            self.block(node.else_block)
            self._emit(_Place(done), node)

    def _while(self, node: ast.WhileLoop) -> None:
        again, done = _Label(), _Label()
        self._emit(_Place(again), node)
        self._emit(_PendingJumpUnless(self.runtime(node.while_condition), done), node)
        self.loops.append((again, done))
        self.block(node.block)
        self.loops.pop()
        self._emit(_PendingJump(again), node)
        self._emit(_Place(done), node)

    def _for(self, node: ast.ForInLoop) -> None:
        values = self._loop_values(node)
        name = node.identifier.name
        if name in self.qubit_registers or name in self.registers or name in self.kinds:
            _fail(node, f"the loop variable {name!r} hides a declaration")
        previous = self.static.get(name)
        done = _Label()
        for value in values:
            following = _Label()
            self.static[name] = value
            self.loops.append((following, done))
            self.block(node.block)
            self.loops.pop()
            self._emit(_Place(following), node)
        if previous is None:
            self.static.pop(name, None)
        else:
            self.static[name] = previous
        self._emit(_Place(done), node)

    def _loop_values(self, node: ast.ForInLoop) -> list[Any]:
        declared = node.set_declaration
        if isinstance(declared, ast.RangeDefinition):
            if declared.start is None or declared.end is None:
                _fail(node, "a for loop's range needs a start and an end")
            start = self.static_int(declared.start, "a range start")
            end = self.static_int(declared.end, "a range end")
            step = 1 if declared.step is None else self.static_int(declared.step, "a range step")
            if step == 0:
                _fail(node, "a range step cannot be 0")
            values: list[Any] = list(range(start, end + (1 if step > 0 else -1), step))
        elif isinstance(declared, ast.DiscreteSet):
            values = [self.static_value(v) for v in declared.values]
        else:
            _unsupported(node, "a for loop over anything but a constant range or set")
        if len(values) > MAX_INSTRUCTIONS:
            _fail(node, f"the loop runs {len(values)} times", "TooManyGates")
        return values

    def _case(self, target: Any, constants: tuple[Any, ...]) -> Evaluator:
        """Whether a switch's target is one of a case's constants."""
        bound = dict(self.static)
        return lambda memory: self.value(target, memory, bound) in constants

    def _switch(self, node: ast.SwitchStatement) -> None:
        target = node.target
        self.value_check(target)
        done = _Label()
        for values, body in node.cases:
            constants = [self.static_value(v) for v in values]
            following = _Label()
            self._emit(_PendingJumpUnless(self._case(target, tuple(constants)), following), node)
            self.block(body.statements)
            self._emit(_PendingJump(done), node)
            self._emit(_Place(following), node)
        if node.default is not None:
            self.block(node.default.statements)
        self._emit(_Place(done), node)


# ---------------------------------------------------------------------- finishing


def _touches(item: Any) -> set[int]:
    if isinstance(item, Op):
        return set(item.qubits)
    if isinstance(item, Measure | Reset):
        return {item.qubit}
    return set()


def _defer(code: list[Any], ended: bool) -> tuple[list[Any], list[tuple[int, int]]]:
    """Move the measurements of the program's last straight-line stretch that nothing
    later touches (no later gate, reset or measurement of their qubit, no later write of
    their bit) out of the code; they are read off the final state, in order. A program
    that uses `end` defers nothing (a path that ends early skips them)."""
    if ended:
        return code, []
    start = len(code)
    while start > 0 and isinstance(code[start - 1], Op | Measure | Reset):
        start -= 1
    touched: set[int] = set()
    written: set[int] = set()
    deferred: list[tuple[int, int]] = []
    kept: list[Any] = []
    for item in reversed(code[start:]):
        if isinstance(item, Measure) and item.qubit not in touched and item.clbit not in written:
            if item.clbit is not None:
                deferred.append((item.qubit, item.clbit))
            continue
        touched |= _touches(item)
        if isinstance(item, Measure) and item.clbit is not None:
            written.add(item.clbit)
        kept.append(item)
    return code[:start] + kept[::-1], deferred[::-1]


def _resolve(code: list[Any]) -> list[Instruction]:
    """Fuse runs of gates (never across a jump target) and give jumps their addresses."""
    merged: list[Any] = []
    run: list[Op] = []
    placed = 0  # instructions in `merged` so far, labels not counted

    def flush() -> None:
        nonlocal placed
        if run:
            merged.append(Apply(tuple(fuse(run, FUSE_QUBITS))))
            placed += 1
            run.clear()

    for item in code:
        if isinstance(item, Op):
            run.append(item)
            continue
        flush()
        if isinstance(item, _Place):
            item.label.pc = placed
        else:
            placed += 1
        merged.append(item)
    flush()
    out: list[Instruction] = []
    for item in merged:
        if isinstance(item, _Place):
            continue
        if isinstance(item, _PendingJumpUnless):
            out.append(JumpUnless(item.condition, item.target.pc))
        elif isinstance(item, _PendingJump):
            out.append(Jump(item.target.pc))
        else:
            out.append(item)
    return out


# openqasm3.parser's ANTLR classes (the ANTLR runtime has no type information).
_antlr: Any = qasm_parser


def _syntax_tree(source: str) -> ast.Program:
    """openqasm3.parse, with ANTLR's console listeners removed (they would print every
    syntax error of every job on the server's stderr)."""
    lexer = _antlr.qasm3Lexer(_antlr.InputStream(source))
    lexer.removeErrorListeners()
    lexer.addErrorListener(_antlr._RaiseOnErrorListener())
    grammar = _antlr.qasm3Parser(_antlr.CommonTokenStream(lexer))
    grammar.removeErrorListeners()
    grammar._errHandler = _antlr.BailErrorStrategy()
    try:
        tree = grammar.program()
    except (_antlr.RecognitionException, _antlr.ParseCancellationException) as exc:
        raise QASM3ParsingError(_where(exc)) from exc
    program: ast.Program = _antlr.QASMNodeVisitor().visitProgram(tree)
    return program


def _where(exc: BaseException) -> str:
    """ "L<line>:C<column>: ..." for the token a syntax error stopped at."""
    cause: Any = exc.args[0] if exc.args else exc
    token = getattr(cause, "offendingToken", None)
    if token is None:
        return "the program is not valid OpenQASM 3"
    text = "the end of the program" if token.text == "<EOF>" else repr(token.text)
    return f"L{token.line}:C{token.column}: unexpected {text}"


def _parse(source: str) -> ast.Program:
    if len(source) > MAX_SOURCE_CHARS:
        raise SimulationFailure(
            "TooManyGates", f"the program has {len(source)} characters; at most {MAX_SOURCE_CHARS}"
        )
    try:
        return _syntax_tree(source)
    except QASM3ParsingError as exc:
        message = str(exc) or "the program is not valid OpenQASM 3"
        if message.startswith("L") and ":C" in message:
            where, _, rest = message.partition(": ")
            line, _, column = where[1:].partition(":C")
            message = f"line {line}, column {column}: {rest}"
        raise SimulationFailure("InvalidInput", message) from None
    except (RecursionError, ValueError, TypeError, AttributeError, IndexError) as exc:
        raise SimulationFailure(
            "InvalidInput", f"the program is not valid OpenQASM 3: {exc}"
        ) from None


def parse_program(
    source: object,
    qubits: object = None,
    max_qubits: int = 28,
    inputs: Sequence[float] | None = None,
) -> Program:
    """Parse an OpenQASM 3 source into a `Program`; every problem is a SimulationFailure.

    `qubits` (the job's `input.qubits`, optional) may widen the program with idle qubits;
    `inputs` are the values of its `input` declarations, in declaration order.

    >>> program = parse_program('OPENQASM 3.0; qubit[2] q; bit[2] c; h q[0]; cx q[0], q[1];'
    ...                         ' c = measure q;')
    >>> program.qubits, program.registers, program.deferred, program.unitary
    (2, {'c': (0, 1)}, ((0, 0), (1, 1)), True)
    """
    if not isinstance(source, str) or not source.strip():
        raise SimulationFailure("InvalidInput", "'data' must be an OpenQASM 3 program")
    tree = _parse(source)
    compiler = _Compiler(inputs, max_qubits)
    try:
        compiler.program(tree)
    except SimulationFailure:
        raise
    except (RecursionError, ArithmeticError, ValueError, TypeError, KeyError, IndexError) as exc:
        raise SimulationFailure(
            "InvalidInput", f"the program cannot be simulated: {exc!r}"
        ) from None
    if compiler.inputs is not None and compiler.inputs_used != len(compiler.inputs):
        raise SimulationFailure(
            "InvalidInput",
            f"{len(compiler.inputs)} parameters given; the program declares"
            f" {compiler.inputs_used} inputs",
        )
    width = max(compiler.qubits, 1)
    if qubits is not None:
        if isinstance(qubits, bool) or not isinstance(qubits, int) or qubits < 1:
            raise SimulationFailure(
                "InvalidInput", f"'qubits' must be a positive integer, got {qubits!r}"
            )
        if qubits < compiler.qubits:
            raise SimulationFailure(
                "InvalidInput",
                f"input.qubits is {qubits}, but the program declares {compiler.qubits} qubits",
            )
        width = qubits
    if width > max_qubits:
        raise SimulationFailure(
            "NotEnoughQubits", f"the program needs {width} qubits; this target has {max_qubits}"
        )
    if width + compiler.clbits > MAX_OUTCOME_BITS:
        raise SimulationFailure(
            "UnsupportedGate",
            f"{width} qubits and {compiler.clbits} classical bits; this simulator records at"
            f" most {MAX_OUTCOME_BITS} in all",
        )
    kept, deferred = _defer(compiler.code, compiler.ended)
    kept.append(_Place(compiler.end))
    return Program(
        qubits=width,
        clbits=compiler.clbits,
        registers={name: tuple(bits) for name, bits in compiler.registers.items()},
        code=tuple(_resolve(kept)),
        deferred=tuple(deferred),
        variables=dict(compiler.variables),
        gates_1q=compiler.gates_1q,
        gates_2q=compiler.gates_2q,
    )
