"""Laying out a compiled OpenQASM 3 program: labels and the jumps to them while it is
compiled (`Label`, `Place`, `PendingJump`...), then the final measurements deferred
(`defer`), and runs of gates fused and every jump given its address (`resolve`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .engine import FUSE_QUBITS, fuse
from .instructions import Apply, Evaluator, Instruction, Jump, JumpUnless, Measure, Reset
from .ops import Op


class Label:
    """A place in the code that jumps go to; placed once."""

    def __init__(self) -> None:
        self.pc = -1


@dataclass(frozen=True)
class PendingJumpUnless:
    """A `JumpUnless` to a label not placed yet."""

    condition: Evaluator
    target: Label


@dataclass(frozen=True)
class PendingJump:
    """A `Jump` to a label not placed yet."""

    target: Label


@dataclass(frozen=True)
class Place:
    """Where `label` is, in the code being compiled."""

    label: Label


def _touches(item: Any) -> set[int]:
    if isinstance(item, Op):
        return set(item.qubits)
    if isinstance(item, Measure | Reset):
        return {item.qubit}
    return set()


def defer(code: list[Any], ended: bool) -> tuple[list[Any], list[tuple[int, int]]]:
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


def resolve(code: list[Any]) -> list[Instruction]:
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
        if isinstance(item, Place):
            item.label.pc = placed
        else:
            placed += 1
        merged.append(item)
    flush()
    out: list[Instruction] = []
    for item in merged:
        if isinstance(item, Place):
            continue
        if isinstance(item, PendingJumpUnless):
            out.append(JumpUnless(item.condition, item.target.pc))
        elif isinstance(item, PendingJump):
            out.append(Jump(item.target.pc))
        else:
            out.append(item)
    return out
