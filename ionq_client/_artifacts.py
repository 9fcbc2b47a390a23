"""Result artifacts: which one to download for what, and reading their contents.

A completed circuit job's `results` maps each format it offers to a descriptor
`{id, format, media_type}`; `GET /jobs/{id}/artifacts/{artifact_id}` downloads one. The
formats this package reads (all JSON):

- `ionq.result.probabilities.json.v1`: `{"<decimal state>": p}`, qubit 0 the least
  significant bit (what `/results/probabilities` answers);
- `ionq.result.probabilities.json.v2`: `{"probabilities": {"registers": {"output_all":
  {"<bits>": p}}}}`, bits written first qubit first;
- `ionq.result.histogram.json.v1` / `.v2`: the same two shapes with counts (`histogram`);
- `ionq.result.shots.json.v1`: `["<decimal state>", ...]`, one per shot;
- `ionq.result.shots.json.v2`: `{"shots": [{"registers": {"output_all": [b0, b1, ...]}}]}`;
- `ionq.result.probabilities-aggregate.json.v1`: `{child_job_id: {"<decimal state>": p}}`
  for a multi-circuit parent.

Every shape is read into basis-state integers (qubit 0 = least significant bit), the one
representation `Result` keeps. Nothing here performs I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Literal

from ionq_client._exceptions import APIResponseValidationError

__all__ = [
    "AGGREGATE",
    "HISTOGRAM_FORMATS",
    "PROBABILITIES_V1",
    "PROBABILITY_FORMATS",
    "SHOTS_FORMATS",
    "Extra",
    "artifact_ref",
    "check_include",
    "pick",
    "read_aggregate",
    "read_counts",
    "read_probabilities",
    "read_samples",
]

PROBABILITIES_V1: Final = "ionq.result.probabilities.json.v1"
PROBABILITIES_V2: Final = "ionq.result.probabilities.json.v2"
HISTOGRAM_V1: Final = "ionq.result.histogram.json.v1"
HISTOGRAM_V2: Final = "ionq.result.histogram.json.v2"
SHOTS_V1: Final = "ionq.result.shots.json.v1"
SHOTS_V2: Final = "ionq.result.shots.json.v2"
AGGREGATE: Final = "ionq.result.probabilities-aggregate.json.v1"
#: The register every v2 format carries: all the measured qubits, in order.
ALL_REGISTER: Final = "output_all"

#: Formats in order of preference (v1 is decimal-keyed, the API's own state order).
PROBABILITY_FORMATS: Final = (PROBABILITIES_V1, PROBABILITIES_V2)
HISTOGRAM_FORMATS: Final = (HISTOGRAM_V1, HISTOGRAM_V2)
SHOTS_FORMATS: Final = (SHOTS_V1, SHOTS_V2)

#: What `jobs.results(include=...)` may ask for besides the probabilities.
Extra = Literal["histogram", "shots"]
_EXTRAS: Final = frozenset({"histogram", "shots"})


def check_include(include: object) -> frozenset[str]:
    """`include` as a set of extras, or `ValueError` naming an unknown one."""
    if isinstance(include, str):
        include = (include,)
    if not isinstance(include, list | tuple | set | frozenset):
        raise ValueError(f"include must be a sequence of {sorted(_EXTRAS)}, not {include!r}")
    wanted = frozenset(str(i) for i in include)
    unknown = sorted(wanted - _EXTRAS)
    if unknown:
        raise ValueError(f"unknown include {unknown}; known: {sorted(_EXTRAS)}")
    return wanted


def pick(
    descriptors: Mapping[str, Mapping[str, Any]], formats: tuple[str, ...]
) -> tuple[str, str] | None:
    """`(format, artifact id)` of the first of `formats` the job offers, else `None`."""
    for fmt in formats:
        descriptor = descriptors.get(fmt)
        if descriptor is not None and isinstance(descriptor.get("id"), str):
            return fmt, descriptor["id"]
    return None


def artifact_ref(artifact: object) -> str:
    """An artifact id from an id, a descriptor mapping or a generated `ArtifactDescriptor`."""
    if isinstance(artifact, str):
        return artifact
    if isinstance(artifact, Mapping) and isinstance(artifact.get("id"), str):
        return str(artifact["id"])
    ref = getattr(artifact, "id", None)
    if isinstance(ref, str):
        return ref
    raise ValueError(f"not an artifact id or descriptor: {artifact!r}")


def _bad(fmt: str, why: str) -> APIResponseValidationError:
    return APIResponseValidationError(f"artifact {fmt}: {why}")


def _decimal(key: object, fmt: str) -> int:
    try:
        state = int(str(key))
    except ValueError:
        raise _bad(fmt, f"basis state {key!r} is not a decimal integer") from None
    if state < 0:
        raise _bad(fmt, f"negative basis state {state}")
    return state


def _bits(bits: object, fmt: str) -> int:
    """A basis-state integer from bits written first qubit first (`"10"` = qubit 0 set)."""
    text = "".join(str(b) for b in bits) if isinstance(bits, list) else str(bits)
    if not text or set(text) - {"0", "1"}:
        raise _bad(fmt, f"{bits!r} is not a bitstring")
    return sum(1 << q for q, b in enumerate(text) if b == "1")


def _register(content: object, top: str, fmt: str) -> Any:
    if not isinstance(content, Mapping) or not isinstance(content.get(top), Mapping):
        raise _bad(fmt, f"expected an object with {top!r}")
    registers = content[top].get("registers")
    if not isinstance(registers, Mapping) or ALL_REGISTER not in registers:
        raise _bad(fmt, f"expected {top}.registers.{ALL_REGISTER}")
    return registers[ALL_REGISTER]


def _number_map(values: object, fmt: str) -> Mapping[str, Any]:
    if not isinstance(values, Mapping):
        raise _bad(fmt, "expected an object of numbers")
    for v in values.values():
        if isinstance(v, bool) or not isinstance(v, int | float):
            raise _bad(fmt, f"{v!r} is not a number")
    return values


def _width(values: Mapping[str, Any] | list[Any]) -> int:
    return max((len(k) for k in values), default=0)


def read_probabilities(fmt: str, content: object) -> tuple[dict[int, float], int]:
    """`({state: probability}, width)` from a probabilities artifact; width is the v2
    bitstrings' length (0 for v1, whose decimal keys do not say)."""
    if fmt == PROBABILITIES_V1:
        values = _number_map(content, fmt)
        return {_decimal(k, fmt): float(v) for k, v in values.items()}, 0
    if fmt == PROBABILITIES_V2:
        values = _number_map(_register(content, "probabilities", fmt), fmt)
        return {_bits(k, fmt): float(v) for k, v in values.items()}, _width(list(values))
    raise _bad(fmt, "not a probabilities format")


def read_counts(fmt: str, content: object) -> tuple[dict[int, int], int]:
    """`({state: count}, width)` from a histogram artifact."""
    if fmt == HISTOGRAM_V1:
        values = _number_map(content, fmt)
        return {_decimal(k, fmt): int(v) for k, v in values.items()}, 0
    if fmt == HISTOGRAM_V2:
        values = _number_map(_register(content, "histogram", fmt), fmt)
        return {_bits(k, fmt): int(v) for k, v in values.items()}, _width(list(values))
    raise _bad(fmt, "not a histogram format")


def read_samples(fmt: str, content: object) -> tuple[list[int], int]:
    """`([state of each shot], width)` from a shots artifact."""
    if fmt == SHOTS_V1:
        if not isinstance(content, list):
            raise _bad(fmt, "expected a list of basis states")
        return [_decimal(s, fmt) for s in content], 0
    if fmt == SHOTS_V2:
        if not isinstance(content, Mapping) or not isinstance(content.get("shots"), list):
            raise _bad(fmt, "expected an object with 'shots'")
        states: list[int] = []
        width = 0
        for shot in content["shots"]:
            registers = shot.get("registers") if isinstance(shot, Mapping) else None
            if not isinstance(registers, Mapping) or ALL_REGISTER not in registers:
                raise _bad(fmt, f"a shot without registers.{ALL_REGISTER}")
            bits = registers[ALL_REGISTER]
            states.append(_bits(bits, fmt))
            width = max(width, len(bits))
        return states, width
    raise _bad(fmt, "not a shots format")


def read_aggregate(content: object) -> dict[str, dict[int, float]]:
    """`{child job id: {state: probability}}` from an aggregate artifact."""
    if not isinstance(content, Mapping):
        raise _bad(AGGREGATE, "expected an object keyed by child job id")
    return {
        str(child): read_probabilities(PROBABILITIES_V1, probs)[0]
        for child, probs in content.items()
    }
