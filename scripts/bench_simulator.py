"""Benchmark ionq_mock.simulator against qulacs, qiskit-aer, qsim and cirq on random circuits.

The circuits are H, RZ and CNOT gates; every peer is measured in the same run as ours, the
runs alternating.

Full run (peers from scripts/bench-env; the env -u is for processors where those two are set):

    sh scripts/bench-env
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE .bench-venv/bin/python scripts/bench_simulator.py

Floors checked (exit status 1 when one is missed), ratios of medians, ours / peer:
  20 qubits x 200 gates: time <= 1.0x qulacs, <= 1.0x aer's statevector method and <= 0.7x
                         cirq's Simulator; probabilities equal to aer's within 1e-12;
  25 qubits x 100 gates: time <= 1.0x qulacs and <= 1.5x aer; peak memory <= 1.5x qulacs and
                         <= 2x aer; each run in its own subprocess (peak resident memory during
                         the run minus the resident memory after imports and circuit
                         construction);
  per call, circuit construction included (what a user's test pays for one small circuit):
                         10 qubits x 100 gates and a Bell circuit, time <= 2.0x qulacs; many
                         calls per run, peers alternating block by block, the run's figure
                         the median block.
"ours" is `ionq_mock.simulator.probabilities` as installed: with the `fast` extra (numba,
as .bench-venv has it) the compiled engine from 8 qubits, numpy's paths below. The numpy
engine alone (IONQ_SIM_ENGINE=numpy, what an install without the extra runs) is measured in
the same runs as the peer "numpy", with no floor: "ours vs numpy" is what the extra gains.
qsim (complex64) is reported beside ours on each of these with no floor; every other engine
is complex128. Every peer's probabilities are checked against ours (aer's within 1e-12,
qsim's within 1e-6), and qulacs' against aer's within 1e-12.

How each peer is run, so that the comparison is what a user of it would see:
- qulacs 0.6.14 uses OpenMP on every core unless OMP_NUM_THREADS says otherwise; it is left
  so (ours uses every core too) and the variable is printed and recorded with the figures. A
  run is QuantumState(n), update_quantum_state, get_vector() and |v|^2. get_vector() copies
  the state into a new numpy array (qulacs has no view of its state from Python), so the
  copy is in its time and peak memory, as it is for any user; the state is then dropped and
  the square taken in place, the leanest way to get probabilities from it.
- aer: AerSimulator(method="statevector", precision="double") with save_statevector().
- qsim: qsimcirq's QSimSimulator with cpu_threads = every core, on the cirq circuit.
  cirq and qsim put the first qubit they are given most significant; ours, qulacs and aer
  have qubit 0 least significant, so both are given the qubits in reverse order.

`--smoke` runs tiny sizes in seconds with whatever is installed (missing peers are skipped and
named), checks correctness only, and always exits 0 unless results disagree.
"""

from __future__ import annotations

import argparse
import functools
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
from ionq_mock.simulator.compiled import ENGINE_VARIABLE

Gate = tuple[str, int, int, float]  # (name, target, control or -1, angle)
BELL: list[Gate] = [("h", 0, -1, 0.0), ("cnot", 1, 0, 0.0)]


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


@functools.cache
def lib(module: str) -> Any:
    """A peer's module, imported once: per-call figures must not time the import lookup."""
    return importlib.import_module(module)


# A peer's factory builds its circuit (the construction a user pays once per circuit) and
# returns the run; "per call" figures time both.
Factory = Callable[[int, list[Gate]], Runner]


def squared(state: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """|amplitude|^2, squared in place: no second array the size of the result."""
    probs: np.ndarray[Any, Any] = np.abs(state)
    np.square(probs, out=probs)
    return probs


def ours(n: int, circuit: list[Gate]) -> Runner:
    program = ionq_program(n, circuit)
    return lambda: probabilities(program)


def ours_numpy(n: int, circuit: list[Gate]) -> Runner:
    """Ours without the compiled engine, as an install without the `fast` extra runs."""
    program = ionq_program(n, circuit)

    def run() -> np.ndarray[Any, Any]:
        saved = os.environ.get(ENGINE_VARIABLE)
        os.environ[ENGINE_VARIABLE] = "numpy"
        try:
            return probabilities(program)
        finally:
            if saved is None:
                del os.environ[ENGINE_VARIABLE]
            else:
                os.environ[ENGINE_VARIABLE] = saved

    return run


def aer(n: int, circuit: list[Gate]) -> Runner:
    qiskit = lib("qiskit")
    aer_mod = lib("qiskit_aer")
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


def qulacs_sim(n: int, circuit: list[Gate]) -> Runner:
    qulacs = lib("qulacs")
    qc = qulacs.QuantumCircuit(n)
    for name, target, control, angle in circuit:
        if name == "h":
            qc.add_H_gate(target)
        elif name == "rz":
            # add_RZ_gate is exp(+i angle Z / 2), the opposite of RZ as IonQ, qiskit and we
            # define it. Probabilities cannot tell (with only H, RZ and CNOT, flipping every
            # angle conjugates the state), so the agreement checks would not catch it.
            qc.add_RotZ_gate(target, angle)
        else:
            qc.add_CNOT_gate(control, target)

    def run() -> np.ndarray[Any, Any]:
        state = qulacs.QuantumState(n)
        qc.update_quantum_state(state)
        vector = state.get_vector()  # a copy: qulacs' own state is not numpy's
        del state
        return squared(vector)  # little-endian, like ours

    return run


def cirq_circuit(n: int, circuit: list[Gate]) -> tuple[Any, Any]:
    """The cirq circuit, and its qubits in the order that gives our basis-state indices.

    cirq puts the first qubit of `qubit_order` first (most significant); ours has qubit 0
    least significant, so the order is reversed. Asking the simulator for that order costs
    it nothing, where transposing its result would time our reordering (a 2^n-element copy
    over n axes of 2: 5 ms at 20 qubits, a fifth of qsim's whole run) as theirs.
    """
    cirq = lib("cirq")
    qubits = cirq.LineQubit.range(n)
    ops = []
    for name, target, control, angle in circuit:
        if name == "h":
            ops.append(cirq.H(qubits[target]))
        elif name == "rz":
            ops.append(cirq.rz(angle)(qubits[target]))
        else:
            ops.append(cirq.CNOT(qubits[control], qubits[target]))
    return cirq.Circuit(ops), qubits[::-1]


def cirq_sim(n: int, circuit: list[Gate]) -> Runner:
    cirq = lib("cirq")
    cc, order = cirq_circuit(n, circuit)
    sim = cirq.Simulator(dtype=np.complex128)
    return lambda: squared(sim.simulate(cc, qubit_order=order).final_state_vector)


def qsim_threads() -> int:
    return os.cpu_count() or 1


def qsim(n: int, circuit: list[Gate]) -> Runner:
    qsimcirq = lib("qsimcirq")
    cc, order = cirq_circuit(n, circuit)
    # qsim's default is one thread; ours and qulacs use every core.
    sim = qsimcirq.QSimSimulator(qsimcirq.QSimOptions(cpu_threads=qsim_threads()))
    # complex64 amplitudes, so float32 probabilities
    return lambda: squared(sim.simulate(cc, qubit_order=order).final_state_vector)


PEERS: dict[str, tuple[str, Factory]] = {
    "ours": ("ionq_mock", ours),
    "numpy": ("ionq_mock", ours_numpy),
    "qulacs": ("qulacs", qulacs_sim),
    "aer": ("qiskit_aer", aer),
    "qsim": ("qsimcirq", qsim),
    "cirq": ("cirq", cirq_sim),
}
# Largest difference from our probabilities accepted for each peer: aer's is the issue's
# floor; qsim works in complex64.
TOLERANCE = {"aer": 1e-12, "numpy": 1e-12, "qulacs": 1e-10, "cirq": 1e-10, "qsim": 1e-6}
# The floors on ours / peer; a peer missing here is reported with no floor.
FLOORS: dict[str, dict[str, float]] = {
    "time": {"qulacs": 1.0, "aer": 1.0, "cirq": 0.7},
    "big time": {"qulacs": 1.0, "aer": 1.5},
    "big memory": {"qulacs": 1.5, "aer": 2.0},
    "per call": {"qulacs": 2.0},
}
IN_SUBPROCESS = ("numpy", "qulacs", "aer", "qsim")
PER_CALL = ("numpy", "qulacs", "qsim")


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
    if unit == "B":
        scale, suffix = 1 / 2**20, "MiB"
    else:  # seconds, in a unit that keeps per-call figures readable
        small = min(values)
        scale, suffix = (
            (1.0, "s") if small >= 0.1 else (1e3, "ms") if small >= 1e-4 else (1e6, "us")
        )
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


def check_agreement(
    label: str, results: dict[str, np.ndarray[Any, Any]], diffs: dict[str, list[float]] | None
) -> None:
    """Every peer against ours, and qulacs against aer; exits when one disagrees."""
    for name, result in results.items():
        if name == "ours":
            continue
        diff = float(np.abs(result - results["ours"]).max())
        if diffs is not None:
            diffs.setdefault(name, []).append(diff)
        if diff > TOLERANCE[name]:
            raise SystemExit(f"{name} disagrees with ours on {label}: {diff:.1e}")
    if "qulacs" in results and "aer" in results:
        diff = float(np.abs(results["qulacs"] - results["aer"]).max())
        if diffs is not None:
            diffs.setdefault("qulacs vs aer", []).append(diff)
        if diff > 1e-12:
            raise SystemExit(f"qulacs disagrees with aer on {label}: {diff:.1e}")


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
        check_agreement(f"circuit {seed}", results, diffs)
        for name in names:
            diff = f"  max|p - ours| {diffs[name][-1]:.1e}" if name in diffs else ""
            print(f"  circuit {seed}: {name:<6} {times[name][-1]:8.3f} s{diff}")
        if "qulacs vs aer" in diffs:
            print(f"  circuit {seed}: max|p_qulacs - p_aer| {diffs['qulacs vs aer'][-1]:.1e}")
    return times


def per_call(
    n: int,
    circuit_of_run: Callable[[int], list[Gate]],
    runs: int,
    rounds: int,
    block: int,
    names: list[str],
) -> dict[str, list[float]]:
    """Seconds per call, construction included, one figure per run for each simulator.

    A run alternates the simulators `rounds` times (the order rotating each round), each
    timing a block of `block` calls; the run's figure is its median block, per call.
    """
    times: dict[str, list[float]] = {name: [] for name in names}
    for run_index in range(runs):
        circuit = circuit_of_run(run_index)
        results = {name: PEERS[name][1](n, circuit)() for name in names}  # also the warm-up
        check_agreement(f"per-call run {run_index}", results, None)
        blocks: dict[str, list[float]] = {name: [] for name in names}
        for round_index in range(rounds):
            shift = round_index % len(names)
            for name in names[shift:] + names[:shift]:
                factory = PEERS[name][1]
                start = time.perf_counter()
                for _ in range(block):
                    factory(n, circuit)()
                blocks[name].append((time.perf_counter() - start) / block)
        for name in names:
            times[name].append(statistics.median(blocks[name]))
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
    """Subprocess body: one timed run, and its peak memory above the post-import baseline
    (taken after a small warm-up run).

    ru_maxrss is not used as the baseline on Linux: it survives exec, so a child inherits
    the parent's high-water mark. The peak of this process alone is VmHWM, reset here
    (writing 5 to clear_refs) once the imports and the circuit are done.
    """
    # A small warm-up first, for every peer: what loads on first use (ours: numba and the
    # compiled kernels; a peer's own lazy imports) is an import, not this run's cost.
    PEERS[name][1](8, random_circuit(8, 16, seed))()
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


def omp_threads() -> str:
    return os.environ.get("OMP_NUM_THREADS", f"unset: all {os.cpu_count()} cores")


def peer_names() -> dict[str, str]:
    """How each peer appears in the figures: version, precision, threads."""
    return {
        "numpy": "ours, numpy engine only (IONQ_SIM_ENGINE=numpy)",
        "qulacs": f"qulacs {installed('qulacs')} complex128, OMP_NUM_THREADS {omp_threads()}",
        "aer": f"qiskit-aer {installed('qiskit-aer')} statevector",
        "qsim": f"qsimcirq {installed('qsimcirq')} complex64, {qsim_threads()} threads",
        "cirq": f"cirq-core {installed('cirq-core')} Simulator",
    }


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
    peers = peer_names()
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
    n3, g3 = 10, 100  # per call: the size of circuit users' tests send, in both modes
    # Per call: (rounds, calls per block) for the random circuit and for Bell.
    rounds, random_block, bell_block = (2, 2, 5) if args.smoke else (20, 10, 100)
    circuits = args.circuits if args.smoke else max(5, args.circuits)
    names = [name for name in PEERS if available(name)]
    for name in PEERS:
        if name not in names:
            print(f"skipped: {name} ({PEERS[name][0]}) is not installed; see scripts/bench-env")
    print(f"numpy {np.__version__}; BLAS: {blas_info()}")
    # Other work on the machine skews every figure (threads wait for each other):
    # say how busy it was, before and after.
    print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print(
        "OPENBLAS_CORETYPE="
        f"{os.environ.get('OPENBLAS_CORETYPE', '(unset)')} "
        f"OPENBLAS_L2_SIZE={os.environ.get('OPENBLAS_L2_SIZE', '(unset)')} "
        f"OMP_NUM_THREADS={omp_threads()} (qulacs' and aer's threads)"
    )
    for name in names:
        if name != "ours":
            print(f"{name}: {peer_names()[name]}")

    def floor(kind: str, peer: str) -> float | None:
        return None if args.smoke else FLOORS[kind].get(peer)

    print(f"{n1} qubits x {g1} gates, {circuits} circuits, interleaved:")
    diffs: dict[str, list[float]] = {}
    times = interleaved(n1, g1, circuits, names, diffs)
    rows = [
        Row(f"{n1}q x {g1} time vs {peer}", times["ours"], times[peer], floor("time", peer))
        for peer in names
        if peer != "ours"
    ]

    big = [peer for peer in names if peer in IN_SUBPROCESS]
    if big:
        # Each 25-qubit run takes seconds and a fresh interpreter; one at a time, as each
        # holds 512 MiB or more. Smoke mode needs only that the path works.
        seeds = min(circuits, 2) if args.smoke else circuits
        print(f"{n2} qubits x {g2} gates, {seeds} circuits, one subprocess per run:")
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in ["ours", *big]}
        for seed in range(seeds):
            for name in runs:
                runs[name].append(in_subprocess(name, n2, g2, seed))
                r = runs[name][-1]
                print(f"  circuit {seed}: {name:<6} {r['seconds']:8.3f} s  ", end="")
                print(f"peak +{r['peak_bytes'] / 2**20:.0f} MiB")
        secs = {k: [r["seconds"] for r in v] for k, v in runs.items()}
        mem = {k: [r["peak_bytes"] for r in v] for k, v in runs.items()}
        for peer in big:
            case = f"{n2}q x {g2} time vs {peer}"
            rows.append(Row(case, secs["ours"], secs[peer], floor("big time", peer)))
        for peer in big:
            case = f"{n2}q x {g2} peak memory vs {peer}"
            rows.append(Row(case, mem["ours"], mem[peer], floor("big memory", peer), unit="B"))

    small = [peer for peer in names if peer in PER_CALL]
    if small:
        callers = ["ours", *small]
        cases: list[tuple[str, int, Callable[[int], list[Gate]], int]] = [
            (f"{n3}q x {g3} per call", n3, lambda seed: random_circuit(n3, g3, seed), random_block),
            ("Bell per call", 2, lambda _seed: BELL, bell_block),
        ]
        for label, n, circuit_of_run, block in cases:
            print(f"{label}: {circuits} runs of {rounds} alternating blocks of {block} calls:")
            per = per_call(n, circuit_of_run, circuits, rounds, block, callers)
            for name in callers:
                shown = ", ".join(f"{t * 1e6:.0f}" for t in per[name])
                print(f"  {name:<6} us per call: {shown}")
            for peer in small:
                rows.append(
                    Row(f"{label} vs {peer}", per["ours"], per[peer], floor("per call", peer))
                )

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
