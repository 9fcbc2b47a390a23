"""The names of an OpenQASM 3 program and what they denote (`Scope`): its qubit and bit
registers, classical variables and constants, the values of classical expressions over
them (now, for gate angles, sizes and indices, or per shot, as an `Evaluator`), and the
qubits and classical bits an operand names.

The failure helpers here name the source line of the node at fault.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Mapping
from typing import Any, Final, NoReturn

from openqasm3 import ast

from .errors import FailureCode, SimulationFailure
from .instructions import Evaluator, Memory

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


class ArithmeticFailure(SimulationFailure):
    """An expression that cannot be evaluated with these values (a division by zero)."""


class NotStatic(Exception):
    """An expression needs the classical state of a running shot."""


def line_of(node: ast.QASMNode | None) -> str:
    span = getattr(node, "span", None)
    return f"line {span.start_line}: " if span is not None else ""


def fail(node: ast.QASMNode | None, message: str, code: FailureCode = "InvalidInput") -> NoReturn:
    """Raise the SimulationFailure `code`, its message naming the node's line."""
    raise SimulationFailure(code, f"{line_of(node)}{message}")


def unsupported(node: ast.QASMNode | None, what: str) -> NoReturn:
    """Raise UnsupportedGate for a construct this simulator does not run."""
    fail(node, f"{what} is not supported by this simulator", "UnsupportedGate")


class Scope:
    """One program's names, as declarations add them."""

    def __init__(self, max_qubits: int) -> None:
        self.max_qubits = max_qubits
        self.qubit_registers: dict[str, list[int]] = {}
        self.qubits = 0
        self.physical = False
        self.registers: dict[str, list[int]] = {}
        self.clbits = 0
        self.kinds: dict[str, str] = {}  # classical variables: name -> int, float, bool
        self.variables: dict[str, Any] = {}
        # Constants, inputs and the loop variables of the loop being unrolled.
        self.static: dict[str, Any] = {}

    def declare(self, node: ast.QASMNode, name: str) -> None:
        """Check that `name` is free (InvalidInput naming the line when it is taken)."""
        taken = (
            name in self.qubit_registers
            or name in self.registers
            or name in self.kinds
            or name in self.static
        )
        if taken or name in CONSTANTS:
            fail(node, f"{name!r} is declared twice")

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
                unsupported(expr, f"the function {expr.name.name!r}")
            args = [self.value(a, memory, local) for a in expr.arguments]
            return self._arithmetic(expr, lambda: function(*args))
        if isinstance(expr, ast.Cast):
            return self.cast(expr.type, self.value(expr.argument, memory, local), expr)
        if isinstance(expr, ast.DurationLiteral):
            return expr.value
        unsupported(expr, f"the expression {type(expr).__name__}")

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
                raise NotStatic(name)
            if name in self.kinds:
                return memory.values[name]
            return sum(((memory.bits >> c) & 1) << i for i, c in enumerate(self.registers[name]))
        fail(expr, f"{name!r} is not declared")

    def _indexed(
        self, expr: ast.IndexExpression, memory: Memory | None, local: Mapping[str, Any] | None
    ) -> Any:
        collection = expr.collection
        if not isinstance(collection, ast.Identifier) or collection.name not in self.registers:
            unsupported(expr, "indexing anything but a classical register")
        index = expr.index
        if (
            not isinstance(index, list)
            or len(index) != 1
            or isinstance(index[0], ast.RangeDefinition)
        ):
            unsupported(expr, "a classical slice")
        bits = self.registers[collection.name]
        position = self.index(index[0], len(bits), expr)
        if memory is None:
            raise NotStatic(collection.name)
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
            fail(expr, f"{op} by {rhs} is out of range")
        return self._arithmetic(expr, lambda: operation(lhs, rhs))

    @staticmethod
    def _arithmetic(node: ast.QASMNode, compute: Callable[[], Any]) -> Any:
        try:
            return compute()
        except (ArithmeticError, ValueError, TypeError) as exc:
            raise ArithmeticFailure(
                "InvalidInput", f"{line_of(node)}the expression cannot be evaluated: {exc}"
            ) from None

    def cast(self, kind: ast.ClassicalType, value: Any, node: ast.QASMNode) -> Any:
        if isinstance(kind, ast.BoolType):
            return bool(value)
        if isinstance(kind, ast.IntType | ast.UintType | ast.BitType):
            return self._arithmetic(node, lambda: int(value))
        if isinstance(kind, ast.FloatType | ast.AngleType):
            return self._arithmetic(node, lambda: float(value))
        unsupported(node, f"the type {type(kind).__name__}")

    def _width_of(self, expr: Any) -> int:
        if isinstance(expr, ast.Identifier) and expr.name in self.registers:
            return len(self.registers[expr.name])
        return 0

    def static_value(self, expr: Any, local: Mapping[str, Any] | None = None) -> Any:
        """A value known before the program runs (gate angles, sizes, indices)."""
        try:
            return self.value(expr, None, local)
        except NotStatic as name:
            unsupported(
                expr,
                f"a value read from the running program ({name}) where a constant is needed",
            )

    def static_int(self, expr: Any, what: str, local: Mapping[str, Any] | None = None) -> int:
        value = self.static_value(expr, local)
        if isinstance(value, bool) or not isinstance(value, int):
            fail(expr, f"{what} must be an integer, got {value!r}")
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
        with contextlib.suppress(ArithmeticFailure):
            self.value(expr, Memory(0, dict(self.variables)))

    def index(self, expr: Any, size: int, node: ast.QASMNode) -> int:
        position = self.static_int(expr, "an index")
        if not -size <= position < size:
            fail(node, f"index {position} is out of range for a register of {size}")
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
            fail(operand, f"{name!r} is not a declared qubit or register")
        if isinstance(operand, ast.IndexedIdentifier):
            name = operand.name.name
            if name not in self.qubit_registers:
                fail(operand, f"{name!r} is not a declared qubit register")
            return self._select(operand, self.qubit_registers[name])
        fail(operand, "expected a qubit")

    def _physical(self, node: ast.QASMNode, index: int) -> int:
        if self.qubit_registers:
            fail(node, "physical qubits ($n) cannot be mixed with declared qubits")
        self.physical = True
        if index >= self.max_qubits:
            fail(
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
                selected = [selected[self.index(v, len(selected), operand)] for v in index.values]
                continue
            if len(index) != 1:
                unsupported(operand, "multi-dimensional indexing")
            [element] = index
            if isinstance(element, ast.RangeDefinition):
                selected = self._range(element, selected, operand)
            else:
                selected, register = [selected[self.index(element, len(selected), operand)]], False
        return selected, register

    def _range(
        self, element: ast.RangeDefinition, items: list[int], node: ast.QASMNode
    ) -> list[int]:
        start = 0 if element.start is None else self.static_int(element.start, "a range start")
        step = 1 if element.step is None else self.static_int(element.step, "a range step")
        end = len(items) - 1 if element.end is None else self.static_int(element.end, "a range end")
        if step == 0:
            fail(node, "a range step cannot be 0")
        positions = range(start, end + (1 if step > 0 else -1), step)
        return [items[self._index_value(p, len(items), node)] for p in positions]

    @staticmethod
    def _index_value(position: int, size: int, node: ast.QASMNode) -> int:
        if not -size <= position < size:
            fail(node, f"index {position} is out of range for a register of {size}")
        return position % size

    def clbits_of(self, target: Any) -> list[int]:
        """The classical bits a measurement or assignment target names."""
        if isinstance(target, ast.Identifier):
            if target.name not in self.registers:
                fail(target, f"{target.name!r} is not a declared bit register")
            return list(self.registers[target.name])
        if isinstance(target, ast.IndexedIdentifier):
            name = target.name.name
            if name not in self.registers:
                fail(target, f"{name!r} is not a declared bit register")
            return self._select(target, self.registers[name])[0]
        fail(target, "expected classical bits")
