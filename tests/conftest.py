"""Shared pytest setup: the mock server plugin gives every suite the `ionq_mock_server` fixture
(the same way users enable it in their own tests).

`make test` runs the suite on every core (pytest-xdist, scripts/test); a test marked
`alone` then runs with no other test beside it (`_alone_or_beside_others`).

`tests/published` drives the published IonQ clients, which only `.clients-venv` holds
(`scripts/clients-env`): its pytest runs them (`scripts/test-clients`), and any other venv's
pytest does not collect them.
"""

import contextlib
import fcntl
import importlib.util
import os
import shutil
import tempfile
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import IO

import pytest

pytest_plugins = ["ionq_mock.pytest_plugin"]

collect_ignore = [] if importlib.util.find_spec("cirq_ionq") else ["published"]


def _hypothesis_profile() -> None:
    """Property tests draw the same examples on every run unless HYPOTHESIS_RANDOM=1.

    A random draw that finds a new edge case in CI turns an unrelated commit red (it
    happened: a subnormal Pauli coefficient); searching for new cases is a deliberate
    act, `HYPOTHESIS_RANDOM=1 make test`, and what it finds becomes an `@example`.
    """
    import os

    if importlib.util.find_spec("hypothesis") is None:  # .clients-venv has none
        return
    from hypothesis import settings

    settings.register_profile("fixed", derandomize=True)
    settings.register_profile("random", derandomize=False)
    settings.load_profile("random" if os.environ.get("HYPOTHESIS_RANDOM") == "1" else "fixed")


_hypothesis_profile()


# The folder of the run's two lock files, made by the xdist controller for its workers.
_LOCKS = "IONQ_SDK_TEST_LOCKS"


def pytest_configure(config: pytest.Config) -> None:
    if getattr(config.option, "numprocesses", None) and not hasattr(config, "workerinput"):
        os.environ[_LOCKS] = tempfile.mkdtemp(prefix="ionq-sdk-pytest-")


def pytest_unconfigure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput") and _LOCKS in os.environ:
        shutil.rmtree(os.environ.pop(_LOCKS), ignore_errors=True)


@contextlib.contextmanager
def _locked(handle: IO[bytes], how: int) -> Iterator[None]:
    fcntl.flock(handle, how)
    try:
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)


@contextlib.contextmanager
def _alone_or_beside_others(config: pytest.Config, alone: bool) -> Iterator[None]:
    """On an xdist worker, hold the run's room shared, or (`alone`) exclusively.

    A test that bounds a latency against the machine's quiet one (tests/mock/latency.py)
    fails when another worker's test starts costly work halfway through it (seen: a probe
    at 0.54 s against 0.53 allowed), so an `alone` test waits for the other workers'
    current tests to end and holds back their next ones until it ends. The turnstile in
    front of the room keeps the others' next tests from starving a waiting `alone` test.
    Without xdist there are no others, and nothing to hold.
    """
    folder = os.environ.get(_LOCKS)
    if folder is None or not hasattr(config, "workerinput"):
        yield
        return
    with (
        open(Path(folder, "turnstile"), "ab") as turnstile,
        open(Path(folder, "room"), "ab") as room,
    ):
        if alone:
            with _locked(turnstile, fcntl.LOCK_EX), _locked(room, fcntl.LOCK_EX):
                yield
        else:
            with _locked(turnstile, fcntl.LOCK_EX):
                fcntl.flock(room, fcntl.LOCK_SH)
            try:
                yield
            finally:
                fcntl.flock(room, fcntl.LOCK_UN)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(
    item: pytest.Item, nextitem: pytest.Item | None
) -> Generator[None, object, object]:
    # Setup and teardown included: a module's fixtures start and stop servers too.
    with _alone_or_beside_others(item.config, item.get_closest_marker("alone") is not None):
        return (yield)
