from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import fields as _attrs_fields

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.artifact_descriptor import ArtifactDescriptor
    from ..models.result_link import ResultLink


T = TypeVar("T", bound="CircuitJobResults")


@_attrs_define
class CircuitJobResults:
    """A completed circuit job's results, keyed by result format (IonQ's
    `CircuitJobResults` and `MultiCircuitJobResults`): each format-keyed entry, e.g.
    `ionq.result.probabilities.json.v2`, is an `ArtifactDescriptor`. The service also
    sends the legacy entries `probabilities` (and `histogram` and `shots` where it has
    them) as `{url}` links, which `qiskit-ionq` and `pennylane-ionq` read; IonQ's
    document omits them.

        Attributes:
            probabilities (ResultLink | Unset): A legacy link to a result, beside the format-keyed artifact descriptors.
            histogram (ResultLink | Unset): A legacy link to a result, beside the format-keyed artifact descriptors.
            shots (ResultLink | Unset): A legacy link to a result, beside the format-keyed artifact descriptors.
    """

    probabilities: ResultLink | Unset = UNSET
    histogram: ResultLink | Unset = UNSET
    shots: ResultLink | Unset = UNSET
    additional_properties: dict[str, ArtifactDescriptor] = _attrs_field(
        init=False, factory=dict
    )

    def to_dict(self) -> dict[str, Any]:
        probabilities: dict[str, Any] | Unset = UNSET
        if not isinstance(self.probabilities, Unset):
            probabilities = self.probabilities.to_dict()

        histogram: dict[str, Any] | Unset = UNSET
        if not isinstance(self.histogram, Unset):
            histogram = self.histogram.to_dict()

        shots: dict[str, Any] | Unset = UNSET
        if not isinstance(self.shots, Unset):
            shots = self.shots.to_dict()

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()

        field_dict.update({})
        if probabilities is not UNSET:
            field_dict["probabilities"] = probabilities
        if histogram is not UNSET:
            field_dict["histogram"] = histogram
        if shots is not UNSET:
            field_dict["shots"] = shots

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
        _probabilities = d.pop("probabilities", UNSET)
        probabilities: ResultLink | Unset
        if isinstance(_probabilities, Unset):
            probabilities = UNSET
        else:
            probabilities = ResultLink.from_dict(_probabilities)

        _histogram = d.pop("histogram", UNSET)
        histogram: ResultLink | Unset
        if isinstance(_histogram, Unset):
            histogram = UNSET
        else:
            histogram = ResultLink.from_dict(_histogram)

        _shots = d.pop("shots", UNSET)
        shots: ResultLink | Unset
        if isinstance(_shots, Unset):
            shots = UNSET
        else:
            shots = ResultLink.from_dict(_shots)

        circuit_job_results = cls(
            probabilities,
            histogram,
            shots,
        )

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = ArtifactDescriptor.from_dict(prop_dict)

            additional_properties[prop_name] = additional_property

        circuit_job_results.additional_properties = additional_properties
        return circuit_job_results

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> ArtifactDescriptor:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: ArtifactDescriptor) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

    def __repr__(self) -> str:
        """`CircuitJobResults(name=value, ...)` in field order, leaving out the fields that are
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


from ..models.artifact_descriptor import ArtifactDescriptor
from ..models.result_link import ResultLink
