"""Run the mock server on a free loopback port for the length of a `with` block.

    >>> from ionq_mock.testing import MockServer
    >>> with MockServer(api_keys=["key-1"], job_duration=0.05) as server:
    ...     server.base_url.startswith("http://127.0.0.1:")
    True

A real uvicorn server (httptools, configured by ionq_mock/serving.py) runs in a background
thread; it is listening when `__enter__` returns and is stopped, and its thread joined, on
exit.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Sequence
from types import TracebackType
from typing import Final

import uvicorn

from . import serving
from .app import DEFAULT_MAX_QUBITS, MockApp, create_app
from .console import PREFIX as CONSOLE
from .faults import Faults
from .journal import DEFAULT_BODY_BYTES, DEFAULT_SIZE
from .protocol import listening_socket
from .validation import BASE_PATH

START_TIMEOUT: Final = 10.0


def free_port(host: str = "127.0.0.1") -> int:
    """A port that was free a moment ago (the server binds it itself right after)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


class MockServer:
    """The mock server on `127.0.0.1:<free port>`, as a context manager.

    `base_url` is `http://127.0.0.1:<port>/v0.4`; `api_key` is the first key; `app` is the
    running `MockApp` (its `store` and `faults` can be inspected or changed by tests).
    `strict=True` turns off the leniency rules (see `create_app`): what IonQ's service
    accepts only by a rule, e.g. `"shots": "1000"`, is a 400 naming the key and the rule.
    `faults` applies every kind of `Faults`, the connection-level ones included (drop,
    drop after commit, stall, partial answer); `app.faults.met_now()` counts those applied.
    `console_url` is the request journal's web page; `app.journal` the journal itself.
    """

    def __init__(
        self,
        api_keys: Sequence[str] = ("test-key",),
        *,
        job_duration: float = 0.05,
        db_path: str | None = None,
        faults: Faults | None = None,
        max_qubits: int = DEFAULT_MAX_QUBITS,
        host: str = "127.0.0.1",
        port: int = 0,
        strict: bool = False,
        journal_size: int = DEFAULT_SIZE,
        journal_body_bytes: int = DEFAULT_BODY_BYTES,
    ) -> None:
        self.api_keys = list(api_keys)
        self.app: MockApp = create_app(
            self.api_keys,
            db_path=db_path,
            job_duration=job_duration,
            faults=faults,
            max_qubits=max_qubits,
            strict=strict,
            journal_size=journal_size,
            journal_body_bytes=journal_body_bytes,
        )
        self.host = host
        self.port = port
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def api_key(self) -> str:
        """The first API key."""
        return self.api_keys[0]

    @property
    def url(self) -> str:
        """The server's root URL, without the version prefix."""
        return f"http://{self.host}:{self.port}"

    @property
    def console_url(self) -> str:
        """The web page of the request journal, `http://127.0.0.1:<port>/_mock/`."""
        return self.url + CONSOLE + "/"

    @property
    def base_url(self) -> str:
        """The API's base URL, `http://127.0.0.1:<port>/v0.4`."""
        return self.url + BASE_PATH

    def start(self) -> None:
        """Start serving; return once the port accepts connections."""
        if self._thread is not None:
            raise RuntimeError("the server is already running")
        sock = listening_socket(self.host, self.port)
        self.port = sock.getsockname()[1]
        server = uvicorn.Server(serving.config(self.app, log_level="warning", loop="asyncio"))
        # uvicorn installs no signal handlers outside the main thread: ^C stays the test's.
        self._server = server
        self._thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="ionq-mock", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + START_TIMEOUT
        while not server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the mock server did not start")
            time.sleep(0.005)

    def stop(self) -> None:
        """Stop serving and wait for the server thread to finish."""
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=START_TIMEOUT)
        self._server = None
        self._thread = None
        self.app.close()

    def __enter__(self) -> MockServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
