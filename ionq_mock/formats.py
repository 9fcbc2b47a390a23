"""The JSON Schema documents (draft-07) `getFormatSchema` answers, one per format id.

Each describes the content `getJobArtifact` serves in that format (see `artifacts`), or for
`ionq.native.v1` a native-gate circuit. Written for this mock from the shapes the API
documents; `$id` is the format id itself.
"""

from __future__ import annotations

from typing import Any, Final

DRAFT_07: Final = "http://json-schema.org/draft-07/schema#"

# A basis state as a decimal integer (qubit 0 the least significant bit).
_STATE: Final = {"type": "string", "pattern": "^(0|[1-9][0-9]*)$"}
# A register's bits, first qubit of the register first.
_BITSTRING: Final = {"type": "string", "pattern": "^[01]+$"}
_PROBABILITY: Final = {"type": "number", "minimum": 0, "maximum": 1}
_COUNT: Final = {"type": "integer", "minimum": 0}


def _map(keys: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "propertyNames": keys, "additionalProperties": values}


def _registers(per_register: dict[str, Any]) -> dict[str, Any]:
    """`{"registers": {<register name>: per_register}}`."""
    return {
        "type": "object",
        "required": ["registers"],
        "additionalProperties": False,
        "properties": {
            "registers": {
                "type": "object",
                "description": "By register name; `output_all` holds every qubit.",
                "additionalProperties": per_register,
            }
        },
    }


def _document(format_id: str, description: str, body: dict[str, Any]) -> dict[str, Any]:
    return {"$schema": DRAFT_07, "$id": format_id, "description": description, **body}


_NATIVE_GATE: Final = {
    "type": "object",
    "required": ["gate"],
    "properties": {
        "gate": {"enum": ["gpi", "gpi2", "ms", "zz", "nop"]},
        "target": {"type": "integer", "minimum": 0},
        "targets": {"type": "array", "items": {"type": "integer", "minimum": 0}},
        "phase": {"type": "number", "description": "Turns."},
        "phases": {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2},
        "angle": {"type": "number", "description": "Turns."},
    },
}

SCHEMAS: Final[dict[str, dict[str, Any]]] = {
    "ionq.result.probabilities.json.v1": _document(
        "ionq.result.probabilities.json.v1",
        "Probability of each measured basis state, keyed by the state as a decimal integer"
        " (qubit 0 the least significant bit); states never measured are left out.",
        _map(_STATE, _PROBABILITY),
    ),
    "ionq.result.probabilities.json.v2": _document(
        "ionq.result.probabilities.json.v2",
        "Probabilities per register, keyed by the register's bits written first qubit first.",
        {
            "type": "object",
            "required": ["probabilities"],
            "additionalProperties": False,
            "properties": {"probabilities": _registers(_map(_BITSTRING, _PROBABILITY))},
        },
    ),
    "ionq.result.histogram.json.v1": _document(
        "ionq.result.histogram.json.v1",
        "Number of shots that measured each basis state, keyed by the state as a decimal"
        " integer (qubit 0 the least significant bit); the counts sum to the job's shots.",
        _map(_STATE, _COUNT),
    ),
    "ionq.result.histogram.json.v2": _document(
        "ionq.result.histogram.json.v2",
        "Shot counts per register, keyed by the register's bits written first qubit first.",
        {
            "type": "object",
            "required": ["histogram"],
            "additionalProperties": False,
            "properties": {"histogram": _registers(_map(_BITSTRING, _COUNT))},
        },
    ),
    "ionq.result.shots.json.v1": _document(
        "ionq.result.shots.json.v1",
        "The basis state each shot measured, as a decimal integer, one entry per shot.",
        {"type": "array", "items": _STATE},
    ),
    "ionq.result.shots.json.v2": _document(
        "ionq.result.shots.json.v2",
        "The bits each shot measured per register, first qubit first, one entry per shot.",
        {
            "type": "object",
            "required": ["shots"],
            "additionalProperties": False,
            "properties": {
                "shots": {
                    "type": "array",
                    "items": _registers({"type": "array", "items": {"enum": [0, 1]}}),
                }
            },
        },
    ),
    "ionq.result.probabilities-aggregate.json.v1": _document(
        "ionq.result.probabilities-aggregate.json.v1",
        "Probabilities of a multi-circuit job: for each child job id, that circuit's"
        " probabilities in the ionq.result.probabilities.json.v1 shape.",
        _map({"type": "string"}, _map(_STATE, _PROBABILITY)),
    ),
    "ionq.native.v1": _document(
        "ionq.native.v1",
        "A circuit of IonQ native gates (phases and angles in turns).",
        {
            "type": "object",
            "required": ["qubits", "circuit"],
            "properties": {
                "qubits": {"type": "integer", "minimum": 1},
                "circuit": {"type": "array", "items": _NATIVE_GATE},
            },
        },
    ),
}
