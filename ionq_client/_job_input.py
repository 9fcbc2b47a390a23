"""The `input` of a job that is not one `Circuit`: several circuits as one multi-circuit
input (`circuits_input`), or an OpenQASM 3 program (`Qasm3`).

A multi-circuit job's gate set is its first circuit's; a circuit of the other set names
its own. A QASM 3 program is compiled by the service, so it is checked there, not here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ionq_api.models.multi_circuit_input import MultiCircuitInput
from ionq_api.models.native_circuit_entry import NativeCircuitEntry
from ionq_api.models.qasm_3_input import Qasm3Input
from ionq_api.models.qis_circuit_entry import QisCircuitEntry
from ionq_api.models.qis_circuit_input import QisCircuitInput
from ionq_api.types import UNSET
from ionq_client._circuit import Circuit, Gateset
from ionq_client._exceptions import ValidationError
from ionq_client._limits import limits

__all__ = ["Qasm3", "circuits_input"]


def _entry(circuit: Circuit, job_gateset: Gateset) -> QisCircuitEntry | NativeCircuitEntry:
    """One circuit of a multi-circuit input; it names its gate set when not the job's."""
    name = UNSET if circuit.name is None else circuit.name
    # A copy of the gates, typed by their gate set; an empty circuit raises here.
    single = circuit.to_input()
    if isinstance(single, QisCircuitInput):
        entry = QisCircuitEntry(circuit=single.circuit, qubits=circuit.qubits, name=name)
        if job_gateset != "qis":
            entry.gateset = "qis"
        return entry
    native = NativeCircuitEntry(circuit=single.circuit, qubits=circuit.qubits, name=name)
    if job_gateset != "native":
        native.gateset = "native"
    return native


def circuits_input(circuits: Iterable[Circuit]) -> MultiCircuitInput:
    """The spec's `MultiCircuitInput` for several circuits (the job's gate set is the
    first circuit's; a circuit of the other set names its own)."""
    items = list(circuits)
    lim = limits()
    if not items:
        raise ValidationError("give at least one circuit", key="input.circuits")
    if len(items) > lim.max_circuits:
        raise ValidationError(
            f"{len(items)} circuits; at most {lim.max_circuits} are allowed", key="input.circuits"
        )
    gateset = items[0].gateset
    return MultiCircuitInput(
        gateset=gateset,
        qubits=max(c.qubits for c in items),
        circuits=[_entry(c, gateset) for c in items],
    )


@dataclass(frozen=True)
class Qasm3:
    """An OpenQASM 3 program for an `ionq.qasm3.v1` job; `qubits` is its width when the
    service should not infer it. `jobs.create` also takes the source as a plain `str`."""

    source: str
    qubits: int | None = None

    def to_input(self) -> Qasm3Input:
        """The spec's `Qasm3Input` (`{data, qubits?}`)."""
        if not isinstance(self.source, str) or not self.source.strip():
            raise ValidationError("a QASM 3 program needs its source", key="input.data")
        if self.qubits is None:
            return Qasm3Input(data=self.source)
        top = limits().max_qubits
        if isinstance(self.qubits, bool) or not isinstance(self.qubits, int):
            raise ValidationError("qubits must be an integer", key="input.qubits")
        if not 1 <= self.qubits <= top:
            raise ValidationError(
                f"qubits is {self.qubits}; it must be 1 to {top}", key="input.qubits"
            )
        return Qasm3Input(data=self.source, qubits=self.qubits)
