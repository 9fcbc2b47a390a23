"""The flat program an OpenQASM 3 source becomes (simulator/qasm3.py), as
simulator/dynamic.py runs it: gates fused into blocks, measurements, resets, classical
assignments and jumps, over one branch's classical `Memory`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .ops import Op


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
