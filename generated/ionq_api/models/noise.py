from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.noise_model import NoiseModel, check_noise_model
from ..types import UNSET, Unset

T = TypeVar("T", bound="Noise")


@_attrs_define
class Noise:
    """How the simulator adds noise. Only meaningful on the `simulator` backend: ignored for
    QPU jobs, whose `Job` carries no `noise`.

        Attributes:
            model (NoiseModel): A noise model for the simulator: `ideal` (no noise, the default) or the noise of a
                QPU generation.
            seed (int | Unset): Seeds the noise sampling, for reproducible noisy runs.
    """

    model: NoiseModel
    seed: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        model: str = self.model

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

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        model = check_noise_model(d.pop("model"))

        seed = d.pop("seed", UNSET)

        noise = cls(
            model=model,
            seed=seed,
        )

        return noise
