from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import fields as _attrs_fields

from ..types import UNSET, Unset

T = TypeVar("T", bound="Noise")


@_attrs_define
class Noise:
    """How the simulator adds noise. Only meaningful on the `simulator` backend: ignored for
    QPU jobs, whose `Job` carries no `noise`.

        Attributes:
            model (str): A noise model for the simulator: `ideal` (no noise, the default) or the noise of a
                QPU generation. Known today: `ideal`, `harmony`, `harmony-1`, `harmony-2`, `aria-1`,
                `aria-2`, `forte-1`, `forte-enterprise-1`. An open string, as in IonQ's document: a
                model this document does not know is sent and read as it is (a server that cannot
                simulate it fails the job).
            seed (int | None | Unset): Seeds the noise sampling, for reproducible noisy runs; null for none.
    """

    model: str
    seed: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        seed: int | None | Unset
        if isinstance(self.seed, Unset):
            seed = UNSET
        else:
            seed = self.seed

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "model": model,
            }
        )
        if seed is not UNSET:
            field_dict["seed"] = seed

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
        model = d.pop("model")

        seed: int | None | Unset = d.pop("seed", UNSET)

        noise = cls(
            model,
            seed,
        )

        return noise

    def __repr__(self) -> str:
        """`Noise(name=value, ...)` in field order, leaving out the fields that are
        unset or None."""
        parts = [
            f"{field.name}={value!r}"
            for field in _attrs_fields(type(self))
            if field.name != "additional_properties"
            and (value := getattr(self, field.name)) is not UNSET
            and value is not None
        ]
        return f"{type(self).__name__}({', '.join(parts)})"
