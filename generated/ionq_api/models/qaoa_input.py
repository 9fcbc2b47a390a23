from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import fields as _attrs_fields

from ..models.qaoa_input_problem_type import (
    QaoaInputProblemType,
    check_qaoa_input_problem_type,
)
from ..types import UNBUILT, UNSET, DeferredFields, defer_fields

if TYPE_CHECKING:
    from ..models.qaoa_input_problem import QaoaInputProblem


T = TypeVar("T", bound="QaoaInput")


@_attrs_define
class QaoaInput(DeferredFields):
    """The problem of a `qctrl.qaoa.v1` job.

    Attributes:
        problem_type (QaoaInputProblemType): The problem class.
        problem (QaoaInputProblem): The problem graph, a NetworkX adjacency graph.
    """

    problem_type: QaoaInputProblemType
    problem: QaoaInputProblem
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        problem_type: str = self.problem_type

        problem = self.problem.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "problem_type": problem_type,
                "problem": problem,
            }
        )

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
        _instance = cls.__new__(cls)
        pending: dict[str, Any] = {}
        _instance._ionq_pending = pending
        problem_type = check_qaoa_input_problem_type(d.pop("problem_type"))

        _instance.problem_type = problem_type

        _problem = d.pop("problem")
        if isinstance(_problem, dict):
            pending["problem"] = _problem
            _ionq_store["problem"](_instance, UNBUILT)
        else:
            _ionq_store["problem"](_instance, QaoaInputProblem.from_dict(_problem))

        _instance.additional_properties = d
        return _instance

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
        """`QaoaInput(name=value, ...)` in field order, leaving out the fields that are
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


from ..models.qaoa_input_problem import QaoaInputProblem

# Each deferred field's slot behind a DeferredField; from_dict() stores through the slots.
_ionq_store = defer_fields(
    QaoaInput,
    {
        "problem": QaoaInputProblem.from_dict,
    },
)
