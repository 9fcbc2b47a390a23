from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import fields as _attrs_fields

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.fidelity import Fidelity
    from ..models.timing import Timing


T = TypeVar("T", bound="Characterization")


@_attrs_define
class Characterization:
    """A QPU's measured properties at one time. Every field is optional in IonQ's document.

    Attributes:
        id (str | Unset): The characterization's id.
        date (datetime.datetime | Unset): When it was measured.
        backend (str | Unset): A backend name as the service reports it: `simulator` or `qpu.<system>` (e.g.
            `qpu.forte-1`). Any string: it may name a backend newer than this document, or a
            retired one.
        qubits (int | Unset): The number of qubits.
        connectivity (list[list[int]] | Unset): The qubit pairs a two-qubit gate can act on directly.
        fidelity (Fidelity | Unset): A QPU's measured fidelities.
        timing (Timing | Unset): A QPU's typical durations, in seconds. IonQ's document types them as integers; in
            seconds they are fractions (a gate takes microseconds), so they are numbers here.
    """

    id: str | Unset = UNSET
    date: datetime.datetime | Unset = UNSET
    backend: str | Unset = UNSET
    qubits: int | Unset = UNSET
    connectivity: list[list[int]] | Unset = UNSET
    fidelity: Fidelity | Unset = UNSET
    timing: Timing | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        date: str | Unset = UNSET
        if not isinstance(self.date, Unset):
            date = self.date.isoformat()

        backend = self.backend

        qubits = self.qubits

        connectivity: list[list[int]] | Unset = UNSET
        if not isinstance(self.connectivity, Unset):
            connectivity = []
            for connectivity_item_data in self.connectivity:
                connectivity_item = connectivity_item_data

                connectivity.append(connectivity_item)

        fidelity: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fidelity, Unset):
            fidelity = self.fidelity.to_dict()

        timing: dict[str, Any] | Unset = UNSET
        if not isinstance(self.timing, Unset):
            timing = self.timing.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if date is not UNSET:
            field_dict["date"] = date
        if backend is not UNSET:
            field_dict["backend"] = backend
        if qubits is not UNSET:
            field_dict["qubits"] = qubits
        if connectivity is not UNSET:
            field_dict["connectivity"] = connectivity
        if fidelity is not UNSET:
            field_dict["fidelity"] = fidelity
        if timing is not UNSET:
            field_dict["timing"] = timing

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
        id = d.pop("id", UNSET)

        _date = d.pop("date", UNSET)
        date: datetime.datetime | Unset
        if isinstance(_date, Unset):
            date = UNSET
        else:
            date = datetime.datetime.fromisoformat(_date)

        backend = d.pop("backend", UNSET)

        qubits = d.pop("qubits", UNSET)

        _connectivity = d.pop("connectivity", UNSET)
        connectivity: list[list[int]] | Unset = UNSET
        if _connectivity is not UNSET:
            connectivity = []
            for connectivity_item_data in _connectivity:
                connectivity_item = cast(list[int], connectivity_item_data)

                connectivity.append(connectivity_item)

        _fidelity = d.pop("fidelity", UNSET)
        fidelity: Fidelity | Unset
        if isinstance(_fidelity, Unset):
            fidelity = UNSET
        else:
            fidelity = Fidelity.from_dict(_fidelity)

        _timing = d.pop("timing", UNSET)
        timing: Timing | Unset
        if isinstance(_timing, Unset):
            timing = UNSET
        else:
            timing = Timing.from_dict(_timing)

        characterization = cls(
            id,
            date,
            backend,
            qubits,
            connectivity,
            fidelity,
            timing,
        )

        characterization.additional_properties = d
        return characterization

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
        """`Characterization(name=value, ...)` in field order, leaving out the fields that are
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


from ..models.fidelity import Fidelity
from ..models.timing import Timing
