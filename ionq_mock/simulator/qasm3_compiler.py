"""Compiling an OpenQASM 3 syntax tree (`Compiler`): declarations into the program's
`Scope`, gate calls into ops, measurements, resets and assignments into instructions, and
classical control (`if`, `switch`, `while`, unrolled `for`, `break`, `continue`, `end`)
into jumps between labels, which simulator/qasm3_layout.py resolves.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from openqasm3 import ast

from .instructions import Assign, Evaluator, Measure, Reset
from .ops import Op
from .qasm3_expressions import Scope, fail, unsupported
from .qasm3_gates import GateBuilder
from .qasm3_layout import Label, PendingJump, PendingJumpUnless, Place

MAX_INSTRUCTIONS: Final = 150_000
# A shot's outcome (every qubit and every classical bit) is one 64-bit integer.
MAX_OUTCOME_BITS: Final = 62


class Compiler:
    """One program's walk: declarations, then statements into pending code."""

    def __init__(self, inputs: Sequence[float] | None, max_qubits: int) -> None:
        self.inputs = list(inputs) if inputs is not None else None
        self.inputs_used = 0
        self.scope = Scope(max_qubits)
        self.gates = GateBuilder(self.scope)
        self.code: list[Any] = []
        self.loops: list[tuple[Label, Label]] = []
        self.end = Label()
        self.ended = False
        self.gates_1q = 0
        self.gates_2q = 0
        self.count = 0

    def _emit(self, item: Any, node: ast.QASMNode | None) -> None:
        self.count += 1
        if self.count > MAX_INSTRUCTIONS:
            fail(
                node,
                f"the program runs more than {MAX_INSTRUCTIONS} instructions",
                "TooManyGates",
            )
        self.code.append(item)

    def gate_call(self, gate: ast.QuantumGate | ast.QuantumPhase) -> None:
        matrix = self.gates.unitary(gate, {})
        operands = [self.scope.qubits_of(q) for q in gate.qubits]
        if matrix.shape[0] == 1:
            return  # a global phase: no effect on any outcome
        lengths = {len(qs) for qs, register in operands if register}
        if len(lengths) > 1:
            fail(gate, f"broadcasting over registers of different sizes {sorted(lengths)}")
        times = lengths.pop() if lengths else 1
        for i in range(times):
            qubits = [qs[i] if register else qs[0] for qs, register in operands]
            self.gates.check_arity(gate, matrix, qubits)
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
                fail(node, f"only stdgates.inc can be included, not {node.filename!r}")
            return
        if isinstance(node, ast.QuantumGate | ast.QuantumPhase):
            self.gate_call(node)
        elif isinstance(node, ast.QubitDeclaration):
            self._qubit_declaration(node)
        elif isinstance(node, ast.ClassicalDeclaration):
            self._classical_declaration(node)
        elif isinstance(node, ast.ConstantDeclaration):
            self.scope.declare(node, node.identifier.name)
            value = self.scope.static_value(node.init_expression)
            self.scope.static[node.identifier.name] = self.scope.cast(node.type, value, node)
        elif isinstance(node, ast.IODeclaration):
            self._io_declaration(node)
        elif isinstance(node, ast.QuantumGateDefinition):
            name = node.name.name
            if name in self.gates.definitions:
                fail(node, f"gate {name!r} is defined twice")
            self.gates.definitions[name] = node
        elif isinstance(node, ast.QuantumMeasurementStatement):
            self._measure(node, node.measure, node.target)
        elif isinstance(node, ast.QuantumReset):
            qubits, _ = self.scope.qubits_of(node.qubits)
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
                fail(node, "break or continue outside a loop")
            again, done = self.loops[-1]
            self._emit(PendingJump(done if isinstance(node, ast.BreakStatement) else again), node)
        elif isinstance(node, ast.EndStatement):
            self.ended = True
            self._emit(PendingJump(self.end), node)
        else:
            unsupported(node, f"OpenQASM 3 {type(node).__name__}")

    def _qubit_declaration(self, node: ast.QubitDeclaration) -> None:
        name = node.qubit.name
        self.scope.declare(node, name)
        if self.scope.physical:
            fail(node, "declared qubits cannot be mixed with physical qubits ($n)")
        size = 1 if node.size is None else self.scope.static_int(node.size, "a register size")
        if size < 1:
            fail(node, f"a qubit register needs at least one qubit, got {size}")
        if self.scope.qubits + size > self.scope.max_qubits:
            fail(
                node,
                f"the program declares {self.scope.qubits + size} qubits; this target has"
                f" {self.scope.max_qubits}",
                "NotEnoughQubits",
            )
        self.scope.qubit_registers[name] = list(range(self.scope.qubits, self.scope.qubits + size))
        self.scope.qubits += size

    def _bit_register(self, node: ast.QASMNode, name: str, kind: ast.BitType) -> list[int]:
        self.scope.declare(node, name)
        size = 1 if kind.size is None else self.scope.static_int(kind.size, "a register size")
        if size < 1:
            fail(node, f"a bit register needs at least one bit, got {size}")
        if self.scope.clbits + size > MAX_OUTCOME_BITS:
            unsupported(node, f"more than {MAX_OUTCOME_BITS} classical bits")
        bits = list(range(self.scope.clbits, self.scope.clbits + size))
        self.scope.registers[name] = bits
        self.scope.clbits += size
        return bits

    def _classical_declaration(self, node: ast.ClassicalDeclaration) -> None:
        name, init = node.identifier.name, node.init_expression
        if isinstance(node.type, ast.BitType):
            bits = self._bit_register(node, name, node.type)
            if isinstance(init, ast.QuantumMeasurement):
                self._measure(node, init, node.identifier)
            elif init is not None:
                self._emit(Assign(tuple(bits), "", self.scope.runtime(init)), node)
            return
        kind = self._kind(node.type, node)
        self.scope.declare(node, name)
        self.scope.kinds[name] = kind
        self.scope.variables[name] = self._convert(kind, 0)
        if isinstance(init, ast.QuantumMeasurement):
            unsupported(node, "measuring into a non-bit variable")
        if init is not None:
            self._emit(Assign((), name, self.scope.runtime(init), kind), node)

    def _kind(self, kind: ast.ClassicalType, node: ast.QASMNode) -> str:
        if isinstance(kind, ast.BoolType):
            return "bool"
        if isinstance(kind, ast.IntType | ast.UintType):
            return "int"
        if isinstance(kind, ast.FloatType | ast.AngleType):
            return "float"
        unsupported(node, f"a variable of type {type(kind).__name__}")

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
            unsupported(node, "an output that is not a bit register")
        if self.inputs is None:
            fail(node, f"the program declares input {name!r}; this job gives no input values")
        if self.inputs_used >= len(self.inputs):
            fail(node, f"input {name!r} has no value: {len(self.inputs)} parameters given")
        self.scope.declare(node, name)
        value = self.inputs[self.inputs_used]
        self.inputs_used += 1
        self.scope.static[name] = self.scope.cast(node.type, value, node)

    def _measure(
        self, node: ast.QASMNode, measurement: ast.QuantumMeasurement, target: Any
    ) -> None:
        qubits, _ = self.scope.qubits_of(measurement.qubit)
        if target is None:
            for q in qubits:
                self._emit(Measure(q, None), node)
            return
        clbits = self.scope.clbits_of(target)
        if len(clbits) != len(qubits):
            fail(node, f"measuring {len(qubits)} qubits into {len(clbits)} bits")
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
        if isinstance(lvalue, ast.Identifier) and lvalue.name in self.scope.kinds:
            kind = self.scope.kinds[lvalue.name]
            self._emit(Assign((), lvalue.name, self.scope.runtime(rvalue), kind), node)
            return
        self._emit(
            Assign(tuple(self.scope.clbits_of(lvalue)), "", self.scope.runtime(rvalue)), node
        )

    def _if(self, node: ast.BranchingStatement) -> None:
        otherwise, done = Label(), Label()
        self._emit(PendingJumpUnless(self.scope.runtime(node.condition), otherwise), node)
        self.block(node.if_block)
        if node.else_block:
            self._emit(PendingJump(done), node)
        self._emit(Place(otherwise), node)
        if node.else_block:
            self.block(node.else_block)
            self._emit(Place(done), node)

    def _while(self, node: ast.WhileLoop) -> None:
        again, done = Label(), Label()
        self._emit(Place(again), node)
        self._emit(PendingJumpUnless(self.scope.runtime(node.while_condition), done), node)
        self.loops.append((again, done))
        self.block(node.block)
        self.loops.pop()
        self._emit(PendingJump(again), node)
        self._emit(Place(done), node)

    def _for(self, node: ast.ForInLoop) -> None:
        values = self._loop_values(node)
        name = node.identifier.name
        if (
            name in self.scope.qubit_registers
            or name in self.scope.registers
            or name in self.scope.kinds
        ):
            fail(node, f"the loop variable {name!r} hides a declaration")
        previous = self.scope.static.get(name)
        done = Label()
        for value in values:
            following = Label()
            self.scope.static[name] = value
            self.loops.append((following, done))
            self.block(node.block)
            self.loops.pop()
            self._emit(Place(following), node)
        if previous is None:
            self.scope.static.pop(name, None)
        else:
            self.scope.static[name] = previous
        self._emit(Place(done), node)

    def _loop_values(self, node: ast.ForInLoop) -> list[Any]:
        declared = node.set_declaration
        if isinstance(declared, ast.RangeDefinition):
            if declared.start is None or declared.end is None:
                fail(node, "a for loop's range needs a start and an end")
            start = self.scope.static_int(declared.start, "a range start")
            end = self.scope.static_int(declared.end, "a range end")
            step = (
                1 if declared.step is None else self.scope.static_int(declared.step, "a range step")
            )
            if step == 0:
                fail(node, "a range step cannot be 0")
            values: list[Any] = list(range(start, end + (1 if step > 0 else -1), step))
        elif isinstance(declared, ast.DiscreteSet):
            values = [self.scope.static_value(v) for v in declared.values]
        else:
            unsupported(node, "a for loop over anything but a constant range or set")
        if len(values) > MAX_INSTRUCTIONS:
            fail(node, f"the loop runs {len(values)} times", "TooManyGates")
        return values

    def _case(self, target: Any, constants: tuple[Any, ...]) -> Evaluator:
        """Whether a switch's target is one of a case's constants."""
        bound = dict(self.scope.static)
        return lambda memory: self.scope.value(target, memory, bound) in constants

    def _switch(self, node: ast.SwitchStatement) -> None:
        target = node.target
        self.scope.value_check(target)
        done = Label()
        for values, body in node.cases:
            constants = [self.scope.static_value(v) for v in values]
            following = Label()
            self._emit(PendingJumpUnless(self._case(target, tuple(constants)), following), node)
            self.block(body.statements)
            self._emit(PendingJump(done), node)
            self._emit(Place(following), node)
        if node.default is not None:
            self.block(node.default.statements)
        self._emit(Place(done), node)
