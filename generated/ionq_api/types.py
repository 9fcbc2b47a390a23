"""Contains some shared types for properties"""

from collections.abc import Callable, Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar

from attrs import define


class Unset:
    def __bool__(self) -> Literal[False]:
        return False

    def __reduce__(self) -> str:
        # The module attribute's name: `copy.deepcopy` and `pickle` give back the one
        # UNSET (without this, a copied model's unset field is a second Unset instance,
        # and `field is UNSET` is False).
        return "UNSET"


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


class DeferredFields:
    """A model whose `from_dict()` may leave fields to build when they are first read.

    Only a build that cannot fail is left (a free-form object given as a JSON object, or
    the one variant of a union whose errors the union swallows, keeping the value as it
    came), so `from_dict()` raises exactly when an eager parse would, and a field reads
    the value an eager parse would have put there: nothing differs but when the work is
    done. Such a field's class attribute is a `DeferredField` (see `defer_fields`); until
    it is read its slot holds `UNBUILT` and its raw JSON value waits in `_ionq_pending`.
    """

    __slots__ = ("_ionq_pending",)
    #: The raw JSON values of the fields not read yet, by field name.
    _ionq_pending: dict[str, Any]


class _Unbuilt:
    def __repr__(self) -> str:
        return "<unbuilt>"


#: What the slot of a field not read yet holds (never seen through the field itself).
UNBUILT: Any = _Unbuilt()


class DeferredField:
    """A deferred field's class attribute, in place of its slot's own descriptor: reads
    through the slot, building the value on the first read. Setting and deleting go to
    the slot as they would without it (a value set before the first read replaces
    `UNBUILT`, so it is never overwritten by the raw one; the stale raw value is dropped
    with the model)."""

    __slots__ = ("_build", "_delete", "_get", "_name", "_set")

    def __init__(self, name: str, slot: Any, build: Callable[[Any], Any]) -> None:
        self._name = name
        self._build = build
        # The slot's own methods, bound once: a field read is one call more, not two.
        self._get = slot.__get__
        self._set = slot.__set__
        self._delete = slot.__delete__

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return self
        value = self._get(obj, owner)  # AttributeError once deleted, as the slot's own
        if value is not UNBUILT:
            return value
        pending = obj._ionq_pending
        raw = pending.get(self._name, UNBUILT)
        if raw is UNBUILT:  # another thread read it first, and has just built it
            return self._get(obj, owner)
        value = self._build(raw)
        self._set(obj, value)
        pending.pop(self._name, None)
        return value

    def __set__(self, obj: Any, value: Any) -> None:
        self._set(obj, value)

    def __delete__(self, obj: Any) -> None:
        self._delete(obj)


def defer_fields(
    cls: type[DeferredFields], builds: Mapping[str, Callable[[Any], Any]]
) -> dict[str, Callable[[Any, Any], None]]:
    """Put a `DeferredField` in front of each slot of `builds` (field name: how to build
    it from its raw JSON value); return each slot's own setter, for `from_dict()` to
    store `UNBUILT`, or a value with nothing to build, at C speed."""
    setters = {}
    for name, build in builds.items():
        slot = cls.__dict__[name]
        setters[name] = slot.__set__
        setattr(cls, name, DeferredField(name, slot, build))
    return setters


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset"]
