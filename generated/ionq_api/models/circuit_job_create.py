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

from ..models.backend_name import BackendName, check_backend_name
from ..types import UNBUILT, UNSET, DeferredFields, Unset, defer_fields

if TYPE_CHECKING:
    from ..models.job_settings import JobSettings
    from ..models.metadata import Metadata
    from ..models.native_circuit_input import NativeCircuitInput
    from ..models.noise import Noise
    from ..models.qis_circuit_input import QisCircuitInput


T = TypeVar("T", bound="CircuitJobCreate")


@_attrs_define
class CircuitJobCreate(DeferredFields):
    """A job that runs one circuit.

    Attributes:
        backend (BackendName): A backend a job or session can be submitted to. The list is closed on purpose so a
            typo fails validation in the client (IonQ's document has a free string); backends
            that are read back (in jobs, `Backend`, `Session`) are typed `BackendId` instead, an
            open string, so a newly added backend never breaks a client.
        type_ (Literal['ionq.circuit.v1']): The program type, `ionq.circuit.v1`.
        input_ (NativeCircuitInput | QisCircuitInput): The program of an `ionq.circuit.v1` job; its gates are all `qis`
            or all `native`.
        name (str | Unset): A name for the job, for the user's reference.
        metadata (Metadata | Unset): Free-form string tags a user attaches to a job, stored but never interpreted: at
            most
            10 keys, each 1 to 40 characters long, each value a string of at most 40,000
            characters. These limits come from IonQ's documentation of job metadata (the
            product brief), not from IonQ's OpenAPI document, which states none; answers use
            `JobMetadata`, without limits.
        shots (int | Unset): How many times to run the circuit. Ignored by the ideal simulator, which computes exact
            probabilities. Default: 100.
        noise (Noise | Unset): How the simulator adds noise. Only meaningful on the `simulator` backend: ignored for
            QPU jobs, whose `Job` carries no `noise`.
        settings (JobSettings | Unset): How a job is compiled and whether its errors are mitigated.
        session_id (None | str | Unset): Run the job in this session (which must be active and on the same backend).
        dry_run (bool | Unset): Validate and cost the job without running it. Default: False.
    """

    backend: BackendName
    type_: Literal["ionq.circuit.v1"]
    input_: NativeCircuitInput | QisCircuitInput
    name: str | Unset = UNSET
    metadata: Metadata | Unset = UNSET
    shots: int | Unset = 100
    noise: Noise | Unset = UNSET
    settings: JobSettings | Unset = UNSET
    session_id: None | str | Unset = UNSET
    dry_run: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        backend: str = self.backend

        type_ = self.type_

        input_: dict[str, Any]
        if isinstance(self.input_, QisCircuitInput):
            input_ = self.input_.to_dict()
        else:
            input_ = self.input_.to_dict()

        name = self.name

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        shots = self.shots

        noise: dict[str, Any] | Unset = UNSET
        if not isinstance(self.noise, Unset):
            noise = self.noise.to_dict()

        settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.settings, Unset):
            settings = self.settings.to_dict()

        session_id: None | str | Unset
        if isinstance(self.session_id, Unset):
            session_id = UNSET
        else:
            session_id = self.session_id

        dry_run = self.dry_run

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "backend": backend,
                "type": type_,
                "input": input_,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if shots is not UNSET:
            field_dict["shots"] = shots
        if noise is not UNSET:
            field_dict["noise"] = noise
        if settings is not UNSET:
            field_dict["settings"] = settings
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run

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
        backend = check_backend_name(d.pop("backend"))

        _instance.backend = backend

        type_ = cast(Literal["ionq.circuit.v1"], d.pop("type"))
        if type_ != "ionq.circuit.v1":
            raise ValueError(f"type must match const 'ionq.circuit.v1', got '{type_}'")
        _instance.type_ = type_

        def _parse_input_(data: object) -> NativeCircuitInput | QisCircuitInput:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_circuit_input_type_0 = QisCircuitInput.from_dict(data)

                return componentsschemas_circuit_input_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_circuit_input_type_1 = NativeCircuitInput.from_dict(data)

            return componentsschemas_circuit_input_type_1

        input_ = _parse_input_(d.pop("input"))

        _instance.input_ = input_

        _instance.name = d.pop("name", UNSET)

        _metadata = d.pop("metadata", UNSET)
        if isinstance(_metadata, dict):
            pending["metadata"] = _metadata
            _ionq_store["metadata"](_instance, UNBUILT)
        elif isinstance(_metadata, Unset):
            _ionq_store["metadata"](_instance, UNSET)
        else:
            _ionq_store["metadata"](_instance, Metadata.from_dict(_metadata))

        _instance.shots = d.pop("shots", UNSET)

        _noise = d.pop("noise", UNSET)
        noise: Noise | Unset
        if isinstance(_noise, Unset):
            noise = UNSET
        else:
            noise = Noise.from_dict(_noise)

        _instance.noise = noise

        _settings = d.pop("settings", UNSET)
        settings: JobSettings | Unset
        if isinstance(_settings, Unset):
            settings = UNSET
        else:
            settings = JobSettings.from_dict(_settings)

        _instance.settings = settings

        session_id: None | str | Unset = d.pop("session_id", UNSET)

        _instance.session_id = session_id

        _instance.dry_run = d.pop("dry_run", UNSET)

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
        """`CircuitJobCreate(name=value, ...)` in field order, leaving out the fields that are
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


from ..models.job_settings import JobSettings
from ..models.metadata import Metadata
from ..models.native_circuit_input import NativeCircuitInput
from ..models.noise import Noise
from ..models.qis_circuit_input import QisCircuitInput

# Each deferred field's slot behind a DeferredField; from_dict() stores through the slots.
_ionq_store = defer_fields(
    CircuitJobCreate,
    {
        "metadata": Metadata.from_dict,
    },
)
