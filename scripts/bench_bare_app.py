"""A bare ASGI app answering every request with one fixed body: the most requests per
second a Python server gets on this machine, served exactly as ionq-mock is (the same
uvicorn settings and protocol, ionq_mock.serving, on uvloop). scripts/bench_server.py
measures ionq-mock's GET of a job against it, with the body that GET answers.

    python scripts/bench_bare_app.py PORT BODY_FILE
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import uvicorn

from ionq_mock import serving
from ionq_mock.protocol import listening_socket


def bare_app(body: bytes) -> Any:
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    return app


def main() -> None:
    port, body_file = int(sys.argv[1]), Path(sys.argv[2])
    app = bare_app(body_file.read_bytes())
    sock = listening_socket("127.0.0.1", port)
    uvicorn.Server(serving.config(app, loop="uvloop")).run(sockets=[sock])


if __name__ == "__main__":
    main()
