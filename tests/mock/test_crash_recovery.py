"""SIGKILL of the mock (`--db`) mid-load from four client processes, then a restart on the
same SQLite file: every acknowledged job is there, and none is there twice.

The four loaders (tests/mock/loaders/, and generated/typescript/test/load-jobs.ts) are
processes of their own, as users' programs are: the sync facade `ionq_client.IonQ`, the
async facade `ionq_client.AsyncIonQ` (8 creates in flight), the TypeScript client, and
`ionq-core`, IonQ's published client. Each creates jobs with its client's normal create
until the server is gone, and writes one line per acknowledged job id to its own file the
moment it is acknowledged. A few 503s and 500s-after-commit are injected, so the facades'
look-ups after an ambiguous failure run too: "none twice" is then a claim about them as
well as about the store.

Each loader has its own API key: after the restart each key must list exactly its own
loader's acknowledged jobs, so the owner of a job survives the crash too, and the facade's
look-up after an ambiguous create reads one loader's jobs, not four interleaved.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import httpx
import pytest
from mock_process import list_jobs, start_server, stop

REPO: Final = Path(__file__).resolve().parents[2]
LOADERS: Final = Path(__file__).resolve().parent / "loaders"
TYPESCRIPT: Final = REPO / "generated" / "typescript"
TS_BUILD: Final = TYPESCRIPT / "build"
TS_LOADER: Final = TS_BUILD / "test" / "load-jobs.js"

# The server is killed once every loader has this many acknowledged creates, which must
# happen within ACK_DEADLINE seconds of their start; they must then notice it is gone
# within EXIT_DEADLINE seconds (they are killed after that, and the test fails).
ACKS_EACH: Final = 50
ACK_DEADLINE: Final = 30.0
EXIT_DEADLINE: Final = 20.0
# A safety net inside each loader, past every deadline of the test.
LOADER_HARD_TIMEOUT: Final = 60.0
# Light, seeded faults: enough that every loader meets some, few enough that ionq-core,
# whose retries are off (see its loader), still gets most of its creates through.
FAULTS: Final = ["--fault", "503=0.05", "--fault-after-commit", "0.05", "--fault-seed", "14"]
LOADER_TAG: Final = "crash_loader"
SEQ_TAG: Final = "crash_seq"
CREATE_TOKEN_KEY: Final = "ionq_client_create_token"


@dataclass
class Loader:
    name: str
    key: str
    out: Path
    log: Path
    process: subprocess.Popen[bytes]

    def acknowledged(self) -> list[str]:
        """The ids written so far: complete lines only (the last may be half-written)."""
        text = self.out.read_text(encoding="utf-8") if self.out.exists() else ""
        return text.split("\n")[:-1]

    def log_tail(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-3000:]


def typescript_loader(tmp: Path) -> Path:
    """The compiled TypeScript loader: `scripts/test-typescript`'s build when it is newer
    than every source the loader is made from (as in `make test`), else the loader alone,
    built under `tmp`."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed: the TypeScript client cannot be one of the loaders")
    source = TYPESCRIPT / "test" / "load-jobs.ts"
    sources = [TYPESCRIPT / "schema.ts", *TYPESCRIPT.glob("src/*.ts"), source]
    newest = max(each.stat().st_mtime for each in sources)
    if TS_LOADER.exists() and TS_LOADER.stat().st_mtime >= newest:
        return TS_LOADER
    # Only the loader and what it imports, so a test file that does not compile is the
    # TypeScript suite's failure, not this one's; and outside the shared build directory,
    # which `scripts/test-typescript` empties. The link lets tsc and node find the
    # packages (openapi-fetch, @types/node) from there.
    out = tmp / "typescript"
    out.mkdir()
    (out / "node_modules").symlink_to(REPO / "node_modules", target_is_directory=True)
    config = out / "tsconfig.json"
    project = {"extends": str(TYPESCRIPT / "tsconfig.json"), "include": [], "files": [str(source)]}
    config.write_text(json.dumps(project), encoding="utf-8")
    tsc = REPO / "node_modules" / ".bin" / "tsc"
    command = [str(tsc), "--project", str(config), "--strict", "--outDir", str(out)]
    built = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert built.returncode == 0, f"tsc failed:\n{built.stdout}\n{built.stderr}"
    # The compiled files are ES modules; the root package.json does not say "type": "module".
    (out / "package.json").write_text('{ "type": "module" }\n', encoding="utf-8")
    return out / "test" / "load-jobs.js"


def start_loaders(base_url: str, keys: dict[str, str], ts_loader: Path, tmp: Path) -> list[Loader]:
    commands = {
        "sync": [sys.executable, str(LOADERS / "load_sync.py")],
        "async": [sys.executable, str(LOADERS / "load_async.py")],
        "typescript": ["node", str(ts_loader)],
        "ionq-core": [sys.executable, str(LOADERS / "load_ionq_core.py")],
    }
    loaders = []
    for name, command in commands.items():
        out, log = tmp / f"{name}.ids", tmp / f"{name}.log"
        command += ["--base-url", base_url, "--api-key", keys[name], "--out", str(out)]
        command += ["--name", name, "--hard-timeout", str(LOADER_HARD_TIMEOUT)]
        with log.open("wb") as stderr:
            process = subprocess.Popen(
                command, cwd=REPO, stdin=subprocess.DEVNULL, stdout=stderr, stderr=stderr
            )
        loaders.append(Loader(name, keys[name], out, log, process))
    return loaders


def wait_for_acknowledgements(loaders: list[Loader]) -> None:
    """Return once every loader has ACKS_EACH acknowledged creates; fail naming the loader
    that died first, or the counts when ACK_DEADLINE passes."""
    deadline = time.monotonic() + ACK_DEADLINE
    while time.monotonic() < deadline:
        for loader in loaders:
            if loader.process.poll() is not None:
                pytest.fail(
                    f"the {loader.name} loader exited ({loader.process.returncode}) with"
                    f" {len(loader.acknowledged())} acknowledged, before the kill:\n"
                    + loader.log_tail()
                )
        if all(len(loader.acknowledged()) >= ACKS_EACH for loader in loaders):
            return
        time.sleep(0.05)
    counts = {loader.name: len(loader.acknowledged()) for loader in loaders}
    pytest.fail(f"not {ACKS_EACH} acknowledged creates each within {ACK_DEADLINE} s: {counts}")


def wait_for_exit(loaders: list[Loader]) -> None:
    """Wait until every loader has ended; kill those still running after EXIT_DEADLINE
    (their exit status then says SIGKILL)."""
    deadline = time.monotonic() + EXIT_DEADLINE
    for loader in loaders:
        try:
            loader.process.wait(max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            loader.process.kill()
            loader.process.wait()


def duplicates(values: list[Any]) -> dict[Any, int]:
    return {value: count for value, count in Counter(values).items() if count > 1}


def faults_met(base_url: str) -> dict[str, int]:
    """The faults the mock has applied so far, by kind (`GET /_mock/faults`)."""
    root = base_url.removesuffix("/v0.4")
    answer = httpx.get(f"{root}/_mock/faults", timeout=10)
    assert answer.status_code == 200, answer.text
    met: dict[str, int] = answer.json()["met"]
    return met


def load_then_kill(
    db: Path, keys: dict[str, str], tmp: Path
) -> tuple[list[Loader], dict[str, int]]:
    """Run the four loaders against a mock on `db` and SIGKILL it once each has ACKS_EACH
    acknowledged creates; the loaders (ended) and the faults met before the kill."""
    ts_loader = typescript_loader(tmp)
    server, base_url = start_server(db, list(keys.values()), FAULTS)
    loaders: list[Loader] = []
    try:
        loaders = start_loaders(base_url, keys, ts_loader, tmp)
        wait_for_acknowledgements(loaders)
        met = faults_met(base_url)
        os.kill(server.pid, signal.SIGKILL)
        server.wait(timeout=10)
        wait_for_exit(loaders)
    finally:
        for loader in loaders:
            if loader.process.poll() is None:
                loader.process.kill()
                loader.process.wait()
        stop(server)
    assert server.returncode == -signal.SIGKILL
    return loaders, met


def restart_and_list(db: Path, keys: dict[str, str]) -> tuple[dict[str, list[dict[str, Any]]], str]:
    """Restart the mock on `db`: every key's jobs, and the id of one job created after."""
    server, base_url = start_server(db, list(keys.values()))
    try:
        listed = {name: list_jobs(base_url, key) for name, key in keys.items()}
        body = {
            "type": "ionq.circuit.v1",
            "backend": "simulator",
            "input": {"gateset": "qis", "qubits": 1, "circuit": [{"gate": "h", "target": 0}]},
        }
        headers = {"Authorization": f"apiKey {keys['sync']}"}
        after = httpx.post(f"{base_url}/jobs", json=body, headers=headers, timeout=10)
    finally:
        stop(server)
    assert after.status_code == 201, after.text
    new_id: str = after.json()["id"]
    return listed, new_id


@pytest.mark.slow
def test_sigkill_under_four_clients_keeps_every_acknowledged_job_once(tmp_path: Path) -> None:
    db = tmp_path / "mock.sqlite"
    keys = {name: f"crash-{name}-key" for name in ("sync", "async", "typescript", "ionq-core")}
    loaders, met = load_then_kill(db, keys, tmp_path)
    listed, new_id = restart_and_list(db, keys)

    all_ids = [job["id"] for jobs in listed.values() for job in jobs]
    assert duplicates(all_ids) == {}, "a job listed twice"
    # Ids keep growing across the restart: a new job takes none of the stored ids.
    assert new_id not in all_ids
    for loader in loaders:
        acknowledged = loader.acknowledged()
        jobs = listed[loader.name]
        ids = {job["id"] for job in jobs}
        missing = [job_id for job_id in acknowledged if job_id not in ids]
        assert missing == [], f"{loader.name}: {len(missing)} acknowledged jobs lost"
        # One call, one job: an id acknowledged twice, a loader's call number on two jobs,
        # or a create token on two jobs would each be a create that left (or claimed) two.
        assert duplicates(acknowledged) == {}, f"{loader.name}: an id acknowledged twice"
        metadata = [job.get("metadata") or {} for job in jobs]
        owners = {m.get(LOADER_TAG) for m in metadata}
        assert owners == {loader.name}, f"{loader.name}'s key lists jobs of {owners}"
        calls = [m[SEQ_TAG] for m in metadata]
        assert duplicates(calls) == {}, f"{loader.name}: a call made two jobs"
        tokens = [m[CREATE_TOKEN_KEY] for m in metadata if CREATE_TOKEN_KEY in m]
        assert duplicates(tokens) == {}, f"{loader.name}: a create token on two jobs"
    # The faults were really met, so the look-ups after ambiguous creates ran.
    assert met.get("503", 0) > 0, met
    assert met.get("after_commit", 0) > 0, met
    # Last, so a lost job is reported first: each loader saw the server go and stopped.
    statuses = {loader.name: loader.process.returncode for loader in loaders}
    logs = {loader.name: loader.log_tail() for loader in loaders if statuses[loader.name] != 0}
    assert statuses == dict.fromkeys(keys, 0), logs
    counts = {
        loader.name: f"{len(loader.acknowledged())}/{len(listed[loader.name])}"
        for loader in loaders
    }
    print(f"acknowledged/stored per loader: {counts}; faults met before the kill: {met}")
