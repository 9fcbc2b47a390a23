"""Benchmark ionq_mock.simulator against qiskit-aer and cirq on random H/RZ/CNOT circuits.

Full run (peers from scripts/bench-env; the env -u is for processors where those two are set):

    sh scripts/bench-env
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE .bench-venv/bin/python scripts/bench_simulator.py

Floors checked (exit status 1 when one is missed):
  20 qubits x 200 gates: time <= 1.0x aer's statevector method and <= 0.7x cirq's Simulator,
                         probabilities equal to aer's within 1e-12;
  25 qubits x 100 gates: time <= 1.5x aer's and peak memory <= 2x aer's, each run in its own
                         subprocess (peak resident memory during the run minus the resident
                         memory after imports and circuit construction).

`--smoke` runs tiny sizes in seconds with whatever is installed (missing peers are skipped and
named), checks correctness only, and always exits 0 unless results disagree.
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as dist_version
from typing import Any

import numpy as np
from bench_all import figure

from ionq_mock.simulator import probabilities

Gate = tuple[str, int, int, float]  # (name, target, control or -1, angle)


def random_circuit(n: int, gates: int, seed: int) -> list[Gate]:
    """`gates` random H, RZ and CNOT gates on `n` qubits, reproducible from `seed`."""
    rng = np.random.default_rng(seed)
    out: list[Gate] = []
    for _ in range(gates):
        kind = int(rng.integers(3))
        if kind == 2 and n > 1:
            control, target = (int(q) for q in rng.choice(n, 2, replace=False))
            out.append(("cnot", target, control, 0.0))
        else:
            name = "h" if kind == 0 else "rz"
            out.append((name, int(rng.integers(n)), -1, float(rng.uniform(0, 2 * math.pi))))
    return out


def ionq_program(n: int, circuit: list[Gate]) -> dict[str, Any]:
    gates: list[dict[str, Any]] = []
    for name, target, control, angle in circuit:
        gate: dict[str, Any] = {"gate": name, "target": target}
        if name == "cnot":
            gate["control"] = control
        if name == "rz":
            gate["rotation"] = angle
        gates.append(gate)
    return {"gateset": "qis", "qubits": n, "circuit": gates}


Runner = Callable[[], np.ndarray[Any, Any]]


def ours(n: int, circuit: list[Gate]) -> Runner:
    program = ionq_program(n, circuit)
    return lambda: probabilities(program)


def aer(n: int, circuit: list[Gate]) -> Runner:
    qiskit = importlib.import_module("qiskit")
    aer_mod = importlib.import_module("qiskit_aer")
    qc = qiskit.QuantumCircuit(n)
    for name, target, control, angle in circuit:
        if name == "h":
            qc.h(target)
        elif name == "rz":
            qc.rz(angle, target)
        else:
            qc.cx(control, target)
    qc.save_statevector()
    sim = aer_mod.AerSimulator(method="statevector", precision="double")

    def run() -> np.ndarray[Any, Any]:
        state = np.asarray(sim.run(qc).result().get_statevector())
        probs: np.ndarray[Any, Any] = np.abs(state) ** 2  # little-endian, like ours
        return probs

    return run


def cirq_sim(n: int, circuit: list[Gate]) -> Runner:
    cirq = importlib.import_module("cirq")
    qubits = cirq.LineQubit.range(n)
    ops = []
    for name, target, control, angle in circuit:
        if name == "h":
            ops.append(cirq.H(qubits[target]))
        elif name == "rz":
            ops.append(cirq.rz(angle)(qubits[target]))
        else:
            ops.append(cirq.CNOT(qubits[control], qubits[target]))
    cc = cirq.Circuit(ops)
    sim = cirq.Simulator(dtype=np.complex128)

    def run() -> np.ndarray[Any, Any]:
        state = sim.simulate(cc, qubit_order=qubits).final_state_vector
        # cirq puts qubit 0 first (most significant): reverse the axes to match ours.
        return np.asarray(np.abs(state) ** 2).reshape((2,) * n).transpose().reshape(-1)

    return run


PEERS: dict[str, tuple[str, Callable[[int, list[Gate]], Runner]]] = {
    "ours": ("ionq_mock", ours),
    "aer": ("qiskit_aer", aer),
    "cirq": ("cirq", cirq_sim),
}


def available(name: str) -> bool:
    try:
        importlib.import_module(PEERS[name][0])
    except ImportError:
        return False
    return True


def timed(run: Runner) -> tuple[float, np.ndarray[Any, Any]]:
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


@dataclass
class Row:
    case: str
    ours: list[float]
    peer: list[float]
    floor: float | None
    unit: str = "s"

    @property
    def ratio(self) -> float:
        peer = statistics.median(self.peer)
        return statistics.median(self.ours) / peer if peer > 0 else math.nan

    def met(self) -> bool:
        # NaN (a peer that measured zero) never meets a floor.
        return self.floor is None or self.ratio <= self.floor


def fmt(values: list[float], unit: str) -> tuple[str, str]:
    scale, suffix = (1.0, "s") if unit == "s" else (1 / 2**20, "MiB")
    med = statistics.median(values) * scale
    spread = f"{min(values) * scale:.3g}-{max(values) * scale:.3g}"
    return f"{med:.3g} {suffix}", spread


def print_table(rows: list[Row]) -> None:
    if not rows:
        print("no peer installed: nothing to compare (correctness of ours was still run)")
        return
    header = f"{'case':<34} {'ours':>10} {'spread':>15} {'peer':>10} {'spread':>15} "
    print(header + f"{'ratio':>6} {'floor':>6}  result")
    for r in rows:
        o, o_spread = fmt(r.ours, r.unit)
        p, p_spread = fmt(r.peer, r.unit)
        floor = f"{r.floor:.2f}" if r.floor is not None else "-"
        verdict = "ok" if r.met() else "MISSED"
        print(f"{r.case:<34} {o:>10} {o_spread:>15} {p:>10} {p_spread:>15} ", end="")
        print(f"{r.ratio:6.2f} {floor:>6}  {verdict}")


def interleaved(
    n: int, gates: int, circuits: int, names: list[str], diffs: dict[str, list[float]]
) -> dict[str, list[float]]:
    """Median-ready times per simulator; checks every peer's probabilities against ours
    (the largest difference per circuit is appended to `diffs[peer]`)."""
    times: dict[str, list[float]] = {name: [] for name in names}
    for seed in range(circuits):
        circuit = random_circuit(n, gates, seed)
        runners = {name: PEERS[name][1](n, circuit) for name in names}
        results = {}
        for name, run in runners.items():
            run()  # warm-up: first-call costs (allocation, caches) are not what we compare
            t, results[name] = timed(run)
            times[name].append(t)
        for name, result in results.items():
            diff = float(np.abs(result - results["ours"]).max())
            if name != "ours":
                diffs.setdefault(name, []).append(diff)
            # The floor is equality with aer; cirq only has to agree closely.
            tolerance = 1e-12 if name == "aer" else 1e-10
            print(f"  circuit {seed}: {name:<5} {times[name][-1]:8.3f} s  max|p - ours| {diff:.1e}")
            if diff > tolerance:
                raise SystemExit(f"{name} disagrees with ours on circuit {seed}")
    return times


def _status_kib(field: str) -> int | None:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def child(name: str, n: int, gates: int, seed: int) -> None:
    """Subprocess body: one timed run, and its peak memory above the post-import baseline.

    ru_maxrss is not used as the baseline on Linux: it survives exec, so a child inherits
    the parent's high-water mark. The peak of this process alone is VmHWM, reset here
    (writing 5 to clear_refs) once the imports and the circuit are done.
    """
    run = PEERS[name][1](n, random_circuit(n, gates, seed))
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        before = _status_kib("VmRSS")
    except OSError:
        before = None
    if before is None:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    seconds, result = timed(run)
    peak = _status_kib("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    del result
    print(json.dumps({"seconds": seconds, "peak_bytes": (peak - before) * 1024}))


def in_subprocess(name: str, n: int, gates: int, seed: int) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", name, str(n), str(gates), str(seed)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=os.environ)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def blas_info() -> str:
    try:
        threadpoolctl = importlib.import_module("threadpoolctl")
    except ImportError:
        return "threadpoolctl not installed: BLAS kernel unknown"
    infos = threadpoolctl.threadpool_info()
    return "; ".join(
        f"{i.get('internal_api')} {i.get('version')} {i.get('architecture')} "
        f"threads={i.get('num_threads')}"
        for i in infos
    )


def installed(dist: str) -> str:
    """The installed version of `dist`, or "(not installed)"."""
    try:
        return dist_version(dist)
    except PackageNotFoundError:
        return "(not installed)"


def write_json(
    path: str,
    rows: list[Row],
    ours: list[float],
    aer_diffs: list[float] | None,
    tolerance: float | None,
    n: int,
    g: int,
) -> None:
    """The figures for scripts/bench_all.py (floors are on ours / peer, except the
    probability difference, whose floor is on the largest difference itself)."""
    peers = {
        "aer": f"qiskit-aer {installed('qiskit-aer')} statevector",
        "cirq": f"cirq-core {installed('cirq-core')} Simulator",
    }
    out: list[dict[str, Any]] = []
    if not rows:  # no peer installed: still hand back our own times
        out.append(figure("simulator", f"{n}q x {g} time", ours, "(no peer installed)", None, None))
    for r in rows:
        case, peer = r.case.rsplit(" vs ", 1)
        floor = f"<= {r.floor:g}" if r.floor is not None else None
        out.append(
            figure("simulator", case, r.ours, peers.get(peer, peer), r.peer, floor, unit=r.unit)
        )
    if aer_diffs:
        out.append(
            figure(
                "simulator",
                f"{n}q x {g} max abs(p - p_aer)",
                aer_diffs,
                peers["aer"],
                None,
                f"<= {tolerance:g}" if tolerance is not None else None,
                unit="",
                absolute=True,  # the floor is on the difference itself, not a ratio
            )
        )
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(out, handle, indent=1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, seconds, no floors")
    parser.add_argument("--circuits", type=int, default=5, help="circuits per case (min 5)")
    parser.add_argument("--json", metavar="FILE", help="write the figures for bench_all.py")
    parser.add_argument("--child", nargs=4, metavar=("NAME", "N", "GATES", "SEED"))
    args = parser.parse_args()
    if args.child:
        name, n, gates, seed = args.child
        child(name, int(n), int(gates), int(seed))
        return 0

    n1, g1, n2, g2 = (8, 40, 10, 30) if args.smoke else (20, 200, 25, 100)
    circuits = args.circuits if args.smoke else max(5, args.circuits)
    names = [name for name in PEERS if available(name)]
    for name in PEERS:
        if name not in names:
            print(f"skipped: {name} ({PEERS[name][0]}) is not installed; see scripts/bench-env")
    print(f"numpy {np.__version__}; BLAS: {blas_info()}")
    # Other work on the machine skews every figure (BLAS threads wait for each other):
    # say how busy it was, before and after.
    print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print(
        "OPENBLAS_CORETYPE="
        f"{os.environ.get('OPENBLAS_CORETYPE', '(unset)')} "
        f"OPENBLAS_L2_SIZE={os.environ.get('OPENBLAS_L2_SIZE', '(unset)')}"
    )

    print(f"{n1} qubits x {g1} gates, {circuits} circuits, interleaved:")
    diffs: dict[str, list[float]] = {}
    times = interleaved(n1, g1, circuits, names, diffs)
    rows = []
    floors = {"aer": None if args.smoke else 1.0, "cirq": None if args.smoke else 0.7}
    for peer in ("aer", "cirq"):
        if peer in names:
            case = f"{n1}q x {g1} time vs {peer}"
            rows.append(Row(case, times["ours"], times[peer], floors[peer]))

    if "aer" in names:
        # Each 25-qubit run takes seconds and a fresh interpreter.
        print(f"{n2} qubits x {g2} gates, {circuits} circuits, one subprocess per run:")
        runs: dict[str, list[dict[str, float]]] = {"ours": [], "aer": []}
        for seed in range(circuits):
            for name in runs:
                runs[name].append(in_subprocess(name, n2, g2, seed))
                r = runs[name][-1]
                print(f"  circuit {seed}: {name:<5} {r['seconds']:8.3f} s  ", end="")
                print(f"peak +{r['peak_bytes'] / 2**20:.0f} MiB")
        secs = {k: [r["seconds"] for r in v] for k, v in runs.items()}
        mem = {k: [r["peak_bytes"] for r in v] for k, v in runs.items()}
        rows.append(
            Row(f"{n2}q x {g2} time vs aer", secs["ours"], secs["aer"], None if args.smoke else 1.5)
        )
        rows.append(
            Row(f"{n2}q x {g2} peak memory vs aer", mem["ours"], mem["aer"], None, unit="B")
        )
        if not args.smoke:
            rows[-1].floor = 2.0
    print("load average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print()
    print_table(rows)
    if args.json:
        write_json(
            args.json, rows, times["ours"], diffs.get("aer"), None if args.smoke else 1e-12, n1, g1
        )
    missed = [r.case for r in rows if not r.met()]
    if missed:
        print(f"floors missed: {', '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
