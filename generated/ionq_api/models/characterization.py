from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.fidelity import Fidelity
    from ..models.timing import Timing


T = TypeVar("T", bound="Characterization")


@_attrs_define
class Characterization:
    """A QPU's measured properties at one time.

    Attributes:
        id (UUID): The characterization's id.
        date (datetime.datetime): When it was measured.
        backend (str): A backend name as the service reports it: `simulator` or `qpu.<system>` (e.g.
            `qpu.forte-1`). May name a backend newer than this document, or a retired one.
        qubits (int): The number of qubits.
        connectivity (list[list[int]]): The qubit pairs a two-qubit gate can act on directly.
        fidelity (Fidelity): A QPU's measured fidelities.
        timing (Timing): A QPU's typical durations, in seconds.
    """

    id: UUID
    date: datetime.datetime
    backend: str
    qubits: int
    connectivity: list[list[int]]
    fidelity: Fidelity
    timing: Timing
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        date = self.date.isoformat()

        backend = self.backend

        qubits = self.qubits

        connectivity = []
        for connectivity_item_data in self.connectivity:
            connectivity_item = connectivity_item_data

            connectivity.append(connectivity_item)

        fidelity = self.fidelity.to_dict()

        timing = self.timing.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "date": date,
                "backend": backend,
                "qubits": qubits,
                "connectivity": connectivity,
                "fidelity": fidelity,
                "timing": timing,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fidelity import Fidelity  # noqa: PLC0415
        from ..models.timing import Timing  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        date = datetime.datetime.fromisoformat(d.pop("date"))

        backend = d.pop("backend")

        qubits = d.pop("qubits")

        connectivity = []
        _connectivity = d.pop("connectivity")
        for connectivity_item_data in _connectivity:
            connectivity_item = cast(list[int], connectivity_item_data)

            connectivity.append(connectivity_item)

        fidelity = Fidelity.from_dict(d.pop("fidelity"))

        timing = Timing.from_dict(d.pop("timing"))

        characterization = cls(
            id=id,
            date=date,
            backend=backend,
            qubits=qubits,
            connectivity=connectivity,
            fidelity=fidelity,
            timing=timing,
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
