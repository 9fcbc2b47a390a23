"""API keys: `Authorization: apiKey <key>`, compared in constant time, never logged.

Each key gets stable ids derived from it (uuid5 of a hash of the key, so the ids do not
reveal the key): `key_id`, `project_id` and the `submitter_id` that owns its jobs and
sessions, and the `organization_id` its sessions and usage report name. Keys see only
their own jobs and sessions.
"""

from __future__ import annotations

import hashlib
import hmac
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

NAMESPACE: Final = uuid.UUID("0f6a4c1e-2b3d-4e5f-8a7b-9c0d1e2f3a4b")
ORG_NAMESPACE: Final = uuid.UUID("3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a98")
PREFIX: Final = b"apikey "
REDACTED: Final = b"[redacted]"


@dataclass(frozen=True)
class Identity:
    """Who a key is: the ids the mock derives from it."""

    key_id: str
    key_name: str
    project_id: str
    submitter_id: str


def identity(key: str, index: int) -> Identity:
    """The ids of one key; `index` is its place in the server's key list (for its name)."""
    digest = hashlib.sha256(key.encode()).hexdigest()
    return Identity(
        key_id=str(uuid.uuid5(NAMESPACE, "key:" + digest)),
        key_name=f"mock key {index + 1}",
        project_id=str(uuid.uuid5(NAMESPACE, "project:" + digest)),
        submitter_id=str(uuid.uuid5(NAMESPACE, "user:" + digest)),
    )


def organization_id(submitter_id: str) -> str:
    """The organization a key belongs to: one per key (the mock shares nothing between keys)."""
    return str(uuid.uuid5(ORG_NAMESPACE, submitter_id))


class Keys:
    """The keys a server accepts."""

    def __init__(self, keys: Sequence[str]) -> None:
        if not keys:
            raise ValueError("at least one API key is needed")
        for key in keys:
            if not key or key != key.strip() or any(c.isspace() for c in key):
                raise ValueError("an API key must be non-empty and contain no whitespace")
        self._keys = [(key.encode(), identity(key, i)) for i, key in enumerate(keys)]
        self.identities = {ident.submitter_id: ident for _, ident in self._keys}

    def check(self, header: bytes | None) -> Identity | None:
        """The identity of a valid `Authorization` header value, else None.

        Every configured key is compared, each with `hmac.compare_digest`, so the time taken
        does not depend on which key (if any) matched or on how much of it did.
        """
        if header is None or len(header) <= len(PREFIX):
            return None
        if header[: len(PREFIX)].lower() != PREFIX:
            return None
        given = header[len(PREFIX) :].strip()
        found: Identity | None = None
        for key, ident in self._keys:
            if hmac.compare_digest(key, given):
                found = ident
        return found

    def redact(self, data: bytes) -> bytes:
        """`data` with every accepted key's text replaced by `REDACTED` (what a request
        journal keeps must never show a key, wherever a client put one)."""
        for key, _ in self._keys:
            if key in data:
                data = data.replace(key, REDACTED)
        return data
