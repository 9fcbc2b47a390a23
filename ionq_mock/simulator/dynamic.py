"""Running a parsed OpenQASM 3 program: mid-circuit measurement, reset and classical control.

A program whose code is only gates (its measurements all deferred to the end) is one
simulation, like a circuit. Otherwise the run branches: at a measurement (or a reset)
whose outcome is not certain, the state is copied and each copy collapsed to one outcome;
each branch then runs on with its own classical bits and variables, depth first, so memory
holds one state per pending branch. Two ways to weigh the branches:

- exact (`shots` None, the ideal model): each branch carries its probability, and the
  result is the exact distribution of outcomes (branches below `PRUNE` are dropped).
- sampled (`shots` given): each branch carries a number of shots, split between the two
  outcomes by a binomial draw, so there are never more branches than shots; each leaf
  then draws its shots from its final state.

An outcome is one integer: bits 0..n-1 the final measurement of every qubit
(`output_all`), bit n + i the classical bit i.
"""

from __future__ import annotations

from typing import Any, Final

import numpy as np
import numpy.typing as npt

from .engine import StateVector, blas_on_one_thread
from .errors import SimulationFailure
from .instructions import Apply, Assign, Jump, JumpUnless, Measure, Memory, Program, Reset

# A branch (or an outcome) less likely than this is dropped from an exact run.
PRUNE: Final = 1e-12
# Probabilities below this are rounding noise of exact zeros (as in jobs.ZERO_PROBABILITY).
ZERO_PROBABILITY: Final = 1e-20
# Instructions one run may execute, over all its branches (a `while` that never ends).
MAX_STEPS: Final = 1_000_000
# Amplitudes the pending branches may hold at once (4 GiB of complex128).
MAX_PENDING_AMPLITUDES: Final = 1 << 28
# Distinct outcomes an exact run may produce.
MAX_OUTCOMES: Final = 1 << 22

Outcomes = npt.NDArray[np.int64]


class _Branch:
    __slots__ = ("amount", "memory", "pc", "state")

    def __init__(self, pc: int, state: StateVector, memory: Memory, amount: float) -> None:
        self.pc = pc
        self.state = state
        self.memory = memory
        self.amount = amount


def _set_bit(bits: int, clbit: int, value: int) -> int:
    return (bits & ~(1 << clbit)) | (value << clbit)


class _Run:
    def __init__(self, program: Program, shots: int | None, rng: np.random.Generator) -> None:
        self.program = program
        self.shots = shots
        self.rng = rng
        self.steps = 0
        self.exact: dict[int, float] = {}
        self.sampled: list[Outcomes] = []

    def run(self) -> None:
        program = self.program
        start = _Branch(0, StateVector(program.qubits), Memory(0, dict(program.variables)), 1.0)
        if self.shots is not None:
            start.amount = self.shots
        pending = [start]
        with blas_on_one_thread():
            while pending:
                branch = pending.pop()
                self._advance(branch, pending)
                self._finish(branch)

    def _advance(self, branch: _Branch, pending: list[_Branch]) -> None:
        code = self.program.code
        while branch.pc < len(code):
            self.steps += 1
            if self.steps > MAX_STEPS:
                raise SimulationFailure(
                    "SimulationError",
                    f"the program ran more than {MAX_STEPS} instructions (a loop that never ends?)",
                )
            instruction = code[branch.pc]
            branch.pc += 1
            if isinstance(instruction, Apply):
                for op in instruction.ops:
                    branch.state.apply(op)
            elif isinstance(instruction, Measure | Reset):
                self._measure(branch, instruction, pending)
            elif isinstance(instruction, Assign):
                self._assign(branch.memory, instruction)
            elif isinstance(instruction, JumpUnless):
                if not instruction.condition(branch.memory):
                    branch.pc = instruction.target
            else:
                assert isinstance(instruction, Jump)
                branch.pc = instruction.target

    def _split(self, amount: float, p1: float) -> list[tuple[int, float]]:
        """The outcomes a branch divides into, with their share of `amount`."""
        if self.shots is None:
            parts = [(0, amount * (1.0 - p1)), (1, amount * p1)]
            return [(o, a) for o, a in parts if a > PRUNE]
        if p1 <= PRUNE:
            return [(0, amount)]
        if p1 >= 1.0 - PRUNE:
            return [(1, amount)]
        ones = int(self.rng.binomial(int(amount), p1))
        return [(o, a) for o, a in ((0, amount - ones), (1, ones)) if a > 0]

    def _measure(
        self, branch: _Branch, instruction: Measure | Reset, pending: list[_Branch]
    ) -> None:
        q = instruction.qubit
        p1 = min(1.0, max(0.0, branch.state.probability_of_one(q)))
        parts = self._split(branch.amount, p1)
        if not parts:  # every outcome pruned: the branch carries no weight
            branch.amount = 0.0
            branch.pc = len(self.program.code)
            return
        for outcome, amount in parts[1:]:
            if (len(pending) + 2) << self.program.qubits > MAX_PENDING_AMPLITUDES:
                raise SimulationFailure(
                    "SimulationError",
                    "the program's mid-circuit measurements branch into more states than"
                    " this simulator holds at once",
                )
            other = _Branch(
                branch.pc,
                branch.state.copy(),
                Memory(branch.memory.bits, dict(branch.memory.values)),
                amount,
            )
            self._collapse(other, instruction, outcome, p1)
            pending.append(other)
        outcome, amount = parts[0]
        branch.amount = amount
        self._collapse(branch, instruction, outcome, p1)

    @staticmethod
    def _collapse(branch: _Branch, instruction: Measure | Reset, outcome: int, p1: float) -> None:
        q = instruction.qubit
        branch.state.collapse(q, outcome, p1 if outcome else 1.0 - p1)
        if isinstance(instruction, Reset):
            if outcome:
                branch.state.flip(q)
        elif instruction.clbit is not None:
            branch.memory.bits = _set_bit(branch.memory.bits, instruction.clbit, outcome)

    @staticmethod
    def _assign(memory: Memory, instruction: Assign) -> None:
        value: Any = instruction.value(memory)
        if instruction.clbits:
            number = int(value)
            for i, clbit in enumerate(instruction.clbits):
                memory.bits = _set_bit(memory.bits, clbit, (number >> i) & 1)
            return
        if instruction.kind == "bool":
            memory.values[instruction.variable] = bool(value)
        elif instruction.kind == "int":
            memory.values[instruction.variable] = int(value)
        else:
            memory.values[instruction.variable] = float(value)

    def _finish(self, branch: _Branch) -> None:
        """A branch at the end: its outcomes, the deferred measurements read off its state."""
        if branch.amount <= 0:
            return
        n = self.program.qubits
        probs = branch.state.probabilities()
        if self.shots is None:
            states = np.flatnonzero(probs > ZERO_PROBABILITY).astype(np.int64)
        else:
            cdf = np.cumsum(probs)
            draws = self.rng.random(int(branch.amount)) * cdf[-1]
            states = np.minimum(np.searchsorted(cdf, draws, side="right"), probs.shape[0] - 1)
            states = states.astype(np.int64)
        bits = np.full(states.shape[0], branch.memory.bits, dtype=np.int64)
        for qubit, clbit in self.program.deferred:
            bits = (bits & ~np.int64(1 << clbit)) | (((states >> qubit) & 1) << clbit)
        outcomes = states | (bits << n)
        if self.shots is not None:
            self.sampled.append(outcomes)
            return
        weights = probs[states] * branch.amount
        if not self.exact:  # the first (often the only) leaf: no sums to make
            self.exact = dict(zip(outcomes.tolist(), weights.tolist(), strict=True))
            return
        for outcome, weight in zip(outcomes.tolist(), weights.tolist(), strict=True):
            self.exact[outcome] = self.exact.get(outcome, 0.0) + weight
        if len(self.exact) > MAX_OUTCOMES:
            raise SimulationFailure(
                "SimulationError",
                f"the program has more than {MAX_OUTCOMES} distinct outcomes; sample it with"
                " a noise model and shots instead",
            )


def exact_outcomes(program: Program) -> dict[int, float]:
    """The exact distribution of outcomes (see the module docstring), summing to 1."""
    run = _Run(program, None, np.random.default_rng(0))
    run.run()
    total = sum(run.exact.values())
    if not total > 0:
        raise SimulationFailure("SimulationError", "the program has no outcome left")
    return {k: v / total for k, v in sorted(run.exact.items()) if v / total > PRUNE}


def sampled_outcomes(program: Program, shots: int, rng: np.random.Generator) -> Outcomes:
    """`shots` outcomes, one per shot, in no particular order."""
    run = _Run(program, shots, rng)
    run.run()
    if not run.sampled:
        return np.zeros(0, dtype=np.int64)
    return np.concatenate(run.sampled)
