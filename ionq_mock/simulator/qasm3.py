"""Parsing `ionq.qasm3.v1` programs (OpenQASM 3) into a flat program the simulator runs.

The text is parsed here by the `openqasm3` package (the language's reference parser,
ANTLR grammar), never by hand, and its syntax tree compiled by the `qasm3_*` modules:
`qasm3_compiler.py` (the walk: declarations, statements, control flow),
`qasm3_expressions.py` (names, classical expressions, operands), `qasm3_gates.py` (the
gate library and modifiers), `qasm3_layout.py` (deferred measurements, fusion, jumps),
into the instructions of `instructions.py`. What it understands:

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

from collections.abc import Sequence
from typing import Any, Final

from openqasm3 import ast
from openqasm3 import parser as qasm_parser
from openqasm3.parser import QASM3ParsingError

from .errors import SimulationFailure
from .instructions import Program
from .qasm3_compiler import MAX_OUTCOME_BITS, Compiler
from .qasm3_layout import Place, defer, resolve

__all__ = ["MAX_SOURCE_CHARS", "Program", "parse_program"]

# A program longer than this is not parsed (the pure-Python parser takes about 1 s per
# 100 kB); it is TooManyGates.
MAX_SOURCE_CHARS: Final = 2_000_000


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
    compiler = Compiler(inputs, max_qubits)
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
    width = max(compiler.scope.qubits, 1)
    if qubits is not None:
        if isinstance(qubits, bool) or not isinstance(qubits, int) or qubits < 1:
            raise SimulationFailure(
                "InvalidInput", f"'qubits' must be a positive integer, got {qubits!r}"
            )
        if qubits < compiler.scope.qubits:
            raise SimulationFailure(
                "InvalidInput",
                f"input.qubits is {qubits}, but the program declares"
                f" {compiler.scope.qubits} qubits",
            )
        width = qubits
    if width > max_qubits:
        raise SimulationFailure(
            "NotEnoughQubits", f"the program needs {width} qubits; this target has {max_qubits}"
        )
    if width + compiler.scope.clbits > MAX_OUTCOME_BITS:
        raise SimulationFailure(
            "UnsupportedGate",
            f"{width} qubits and {compiler.scope.clbits} classical bits; this simulator records at"
            f" most {MAX_OUTCOME_BITS} in all",
        )
    kept, deferred = defer(compiler.code, compiler.ended)
    kept.append(Place(compiler.end))
    return Program(
        qubits=width,
        clbits=compiler.scope.clbits,
        registers={name: tuple(bits) for name, bits in compiler.scope.registers.items()},
        code=tuple(resolve(kept)),
        deferred=tuple(deferred),
        variables=dict(compiler.scope.variables),
        gates_1q=compiler.gates_1q,
        gates_2q=compiler.gates_2q,
    )
