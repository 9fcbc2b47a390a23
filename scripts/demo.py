"""`make demo`: from circuits to readable results through the SDK, in a few seconds.

With `IONQ_BASE_URL` unset, it starts the mock server (`ionq_mock.testing.MockServer`) on a
free loopback port with a demo key, and stops it at the end, whatever happens. With
`IONQ_BASE_URL` (and `IONQ_API_KEY`) set, it runs the same steps against that server.

Steps: build a Bell circuit, a 5-qubit GHZ circuit, a native-gate circuit and a
multi-circuit job; submit them (noisy simulation, 1000 shots); show a live line per job
while they run; print each result as a histogram (the measured counts, read from each
job's histogram artifact); list the jobs page by page. The mock's console (the web page of
its request journal) is printed as it starts; with `IONQ_DEMO_KEEP=1` the demo keeps the
mock serving after its last step until Enter is pressed, so the page can be opened.

Any failure prints one line on stderr and exits 1 (130 on Ctrl-C).
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from typing import Final

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ionq_client import TERMINAL, Circuit, IonQ
from ionq_client._cli_format import describe_error, elapsed, jobs_table, results_view

DEMO_KEY: Final = "demo-key-0123456789"
#: Seconds from submitted to completed on the embedded server: short, but long enough to
#: watch the progress lines move through submitted, ready and started.
JOB_DURATION: Final = 2.0
SHOTS: Final = 1000
NOISE: Final = "aria-1"
#: Histogram rows shown per circuit (noise spreads a little probability everywhere).
TOP: Final = 6
PAGE_SIZE: Final = 3
MAX_PAGES: Final = 5
WAIT_TIMEOUT: Final = 300.0
POLL_INTERVAL: Final = 0.2


def programs() -> dict[str, Circuit | list[Circuit]]:
    """The demo's four jobs, by name."""
    bell = Circuit(2, name="bell").h(0).cnot(0, 1)
    ghz = Circuit(5, name="ghz-5").h(0)
    for q in range(4):
        ghz.cnot(q, q + 1)
    # A fully entangling Mølmer-Sørensen gate on qubits 0 and 1, and a flip (GPI) of qubit 2.
    native = Circuit.native(3, name="native").ms(0, 1).gpi(2, 0.0)
    # One gate set and (so the bitstrings line up) one width for both circuits; flipping
    # only qubit 0 shows the bit order: "100".
    multi = [
        Circuit(3, name="flip-q0").x(0),
        Circuit(3, name="ghz-3").h(0).cnot(0, 1).cnot(1, 2),
    ]
    return {"bell": bell, "ghz-5": ghz, "native": native, "multi-circuit": multi}


def describe(program: Circuit | list[Circuit]) -> str:
    """`2 qubits, 2 qis gates` or `2 circuits: flip-q0, ghz-3`."""
    if isinstance(program, Circuit):
        return f"{program.qubits} qubits, {len(program)} {program.gateset} gates"
    return f"{len(program)} circuits: " + ", ".join(c.name or "?" for c in program)


def watch(client: IonQ, console: Console, jobs: dict[str, str]) -> None:
    """A live line per job (spinner, name, status, elapsed) until every job is terminal."""
    started = time.monotonic()
    finished: dict[str, float] = {}
    with Progress(
        SpinnerColumn(finished_text="✓"),
        TextColumn("{task.description:<14}"),
        TextColumn("{task.fields[status]:<10}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        tasks = {name: progress.add_task(name, total=1, status="submitted") for name in jobs}
        while len(finished) < len(jobs):
            if time.monotonic() - started > WAIT_TIMEOUT:
                raise TimeoutError(f"jobs still running after {WAIT_TIMEOUT:g} s")
            for name, job_id in jobs.items():
                if name in finished:
                    continue
                job = client.jobs.get(job_id)
                done = job.status in TERMINAL
                progress.update(tasks[name], status=job.status, completed=1 if done else 0)
                if done:
                    finished[name] = time.monotonic() - started
            time.sleep(POLL_INTERVAL)
    for name, job_id in jobs.items():
        # `wait` returns at once for a finished job, and raises if it failed or was canceled.
        job = client.jobs.wait(job_id)
        console.print(f"  {name:<14} {job.status:<10} after {elapsed(finished[name])}")


def run(client: IonQ, console: Console) -> None:
    """Every step of the demo, against `client`."""
    console.rule("1. circuits")
    progs = programs()
    for name, program in progs.items():
        console.print(f"  {name:<14} {describe(program)}")

    console.rule(f"2. submit (simulator, noise model {NOISE}, {SHOTS} shots)")
    jobs: dict[str, str] = {}
    for name, program in progs.items():
        created = client.jobs.create(
            program, backend="simulator", shots=SHOTS, noise=NOISE, name=f"demo-{name}"
        )
        jobs[name] = str(created.id)
        console.print(f"  {name:<14} job {created.id}")

    console.rule("3. wait")
    watch(client, console, jobs)

    console.rule("4. results (bitstrings: qubit 0 leftmost; counts as measured)")
    for job_id in jobs.values():
        # The histogram artifact gives the measured counts (where the job has one; else the
        # counts are the probabilities scaled to the shots).
        result = client.jobs.results(job_id, include=("histogram",))
        console.print(results_view(result, top=TOP))

    console.rule(f"5. jobs, newest first, {PAGE_SIZE} per page")
    for number, page in enumerate(client.jobs.list(limit=PAGE_SIZE).iter_pages(), start=1):
        console.print(jobs_table(page.items, title=f"page {number}"))
        if number >= MAX_PAGES and page.has_next_page():
            console.print(f"  (stopping after {MAX_PAGES} pages; more remain)")
            break


def keep_serving(console: Console, url: str) -> None:
    """Wait for Enter (or Ctrl-C, or the end of input), so that the console can be read."""
    console.print(f"the mock server is still up at {url}; press Enter to stop it", soft_wrap=True)
    with contextlib.suppress(EOFError, KeyboardInterrupt):
        input()


def main() -> int:
    """Run the demo; the exit status."""
    console = Console(highlight=False)
    errors = Console(stderr=True, highlight=False)
    base_url = os.environ.get("IONQ_BASE_URL")
    try:
        with contextlib.ExitStack() as stack:
            if base_url:
                api_key = os.environ.get("IONQ_API_KEY")
                if not api_key:
                    raise RuntimeError("IONQ_BASE_URL is set but IONQ_API_KEY is not")
                console.print(f"using the server at {base_url}")
            else:
                # Imported here: only the demo (never the client package) uses the mock.
                from ionq_mock.testing import MockServer

                server = stack.enter_context(
                    MockServer(api_keys=[DEMO_KEY], job_duration=JOB_DURATION)
                )
                stack.callback(console.print, f"stopped the mock server at {server.base_url}")
                base_url, api_key = server.base_url, DEMO_KEY
                console.print(f"started the mock server at {base_url}")
                # The key rides in the fragment, which a browser never sends to a server.
                page = f"{server.console_url}#key={DEMO_KEY}"
                console.print(f"its console (requests, jobs, histograms): {page}", soft_wrap=True)
                if os.environ.get("IONQ_DEMO_KEEP"):
                    stack.callback(keep_serving, console, server.console_url)
            client = stack.enter_context(IonQ(api_key=api_key, base_url=base_url))
            run(client, console)
    except KeyboardInterrupt:
        errors.print("demo interrupted", soft_wrap=True)
        return 130
    except Exception as exc:
        errors.print(f"demo failed: {describe_error(exc, base_url)}", markup=False, soft_wrap=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
