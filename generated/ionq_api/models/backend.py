from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.backend_status import BackendStatus, check_backend_status
from ..models.noise_model import NoiseModel, check_noise_model
from ..types import UNSET, Unset

T = TypeVar("T", bound="Backend")


@_attrs_define
class Backend:
    """A simulator or QPU.

    Attributes:
        backend (str): A backend name as the service reports it: `simulator` or `qpu.<system>` (e.g.
            `qpu.forte-1`). May name a backend newer than this document, or a retired one.
        status (BackendStatus): Whether the backend takes jobs now (`available`), not now (`unavailable`) or never again
            (`retired`).
        qubits (int): The number of qubits a job may use on it.
        average_queue_time (float): The recent average time jobs wait in its queue, in milliseconds.
        last_updated (datetime.datetime): When this status was last refreshed.
        degraded (bool | Unset): Whether it is running with reduced performance.
        characterization_id (UUID | Unset): The id of its latest characterization (QPUs only).
        noise_models (list[NoiseModel] | Unset): The noise models it can simulate (the simulator only).
    """

    backend: str
    status: BackendStatus
    qubits: int
    average_queue_time: float
    last_updated: datetime.datetime
    degraded: bool | Unset = UNSET
    characterization_id: UUID | Unset = UNSET
    noise_models: list[NoiseModel] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        backend = self.backend

        status: str = self.status

        qubits = self.qubits

        average_queue_time = self.average_queue_time

        last_updated = self.last_updated.isoformat()

        degraded = self.degraded

        characterization_id: str | Unset = UNSET
        if not isinstance(self.characterization_id, Unset):
            characterization_id = str(self.characterization_id)

        noise_models: list[str] | Unset = UNSET
        if not isinstance(self.noise_models, Unset):
            noise_models = []
            for noise_models_item_data in self.noise_models:
                noise_models_item: str = noise_models_item_data
                noise_models.append(noise_models_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "backend": backend,
                "status": status,
                "qubits": qubits,
                "average_queue_time": average_queue_time,
                "last_updated": last_updated,
            }
        )
        if degraded is not UNSET:
            field_dict["degraded"] = degraded
        if characterization_id is not UNSET:
            field_dict["characterization_id"] = characterization_id
        if noise_models is not UNSET:
            field_dict["noise_models"] = noise_models

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        backend = d.pop("backend")

        status = check_backend_status(d.pop("status"))

        qubits = d.pop("qubits")

        average_queue_time = d.pop("average_queue_time")

        last_updated = datetime.datetime.fromisoformat(d.pop("last_updated"))

        degraded = d.pop("degraded", UNSET)

        _characterization_id = d.pop("characterization_id", UNSET)
        characterization_id: UUID | Unset
        if isinstance(_characterization_id, Unset):
            characterization_id = UNSET
        else:
            characterization_id = UUID(_characterization_id)

        _noise_models = d.pop("noise_models", UNSET)
        noise_models: list[NoiseModel] | Unset = UNSET
        if _noise_models is not UNSET:
            noise_models = []
            for noise_models_item_data in _noise_models:
                noise_models_item = check_noise_model(noise_models_item_data)

                noise_models.append(noise_models_item)

        backend = cls(
            backend=backend,
            status=status,
            qubits=qubits,
            average_queue_time=average_queue_time,
            last_updated=last_updated,
            degraded=degraded,
            characterization_id=characterization_id,
            noise_models=noise_models,
        )

        backend.additional_properties = d
        return backend

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
