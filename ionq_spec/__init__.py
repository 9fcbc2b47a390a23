"""Where `openapi.yaml` lives, for code that reads the contract at run time.

The facade (its limits) and the mock server (its request validation) read the
same file: from the repository root in a checkout, and from this package's data
in an installed wheel (the build copies it here).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

__all__ = ["load_spec", "spec_path"]


def spec_path() -> Path:
    """Return the path of `openapi.yaml`: packaged copy first, then the checkout's."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "openapi.yaml", here.parent / "openapi.yaml"):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("openapi.yaml is neither packaged with ionq_spec nor in the checkout")


# libyaml's safe loader when PyYAML was built with it (the wheels are): the same document
# in 0.03 s instead of 0.23 s, paid by the first request of every client and server.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def load_spec() -> dict[str, Any]:
    """Parse `openapi.yaml` once; callers must treat the result as read-only."""
    with spec_path().open(encoding="utf-8") as handle:
        spec: dict[str, Any] = yaml.load(handle, Loader=_LOADER)
    return spec
