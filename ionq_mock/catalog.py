"""The fixed set of backends the mock serves, their characterizations and their prices.

Figures are realistic round numbers of the order IonQ publishes, not IonQ's data.
"""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from dataclasses import dataclass
from typing import Any, Final

from .simulator import NOISE_MODELS
from .simulator.program import NATIVE_GATES, QIS_GATES

NAMESPACE: Final = uuid.UUID("5b0c3f2e-9d1a-4c7e-8f6b-2a4d1e0c9b73")
CHARACTERIZATION_DAYS: Final = 30


@dataclass(frozen=True)
class BackendInfo:
    """One backend: what `getBackend` reports, and how the mock runs and prices its jobs."""

    name: str
    status: str
    qubits: int
    average_queue_time: int
    noise_model: str | None
    job_cost_minimum: float
    cost_1q_gate: float
    cost_2q_gate: float
    fidelity_1q: float = 0.0
    fidelity_2q: float = 0.0
    spam: float = 0.0
    location: str = "College Park, MD, US"
    kw: float | None = None


BACKENDS: Final[dict[str, BackendInfo]] = {
    b.name: b
    for b in (
        BackendInfo("simulator", "available", 29, 0, None, 0.0, 0.0, 0.0, location="cloud"),
        BackendInfo(
            "qpu.aria-1",
            "available",
            25,
            1_181_215,
            "aria-1",
            97.5,
            0.000220,
            0.000975,
            0.9998,
            0.9906,
            0.9939,
            kw=12.0,
        ),
        BackendInfo(
            "qpu.aria-2",
            "unavailable",
            25,
            2_402_000,
            "aria-2",
            97.5,
            0.000220,
            0.000975,
            0.9997,
            0.9892,
            0.9930,
            kw=12.0,
        ),
        BackendInfo(
            "qpu.forte-1",
            "available",
            36,
            3_600_000,
            "forte-1",
            97.5,
            0.000220,
            0.000975,
            0.9998,
            0.9952,
            0.9965,
            kw=16.0,
        ),
        BackendInfo(
            "qpu.forte-enterprise-1",
            "available",
            36,
            5_400_000,
            "forte-enterprise-1",
            97.5,
            0.000220,
            0.000975,
            0.9998,
            0.9955,
            0.9968,
            location="Bothell, WA, US",
            kw=16.0,
        ),
        BackendInfo(
            "qpu.harmony",
            "retired",
            11,
            0,
            "harmony",
            97.5,
            0.000300,
            0.003000,
            0.9970,
            0.9600,
            0.9930,
            kw=8.0,
        ),
    )
}


def iso(timestamp: float) -> str:
    """An ISO 8601 UTC timestamp with milliseconds, e.g. 2026-05-14T09:30:00.000+00:00."""
    return dt.datetime.fromtimestamp(timestamp, dt.UTC).isoformat(timespec="milliseconds")


def _day(index: int, today: dt.date) -> dt.datetime:
    day = today - dt.timedelta(days=index)
    return dt.datetime(day.year, day.month, day.day, 6, tzinfo=dt.UTC)


def characterization_id(name: str, when: dt.datetime) -> str:
    """The id of a QPU's characterization of one day (stable: derived from both)."""
    return str(uuid.uuid5(NAMESPACE, f"{name}/{when.date().isoformat()}"))


def characterizations(name: str, today: dt.date) -> list[dict[str, Any]]:
    """A QPU's daily characterizations, newest first (none for the simulator). The dicts
    are shared between calls (made once a day per QPU: each holds every qubit pair):
    read them, do not change them."""
    return list(_characterizations(name, today))


@functools.lru_cache(maxsize=64)
def _characterizations(name: str, today: dt.date) -> tuple[dict[str, Any], ...]:
    info = BACKENDS[name]
    if info.noise_model is None:
        return ()
    out = []
    for index in range(CHARACTERIZATION_DAYS):
        when = _day(index, today)
        wobble = ((index * 7) % 5) / 10_000
        out.append(
            {
                "id": characterization_id(name, when),
                "date": when.isoformat(),
                "backend": name,
                "qubits": info.qubits,
                "connectivity": [
                    [a, b] for a in range(info.qubits) for b in range(a + 1, info.qubits)
                ],
                "fidelity": {
                    "spam": {"median": round(info.spam - wobble, 6), "stderr": 0.0004},
                    "1q": {"mean": round(info.fidelity_1q - wobble / 10, 6), "stderr": 0.00001},
                    "2q": {"mean": round(info.fidelity_2q - wobble, 6), "stderr": 0.0003},
                },
                "timing": {
                    "readout": 0.00015,
                    "reset": 0.00002,
                    "t1": 100,
                    "t2": 1,
                    "1q": 0.00006,
                    "2q": 0.0006,
                },
            }
        )
    return tuple(out)


# Error mitigations a QPU job may ask for in `settings.error_mitigation`.
QPU_ERROR_MITIGATIONS: Final = ["debiasing"]


def backend(name: str, started: float, today: dt.date) -> dict[str, Any]:
    """The `Backend` object of one backend."""
    info = BACKENDS[name]
    body: dict[str, Any] = {
        "backend": name,
        "status": info.status,
        "qubits": info.qubits,
        "average_queue_time": info.average_queue_time,
        "last_updated": iso(started),
        "degraded": False,
        "location": info.location,
        "supported_gates": sorted(QIS_GATES),
        "supported_native_gates": sorted(NATIVE_GATES),
        "supported_error_mitigations": [] if info.noise_model is None else QPU_ERROR_MITIGATIONS,
    }
    if info.kw is not None:
        body["kw"] = info.kw
    if info.noise_model is None:
        body["noise_models"] = sorted(NOISE_MODELS)
    elif info.status != "retired":
        # The newest one's id, made alone: building every characterization (a connectivity
        # list of every qubit pair, for each day) made a GET /backends take 20 ms.
        body["characterization_id"] = characterization_id(name, _day(0, today))
    return body


def estimate_cost(name: str, shots: int, gates_1q: int, gates_2q: int) -> float:
    """A job's list price: per gate and shot, with the backend's minimum."""
    info = BACKENDS.get(name)
    if info is None or info.noise_model is None:
        return 0.0
    raw = shots * (gates_1q * info.cost_1q_gate + gates_2q * info.cost_2q_gate)
    return round(max(info.job_cost_minimum, raw), 4)
