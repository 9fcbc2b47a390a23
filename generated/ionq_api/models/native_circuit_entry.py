from __future__ import annotations

import json
from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import fields as _attrs_fields

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.native_gpi_gate import NativeGpiGate
    from ..models.native_ms_gate import NativeMsGate
    from ..models.native_nop_gate import NativeNopGate
    from ..models.native_zz_gate import NativeZzGate
    from ..models.native_zz_gate_phase import NativeZzGatePhase
    from ..models.registers import Registers


T = TypeVar("T", bound="NativeCircuitEntry")


@_attrs_define
class NativeCircuitEntry:
    """One circuit of a multi-circuit job, of `native` gates: the job's gate set, or its
    own when it says `gateset: native`.

        Attributes:
            circuit (list[NativeGpiGate | NativeMsGate | NativeNopGate | NativeZzGate | NativeZzGatePhase]): The gates of a
                `native` circuit, applied in order. The same 150,000-gate job limit
                applies.
            gateset (Literal['native'] | Unset): This circuit's gate set, overriding the job's.
            registers (Registers | Unset): Register names, each with the list of qubits it holds (in order).
            name (str | Unset): A name for the circuit, for the user's reference.
            qubits (int | Unset): How many qubits the program uses. When omitted, one more than the highest index used.
                The backend's own limit also applies (checked after the job is accepted: a wider job
                fails with `NotEnoughQubits`): the simulator takes up to 29 qubits, Aria QPUs 25,
                Forte QPUs 36.
    """

    circuit: list[
        NativeGpiGate | NativeMsGate | NativeNopGate | NativeZzGate | NativeZzGatePhase
    ]
    gateset: Literal["native"] | Unset = UNSET
    registers: Registers | Unset = UNSET
    name: str | Unset = UNSET
    qubits: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        circuit = []
        for componentsschemas_native_circuit_item_data in self.circuit:
            componentsschemas_native_circuit_item: dict[str, Any]
            if isinstance(componentsschemas_native_circuit_item_data, NativeGpiGate):
                componentsschemas_native_circuit_item = (
                    componentsschemas_native_circuit_item_data.to_dict()
                )
            elif isinstance(componentsschemas_native_circuit_item_data, NativeMsGate):
                componentsschemas_native_circuit_item = (
                    componentsschemas_native_circuit_item_data.to_dict()
                )
            elif isinstance(componentsschemas_native_circuit_item_data, NativeZzGate):
                componentsschemas_native_circuit_item = (
                    componentsschemas_native_circuit_item_data.to_dict()
                )
            elif isinstance(
                componentsschemas_native_circuit_item_data, NativeZzGatePhase
            ):
                componentsschemas_native_circuit_item = (
                    componentsschemas_native_circuit_item_data.to_dict()
                )
            else:
                componentsschemas_native_circuit_item = (
                    componentsschemas_native_circuit_item_data.to_dict()
                )

            circuit.append(componentsschemas_native_circuit_item)

        gateset = self.gateset

        registers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.registers, Unset):
            registers = self.registers.to_dict()

        name = self.name

        qubits = self.qubits

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "circuit": circuit,
            }
        )
        if gateset is not UNSET:
            field_dict["gateset"] = gateset
        if registers is not UNSET:
            field_dict["registers"] = registers
        if name is not UNSET:
            field_dict["name"] = name
        if qubits is not UNSET:
            field_dict["qubits"] = qubits

        return field_dict

    def to_json(self, **kwargs: Any) -> str:
        """This model as JSON text: `json.dumps(self.to_dict(), **kwargs)`.

        `to_dict()` already writes datetimes as ISO 8601 strings and UUIDs as strings, so
        the text is what the API sends; pass `indent=2`, `sort_keys=True` etc. through.
        """
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        circuit = []
        _circuit = d.pop("circuit")
        for componentsschemas_native_circuit_item_data in _circuit:

            def _parse_componentsschemas_native_circuit_item(
                data: object,
            ) -> (
                NativeGpiGate
                | NativeMsGate
                | NativeNopGate
                | NativeZzGate
                | NativeZzGatePhase
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_native_gate_type_0 = NativeGpiGate.from_dict(data)

                    return componentsschemas_native_gate_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_native_gate_type_1 = NativeMsGate.from_dict(data)

                    return componentsschemas_native_gate_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_native_gate_type_2 = NativeZzGate.from_dict(data)

                    return componentsschemas_native_gate_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_native_gate_type_3 = NativeZzGatePhase.from_dict(
                        data
                    )

                    return componentsschemas_native_gate_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_native_gate_type_4 = NativeNopGate.from_dict(data)

                return componentsschemas_native_gate_type_4

            componentsschemas_native_circuit_item = (
                _parse_componentsschemas_native_circuit_item(
                    componentsschemas_native_circuit_item_data
                )
            )

            circuit.append(componentsschemas_native_circuit_item)

        gateset = cast(Literal["native"] | Unset, d.pop("gateset", UNSET))
        if gateset != "native" and not isinstance(gateset, Unset):
            raise ValueError(f"gateset must match const 'native', got '{gateset}'")

        _registers = d.pop("registers", UNSET)
        registers: Registers | Unset
        if isinstance(_registers, Unset):
            registers = UNSET
        else:
            registers = Registers.from_dict(_registers)

        name = d.pop("name", UNSET)

        qubits = d.pop("qubits", UNSET)

        native_circuit_entry = cls(
            circuit,
            gateset,
            registers,
            name,
            qubits,
        )

        native_circuit_entry.additional_properties = d
        return native_circuit_entry

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

    def __repr__(self) -> str:
        """`NativeCircuitEntry(name=value, ...)` in field order, leaving out the fields that are
        unset or None, then `**{...}` for additional properties if there are any."""
        parts = [
            f"{field.name}={value!r}"
            for field in _attrs_fields(type(self))
            if field.name != "additional_properties"
            and (value := getattr(self, field.name)) is not UNSET
            and value is not None
        ]
        if self.additional_properties:
            parts.append(f"**{self.additional_properties!r}")
        return f"{type(self).__name__}({', '.join(parts)})"


from ..models.native_gpi_gate import NativeGpiGate
from ..models.native_ms_gate import NativeMsGate
from ..models.native_nop_gate import NativeNopGate
from ..models.native_zz_gate import NativeZzGate
from ..models.native_zz_gate_phase import NativeZzGatePhase
from ..models.registers import Registers
