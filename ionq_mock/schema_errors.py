"""Validation errors as the mock reads and words them, whoever found them.

A `Found` is one error, its paths counted from the whole value validated: made from a
jsonschema-rs error (`found`), or by the error search for a big value
(ionq_mock/error_search.py), so a 400 says the same whichever found it. `meant` and
`expand` pick the branch of a failed `oneOf`/`anyOf` the sender meant; `describe` words
an error for a 400, a size as counts rather than the value quoted, and `shorten` cuts any
message to `MAX_MESSAGE` characters.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final


def kind_name(error: Any) -> str:
    """The keyword an error is about (`type`, `required`, `oneOf`...)."""
    return str(getattr(error.kind, "name", ""))


KeyPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Found:
    """One validation error, its paths counted from the whole value validated.

    jsonschema-rs errors found in a part of a value (by the error search) have paths from
    that part; these carry the part's own path in front. `kind` is jsonschema-rs's (its
    `types`, `property`, `limit`... are read as they are); `context` holds each branch's
    errors of a failed `oneOf`/`anyOf`.
    """

    instance_path: KeyPath
    evaluation_path: KeyPath
    kind: Any
    message: str
    instance: Any
    context: tuple[tuple[Found, ...], ...] = ()


def found(error: Any, path: KeyPath = (), schema_path: KeyPath = ()) -> Found:
    """A jsonschema-rs error as a `Found`, with `path` and `schema_path` in front."""
    context: tuple[tuple[Found, ...], ...] = ()
    branches = getattr(error.kind, "context", None) if kind_name(error) in UNIONS else None
    if branches:
        context = tuple(tuple(found(e, path, schema_path) for e in b) for b in branches)
    return Found(
        (*path, *error.instance_path),
        (*schema_path, *error.evaluation_path),
        error.kind,
        str(error.message),
        error.instance,
        context,
    )


UNIONS: Final = ("oneOf", "anyOf")


def _wrong_branch(error: Found) -> bool:
    return kind_name(error) in ("const", "enum")


def meant(branches: Iterable[Sequence[Found]]) -> Sequence[Found]:
    """The branch of a failed oneOf/anyOf the sender meant: the one whose failures are
    not about a tag (`const`/`enum`, e.g. `gate` or `type`), and the fewest of them."""
    return min(branches, key=lambda errs: (sum(map(_wrong_branch, errs)), len(errs)))


def expand(errors: Iterable[Found]) -> list[Found]:
    """Expand oneOf/anyOf failures into the errors of the branch the value most resembles,
    so they name the real offending keys (`input.circuit.3.rotation`, not `input.circuit.3`)."""
    out: list[Found] = []
    for error in errors:
        if not error.context:
            out.append(error)
            continue
        branch = meant(error.context)
        out.extend(expand(branch) if branch else [error])
    return out


MAX_MESSAGE = 300


def shorten(text: str, limit: int = MAX_MESSAGE) -> str:
    """Cut the middle of a long message: validator messages quote the offending value,
    which may be a 40,000-character metadata value or a 10 MB circuit."""
    if len(text) <= limit:
        return text
    half = (limit - 1) // 2
    return f"{text[:half]}…{text[-half:]}"


# Size keywords, said as IonQ's limits are (ionq_client/_limits.py): the count and the
# limit, not the value quoted (which, for 200,000 gates, is 6 MB cut to 300 characters).
_SIZES: Final = {
    "maxItems": ("{n} items; at most {limit} {are} allowed", list),
    "minItems": ("{n} items; at least {limit} {are} required", list),
    "maxLength": ("{n} characters; at most {limit} {are} allowed", str),
    "minLength": ("{n} characters; at least {limit} {are} required", str),
    "maxProperties": ("{n} keys; at most {limit} {are} allowed", dict),
    "minProperties": ("{n} keys; at least {limit} {are} required", dict),
}


def describe(error: Found, key: str) -> str:
    """The message of `error` about `key` (empty: the whole value), `"key": ` first."""
    where = f'"{shorten(key, 80)}": ' if key else ""
    size = _SIZES.get(kind_name(error))
    limit = getattr(error.kind, "limit", None)
    if size is not None and isinstance(error.instance, size[1]) and isinstance(limit, int):
        text = size[0].format(n=f"{len(error.instance):,}", limit=f"{limit:,}", are=_are(limit))
        return f"{where}{text}"
    return shorten(f"{where}{error.message}")


def _are(count: int) -> str:
    return "is" if count == 1 else "are"
