"""The answer of `estimateJobCost` (IonQ's `GetJobEstimateResponse`), from the catalog's prices.

Execution time is a round model: 1 s plus 10 µs per gate and shot on a QPU, nothing on the
simulator. Pure: the caller passes the time and who asks.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from . import catalog

DEFAULTS: Final[dict[str, Any]] = {
    "type": "ionq.circuit.v1",
    "qubits": 25,
    "shots": 1000,
    "1q_gates": 0,
    "2q_gates": 0,
    "error_mitigation": False,
}


def execution_ms(info: catalog.BackendInfo, shots: int, gates: int) -> int:
    """Predicted execution time of a job, in milliseconds."""
    return 0 if info.noise_model is None else round(1000 + shots * gates * 0.01)


def estimate(
    query: Mapping[str, Any],
    info: catalog.BackendInfo,
    now: float,
    organization: str | None,
    project: str | None,
) -> dict[str, Any]:
    """The estimate for the query's job on the backend `info`."""
    context: dict[str, Any] = {"backend": info.name}
    for key, default in DEFAULTS.items():
        context[key] = query.get(key, default)
    context["organization"] = organization
    context["project"] = project
    gates_1q, gates_2q = context["1q_gates"], context["2q_gates"]
    execution = execution_ms(info, context["shots"], gates_1q + gates_2q)
    return {
        "estimate_context": context,
        "estimated_at": catalog.iso(now),
        "estimated_unit": "usd",
        "rate_card": {
            "id": f"mock-rate-card-{info.name}",
            "rates": [
                {
                    "sku": f"{info.name}.gates",
                    "unit": "gates",
                    "cost_1q_gate": info.cost_1q_gate,
                    "cost_2q_gate": info.cost_2q_gate,
                    "job_cost_minimum": info.job_cost_minimum,
                }
            ],
        },
        "estimated_total_cost": catalog.estimate_cost(
            info.name, context["shots"], gates_1q, gates_2q
        ),
        "estimated_execution_time": execution,
        "current_predicted_queue_time": info.average_queue_time,
    }
