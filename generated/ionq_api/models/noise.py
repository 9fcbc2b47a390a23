from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

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

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        model = d.pop("model")

        def _parse_seed(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        seed = _parse_seed(d.pop("seed", UNSET))

        noise = cls(
            model=model,
            seed=seed,
        )

        return noise
