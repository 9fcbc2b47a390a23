"""A job's results, read piece by piece: which artifacts to download, and how what they
hold (and the older `/results/probabilities` routes) becomes a `Result`.

Nothing here performs I/O: the resources download what `probability_fetch` and
`extra_fetches` name and hand the content to `ResultParts`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias

from ionq_api.models.aggregated_probabilities import AggregatedProbabilities
from ionq_api.models.probabilities import Probabilities
from ionq_api.models.qaoa_job import QaoaJob
from ionq_api.models.quantum_function_job import QuantumFunctionJob
from ionq_api.types import Unset
from ionq_client._artifacts import (
    AGGREGATE,
    HISTOGRAM_FORMATS,
    PROBABILITIES_V1,
    PROBABILITY_FORMATS,
    SHOTS_FORMATS,
    check_include,
    pick,
    read_aggregate,
    read_counts,
    read_probabilities,
    read_samples,
)
from ionq_client._exceptions import APIResponseValidationError, ValidationError
from ionq_client._jobs import (
    MULTI_CIRCUIT_TYPE,
    AnyJob,
    ListedJob,
    job_child_ids,
    job_qubits,
)
from ionq_client._limits import limits
from ionq_client._results import CircuitResult, Result
from ionq_client._types import NotGiven

__all__ = [
    "Fetch",
    "Kind",
    "ResultParts",
    "check_results_job",
    "child_widths",
    "children_page_size",
    "extra_fetches",
    "include_set",
    "is_multi_circuit",
    "legacy_aggregate",
    "legacy_states",
    "multi_result",
    "probability_fetch",
    "single_result",
]


Kind: TypeAlias = Literal["probabilities", "aggregate", "histogram", "shots"]


def include_set(include: object) -> frozenset[str]:
    """The extras `jobs.results(include=...)` asks for, or `ValidationError`."""
    try:
        return check_include(include)
    except ValueError as exc:
        raise ValidationError(str(exc), key="include") from None


def check_results_job(job: AnyJob) -> None:
    """`ValidationError` for a job whose results are not circuit outcomes (QAOA and
    quantum-function jobs: read `job.results` from `jobs.get`)."""
    if isinstance(job, QaoaJob | QuantumFunctionJob):
        raise ValidationError(
            f"job {job.id} is a {job.type_} job: its results are job.results "
            "(from jobs.get), not probabilities",
            key="job_id",
        )


def is_multi_circuit(job: AnyJob) -> bool:
    """Whether `job` ran several circuits (its results are aggregated per child)."""
    return job.type_ == MULTI_CIRCUIT_TYPE


def children_page_size(job: AnyJob) -> int:
    """The page size that lists every child of a multi-circuit job in as few pages as can be."""
    ids = job_child_ids(job)
    count = len(ids) if ids else 0
    return max(1, min(count or limits().page_limit_max, limits().page_limit_max))


def child_widths(children: Iterable[ListedJob]) -> dict[str, int]:
    """Each child job's own width (`stats.qubits`), by id (children whose stats do not
    say are left out)."""
    widths: dict[str, int] = {}
    for child in children:
        qubits = job_qubits(child)
        if qubits is not None:
            widths[str(child.id)] = qubits
    return widths


@dataclass(frozen=True)
class Fetch:
    """One artifact to download for a result: what it gives, its format and its id."""

    kind: Kind
    format: str
    artifact_id: str


def probability_fetch(
    descriptors: Mapping[str, Mapping[str, Any]], *, multi: bool, sharpen: bool | NotGiven
) -> Fetch | None:
    """The artifact holding the job's probabilities (the aggregate for a multi-circuit
    parent); `None` means read the `/results/probabilities` routes instead: the job has no
    such descriptor (an older service), or `sharpen=True` was asked (artifacts are never
    sharpened)."""
    if sharpen is True:
        return None
    if multi:
        found = pick(descriptors, (AGGREGATE,))
        return None if found is None else Fetch("aggregate", *found)
    found = pick(descriptors, PROBABILITY_FORMATS)
    return None if found is None else Fetch("probabilities", *found)


def extra_fetches(
    descriptors: Mapping[str, Mapping[str, Any]], include: Iterable[str]
) -> list[Fetch]:
    """The histogram and shots artifacts `include` asks for that the job has."""
    wanted = set(include)
    fetches: list[Fetch] = []
    if "histogram" in wanted and (found := pick(descriptors, HISTOGRAM_FORMATS)) is not None:
        fetches.append(Fetch("histogram", *found))
    if "shots" in wanted and (found := pick(descriptors, SHOTS_FORMATS)) is not None:
        fetches.append(Fetch("shots", *found))
    return fetches


@dataclass
class ResultParts:
    """What has been read of one circuit's results so far."""

    states: dict[int, float] = field(default_factory=dict)
    width: int = 0
    histogram: dict[int, int] | None = None
    samples: list[int] | None = None

    def add(self, fetch: Fetch, content: object) -> None:
        """Read the downloaded `content` of `fetch` into these parts."""
        if fetch.kind == "probabilities":
            self.states, width = read_probabilities(fetch.format, content)
        elif fetch.kind == "histogram":
            self.histogram, width = read_counts(fetch.format, content)
        elif fetch.kind == "shots":
            self.samples, width = read_samples(fetch.format, content)
        else:  # pragma: no cover - aggregates are split per child before this
            raise ValueError(f"cannot add a {fetch.kind} artifact to one circuit")
        self.width = max(self.width, width)

    def circuit(self, job_id: str, width: int | None, shots: int | None) -> CircuitResult:
        """The `CircuitResult`, `width` qubits wide unless its outcomes need more."""
        seen = [*self.states, *(self.histogram or ()), *(self.samples or ())]
        bits = max((s.bit_length() for s in seen), default=0)
        return CircuitResult(
            job_id=job_id,
            qubits=max(width or 0, self.width, bits, 1),
            states=self.states,
            shots=shots,
            histogram_states=self.histogram,
            sample_states=None if self.samples is None else tuple(self.samples),
        )


def _shots(job: AnyJob) -> int | None:
    return None if isinstance(job.shots, Unset) else job.shots


def single_result(job: AnyJob, parts: ResultParts) -> Result:
    """The `Result` of a single-circuit job."""
    job_id = str(job.id)
    return Result(job_id=job_id, circuits=(parts.circuit(job_id, job_qubits(job), _shots(job)),))


def multi_result(
    job: AnyJob, children: Mapping[str, ResultParts], widths: Mapping[str, int] | None = None
) -> Result:
    """The `Result` of a multi-circuit job, one circuit per child in submission order.

    `widths` gives each child job's own width (a multi-circuit job's `stats.qubits` is its
    widest circuit's); a child missing from it falls back to the parent's width.
    """
    own = widths or {}
    width = job_qubits(job)
    ids = job_child_ids(job)
    order = ids if ids else list(children)
    missing = [c for c in order if c not in children]
    if missing:
        raise APIResponseValidationError(f"aggregated results lack child jobs {missing}")
    return Result(
        job_id=str(job.id),
        circuits=tuple(children[c].circuit(c, own.get(c, width), _shots(job)) for c in order),
    )


def legacy_states(probs: Probabilities) -> dict[int, float]:
    """`{state: probability}` from `/results/probabilities`: the same content as the
    `ionq.result.probabilities.json.v1` artifact, read by the same reader."""
    return read_probabilities(PROBABILITIES_V1, probs.additional_properties)[0]


def legacy_aggregate(probs: AggregatedProbabilities) -> dict[str, dict[int, float]]:
    """`{child id: {state: probability}}` from `/results/probabilities/aggregated`: the
    content of the aggregate artifact."""
    return read_aggregate(
        {cid: p.additional_properties for cid, p in probs.additional_properties.items()}
    )
