from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="JobFailure")


@_attrs_define
class JobFailure:
    """Why a job failed (IonQ's `Failure`).

    Attributes:
        code (str): The failure's category. Known today: `InvalidInput`, `CompilationError`,
            `ContractExpiredError`, `DebiasingError`, `InternalError`, `NotEnoughQubits`,
            `OptimizationError`, `PreflightError`, `QuantumCircuitComplexityError`,
            `QuantumComputerError`, `QuotaExhaustedError`, `SimulationError`,
            `SimulationTimeout`, `SystemCancel`, `TooLongPredictedExecutionTime`,
            `TooManyControls`, `TooManyGates`, `TooManyShots`, `UnknownBillingError`,
            `UnsupportedGate`. An open string here (IonQ's document has these as an enum).
        message (str): A human-readable explanation.
    """

    code: str
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        message = d.pop("message")

        job_failure = cls(
            code=code,
            message=message,
        )

        job_failure.additional_properties = d
        return job_failure

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
