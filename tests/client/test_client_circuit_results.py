"""`Circuit` (gates, checks, spec input), `Result` (bit order, counts) and the limits."""

from __future__ import annotations

import asyncio
import math
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

import ionq_client
from ionq_api.models.native_circuit_input import NativeCircuitInput
from ionq_api.models.qis_circuit_input import QisCircuitInput
from ionq_client import BIT_ORDER, Circuit, CircuitResult, Result, ValidationError
from ionq_client._build import CREATE_TOKEN_KEY, build_create_body
from ionq_client._limits import check_metadata, check_name, check_shots, limits
from ionq_client._results import state_to_bitstring
from ionq_client._types import NOT_GIVEN

from .client_helpers import (
    Handler,
    Recorder,
    job_json,
    json_response,
    make_async_client,
    make_client,
)

ROOT = Path(__file__).resolve().parents[2]

# ---------------------------------------------------------------- Circuit


def test_bell_input_is_the_spec_object() -> None:
    bell = Circuit(2).h(0).cnot(0, 1).to_input()
    assert isinstance(bell, QisCircuitInput)
    assert bell.to_dict() == {
        "gateset": "qis",
        "qubits": 2,
        "circuit": [{"gate": "h", "target": 0}, {"gate": "cnot", "target": 1, "controls": [0]}],
    }


def test_every_qis_gate() -> None:
    c = Circuit(3)
    for name in ["x", "y", "z", "h", "s", "si", "t", "ti", "v", "vi", "not_"]:
        getattr(c, name)(0)
        getattr(c, name)(2, controls=[0, 1])
    c.rx(math.pi, 0).ry(0.5, 1, controls=2).rz(-1.0, 2)
    c.swap(0, 1).xx(0.1, 0, 1).yy(0.2, 1, 2).zz(0.3, 0, 2)
    gates = c.to_input().to_dict()["circuit"]
    assert {g["gate"] for g in gates} == {
        "x", "y", "z", "h", "s", "si", "t", "ti", "v", "vi", "not",
        "rx", "ry", "rz", "swap", "xx", "yy", "zz",
    }  # fmt: skip
    assert {"gate": "x", "target": 2, "controls": [0, 1]} in gates
    assert {"gate": "rx", "target": 0, "rotation": math.pi} in gates
    assert {"gate": "zz", "targets": [0, 2], "rotation": 0.3} in gates
    # 11 plain fixed gates + rx + rz; 11 controlled + controlled ry + 4 two-qubit gates.
    assert c.gate_counts() == (13, 16)


def test_native_gates() -> None:
    c = Circuit.native(2).gpi(0, 0.5).gpi2(1, -0.25).ms(0, 1, phases=(0.1, 0.2), angle=0.2)
    c.zz(0.125, 0, 1)
    native = c.to_input()
    assert isinstance(native, NativeCircuitInput)
    assert native.to_dict()["circuit"] == [
        {"gate": "gpi", "phase": 0.5, "target": 0},
        {"gate": "gpi2", "phase": -0.25, "target": 1},
        {"gate": "ms", "phases": [0.1, 0.2], "targets": [0, 1], "angle": 0.2},
        {"gate": "zz", "angle": 0.125, "targets": [0, 1]},
    ]


def test_pauli_rotations_pauliexp_and_nop() -> None:
    c = Circuit(3).z(0, rotation=math.pi / 4).x(1, controls=[0], rotation=0.5).y(2)
    c.pauliexp([0, 2], terms=["XZ", "YY"], coefficients=[0.5, -0.25], time=0.1)
    c.pauliexp([1], paulis="Z", rotation=0.3)
    assert c.to_input().to_dict()["circuit"] == [
        {"gate": "z", "rotation": math.pi / 4, "target": 0},
        {"gate": "x", "rotation": 0.5, "target": 1, "controls": [0]},
        {"gate": "y", "target": 2},
        {
            "gate": "pauliexp",
            "targets": [0, 2],
            "terms": ["XZ", "YY"],
            "coefficients": [0.5, -0.25],
            "time": 0.1,
        },
        {"gate": "pauliexp", "targets": [1], "paulis": ["Z"], "rotation": 0.3},
    ]
    # A controlled x, and a pauliexp on two qubits, are multi-qubit gates.
    assert c.gate_counts() == (3, 2)
    native = Circuit.native(2).nop(0).gpi(1, 0.5)
    assert native.to_input().to_dict()["circuit"][0] == {"gate": "nop", "target": 0}
    assert native.gate_counts() == (1, 0)  # a nop costs nothing


@pytest.mark.parametrize(
    ("build", "key"),
    [
        (lambda: Circuit(2).pauliexp([0, 1], terms=["XQ"], coefficients=[1.0], time=1), "terms"),
        (
            lambda: Circuit(2).pauliexp([0, 1], terms=["XX"], coefficients=[], time=1),
            "coefficients",
        ),
        (lambda: Circuit(2).pauliexp([0, 0], paulis="XX", rotation=1), "targets"),
        (lambda: Circuit(2).pauliexp([0, 1], paulis="X", rotation=1), "paulis"),
        (lambda: Circuit(2).pauliexp([0], paulis="X"), "rotation"),
        (lambda: Circuit(2).pauliexp([0]), "terms"),
        (lambda: Circuit(2).z(0, rotation=math.inf), "rotation"),
        (lambda: Circuit(2).nop(0), "gate"),
        (lambda: Circuit.native(2).pauliexp([0], paulis="X", rotation=1), "gate"),
    ],
)
def test_new_gate_checks_name_the_key(build: Any, key: str) -> None:
    with pytest.raises(ValidationError) as info:
        build()
    assert info.value.key == key


def test_gate_sets_never_mix() -> None:
    with pytest.raises(ValidationError, match="cannot be mixed"):
        Circuit(2).gpi(0, 0.1)
    with pytest.raises(ValidationError, match="cannot be mixed"):
        Circuit.native(2).h(0)


def test_a_multi_circuit_job_may_mix_gate_sets_each_circuit_naming_its_own() -> None:
    body, _ = build_create_body(
        [Circuit(1).x(0), Circuit.native(1).gpi(0, 0), Circuit(1).h(0)], **_create_args()
    )
    wire = body.to_dict()["input"]
    assert wire["gateset"] == "qis"
    assert [c.get("gateset") for c in wire["circuits"]] == [None, "native", None]
    assert wire["circuits"][1]["circuit"] == [{"gate": "gpi", "phase": 0.0, "target": 0}]


@pytest.mark.parametrize(
    ("build", "key"),
    [
        (lambda: Circuit(2).h(2), "target"),
        (lambda: Circuit(2).h(-1), "target"),
        (lambda: Circuit(2).h(True), "target"),
        (lambda: Circuit(2).cnot(0, 0), "controls"),
        (lambda: Circuit(2).cnot(5, 0), "controls"),
        (lambda: Circuit(9).x(8, controls=list(range(8))), "controls"),
        (lambda: Circuit(3).x(2, controls=[0, 0]), "controls"),
        (lambda: Circuit(2).swap(1, 1), "targets"),
        (lambda: Circuit(2).rx(math.nan, 0), "rotation"),
        (lambda: Circuit.native(2).gpi(0, 1.5), "phase"),
        (lambda: Circuit.native(2).ms(0, 1, angle=0.3), "angle"),
        (lambda: Circuit.native(2).zz(2.0, 0, 1), "angle"),
        (lambda: Circuit(0), "qubits"),
        (lambda: Circuit(37), "qubits"),
        (lambda: Circuit(2).to_input(), "circuit"),
    ],
)
def test_circuit_checks_name_the_key(build: Any, key: str) -> None:
    with pytest.raises(ValidationError) as info:
        build()
    assert info.value.key == key


def test_seven_controls_are_allowed() -> None:
    c = Circuit(8).x(7, controls=list(range(7)))
    assert c.to_input().to_dict()["circuit"][0]["controls"] == list(range(7))


def test_multi_circuit_body() -> None:
    a = Circuit(1, name="flip").x(0)
    b = Circuit(2).h(0).cnot(0, 1)
    body, tag = build_create_body([a, b], **_create_args())
    sent = body.to_dict()
    assert sent["type"] == "ionq.multi-circuit.v1"
    assert sent["input"]["gateset"] == "qis"
    assert sent["input"]["qubits"] == 2
    assert [c.get("name") for c in sent["input"]["circuits"]] == ["flip", None]
    assert tag == "metadata"
    assert sent["metadata"][CREATE_TOKEN_KEY] == "t" * 32


def _create_args(**overrides: Any) -> dict[str, Any]:
    args: dict[str, Any] = {
        "backend": "simulator",
        "token": "t" * 32,
        "shots": NOT_GIVEN,
        "name": NOT_GIVEN,
        "metadata": NOT_GIVEN,
        "noise": NOT_GIVEN,
        "settings": NOT_GIVEN,
        "session_id": NOT_GIVEN,
        "dry_run": NOT_GIVEN,
    }
    args.update(overrides)
    return args


def test_create_body_options() -> None:
    body, _ = build_create_body(
        Circuit(1).h(0),
        **_create_args(
            shots=10,
            name="n",
            noise="aria-1",
            dry_run=True,
            session_id="7f3c9a52-4d1e-4b8a-9c6f-2e5d8b1a0c34",
        ),
    )
    sent = body.to_dict()
    assert sent["shots"] == 10
    assert sent["noise"] == {"model": "aria-1"}
    assert sent["dry_run"] is True
    assert sent["session_id"] == "7f3c9a52-4d1e-4b8a-9c6f-2e5d8b1a0c34"


# ---------------------------------------------------------------- results


def test_bit_order_is_qubit_zero_leftmost() -> None:
    assert BIT_ORDER == "q0-leftmost"
    assert state_to_bitstring(1, 3) == "100"
    assert state_to_bitstring(5, 3) == "101"
    assert state_to_bitstring(6, 3) == "011"
    with pytest.raises(ValueError, match="fit"):
        state_to_bitstring(8, 3)


def test_counts_sum_to_shots() -> None:
    third = 1 / 3
    result = CircuitResult(job_id="j", qubits=2, states={0: third, 1: third, 3: third}, shots=100)
    counts = result.counts()
    assert sum(counts.values()) == 100
    assert sorted(counts.values()) == [33, 33, 34]
    assert result.counts(shots=7) == {"00": 3, "10": 2, "11": 2}
    assert result.most_likely() == "00"
    with pytest.raises(ValueError, match="shots"):
        CircuitResult(job_id="j", qubits=1, states={0: 1.0}).counts()


def test_result_of_a_single_circuit_delegates() -> None:
    one = CircuitResult(job_id="j", qubits=2, states={3: 0.25, 0: 0.75}, shots=4)
    result = Result(job_id="j", circuits=(one,))
    assert not result.is_multi_circuit
    assert result.probabilities == {"00": 0.75, "11": 0.25}
    assert result.bitstrings == ["00", "11"]
    assert result.counts() == {"00": 3, "11": 1}
    assert result.qubits == 2
    assert result.shots == 4


# ---------------------------------------------------------------- limits vs the spec


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    with (ROOT / "openapi.yaml").open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = yaml.safe_load(handle)
    return loaded


def test_limits_equal_the_spec(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    base = next(p for p in [schemas["JobCreateBase"].get("properties", {})] if "shots" in p)
    lim = limits()
    assert lim.metadata_max_keys == schemas["Metadata"]["maxProperties"] == 10
    assert lim.metadata_key_max_length == schemas["Metadata"]["propertyNames"]["maxLength"]
    assert lim.metadata_value_max_length == schemas["Metadata"]["additionalProperties"]["maxLength"]
    assert (lim.shots_min, lim.shots_max) == (base["shots"]["minimum"], base["shots"]["maximum"])
    assert lim.max_controls == schemas["QubitControls"]["maxItems"] == 7
    # The Sept 2026 contract states no name length (IonQ's document gives none).
    assert lim.name_max_length == base["name"].get("maxLength")
    assert lim.max_qubits == schemas["QubitCount"]["maximum"]


def test_limits_are_enforced_at_the_boundaries() -> None:
    lim = limits()
    check_metadata({f"k{i}": "v" for i in range(lim.metadata_max_keys)})
    with pytest.raises(ValidationError) as too_many:
        check_metadata({f"k{i}": "v" for i in range(lim.metadata_max_keys + 1)})
    assert too_many.value.key == "metadata"
    long_key = "k" * (lim.metadata_key_max_length + 1)
    check_metadata({"k" * lim.metadata_key_max_length: "v"})
    with pytest.raises(ValidationError) as key_error:
        check_metadata({long_key: "v"})
    assert key_error.value.key == f"metadata.{long_key}"
    check_metadata({"team": "x" * lim.metadata_value_max_length})
    with pytest.raises(ValidationError) as value_error:
        check_metadata({"team": "x" * (lim.metadata_value_max_length + 1)})
    assert value_error.value.key == "metadata.team"
    with pytest.raises(ValidationError):
        check_metadata({"": "v"})
    with pytest.raises(ValidationError):
        check_metadata({"n": 5})  # type: ignore[dict-item]
    check_shots(lim.shots_max)
    for bad in (0, lim.shots_max + 1, 1.5, True):
        with pytest.raises(ValidationError) as shots_error:
            check_shots(bad)  # type: ignore[arg-type]
        assert shots_error.value.key == "shots"
    if lim.name_max_length is None:
        check_name("n" * 10_000)  # no limit stated: nothing to refuse
    else:
        with pytest.raises(ValidationError):
            check_name("n" * (lim.name_max_length + 1))
    with pytest.raises(ValidationError):
        check_name(5)  # type: ignore[arg-type]


def test_the_token_leaves_room_for_ten_user_keys() -> None:
    body, tag = build_create_body(
        Circuit(1).h(0), **_create_args(metadata={f"k{i}": "v" for i in range(10)})
    )
    assert tag == "name"
    assert CREATE_TOKEN_KEY not in body.to_dict()["metadata"]


# ---------------------------------------------------------------- the public surface


EXPECTED_EXPORTS = {
    "APIConnectionError", "APIError", "APIResponseValidationError", "APIStatusError",
    "APITimeoutError", "AnyJob", "AsyncIonQ", "AsyncPage", "AsyncPager", "AuthenticationError",
    "BIT_ORDER", "BadRequestError", "Circuit", "CircuitResult", "ConflictError",
    "DEFAULT_BASE_URL", "DEFAULT_MAX_RETRIES", "DEFAULT_TIMEOUT", "InternalServerError",
    "IonQ", "IonQError", "JobFailedError", "JobTimeoutError", "NOT_GIVEN", "NotFoundError",
    "NotGiven", "OutcomeUnknownError", "PayloadTooLargeError", "PermissionDeniedError", "Qasm3",
    "RateLimitError", "RawResponse", "Result", "SyncPage", "TERMINAL", "UNSUCCESSFUL",
    "ValidationError",
}  # fmt: skip


def _isort_key(name: str) -> tuple[int, str]:
    # The order ruff's RUF022 keeps: CONSTANTS, then Classes, then functions.
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


def test_all_is_sorted_and_complete() -> None:
    assert ionq_client.__all__ == sorted(ionq_client.__all__, key=_isort_key)
    assert set(ionq_client.__all__) == EXPECTED_EXPORTS
    for name in ionq_client.__all__:
        assert getattr(ionq_client, name) is not None
    # Submodules (`ionq_client.cli`, once imported) are attributes too, but not exports.
    public = {
        name
        for name, value in vars(ionq_client).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
    assert public - set(ionq_client.__all__) <= {"annotations"}


def test_ships_py_typed() -> None:
    assert (Path(ionq_client.__file__).parent / "py.typed").is_file()


def test_facade_never_imports_the_mock() -> None:
    code = "import sys, ionq_client; print(any(m.startswith('ionq_mock') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    for path in Path(ionq_client.__file__).parent.glob("*.py"):
        assert "ionq_mock" not in path.read_text(encoding="utf-8"), path


# ---------------------------------------------------------------- multi-circuit widths

PARENT = "01a20f69-83ba-7000-802c-63e203375d00"
CHILDREN = [f"01a20f69-83ba-7000-802c-63e2033750{i:02d}" for i in range(3)]


def multi_handler(listed: list[tuple[str, int]]) -> Handler:
    """A server whose 3-qubit parent has children `CHILDREN`; its listing shows `listed`."""

    def handler(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path.endswith("/aggregated"):
            return json_response(200, {c: {"1": 1.0} for c in CHILDREN})
        if path.endswith(f"/jobs/{PARENT}"):
            body = job_json(PARENT, qubits=3, job_type="ionq.multi-circuit.v1", children=CHILDREN)
            return json_response(200, body)
        assert path.endswith("/jobs"), path
        jobs = [job_json(cid, qubits=q) for cid, q in listed]
        return json_response(200, {"jobs": jobs, "next": None})

    return handler


def test_multi_circuit_widths_come_from_one_child_listing(recorder: Recorder) -> None:
    listed = [(CHILDREN[2], 1), (CHILDREN[0], 2), (CHILDREN[1], 3)]  # listing order differs
    with make_client(multi_handler(listed), recorder) as client:
        result = client.jobs.results(PARENT)
    assert [c.job_id for c in result.circuits] == CHILDREN
    assert [c.qubits for c in result.circuits] == [2, 3, 1]
    assert [c.probabilities for c in result.circuits] == [{"10": 1.0}, {"100": 1.0}, {"1": 1.0}]
    # One get, one aggregated read, one page of children (not one get per child).
    assert len(recorder.requests) == 3
    listing = recorder.requests[2].url.params
    assert listing["parent_job_id"] == PARENT
    assert listing["limit"] == str(len(CHILDREN))


def test_a_child_missing_from_the_listing_gets_the_parents_width(recorder: Recorder) -> None:
    async def run() -> None:
        async with make_async_client(multi_handler([(CHILDREN[0], 1)]), recorder) as client:
            result = await client.jobs.results(PARENT)
        assert [c.qubits for c in result.circuits] == [1, 3, 3]

    asyncio.run(run())
