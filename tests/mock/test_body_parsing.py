"""Reading a request body's JSON (ionq_mock/bounds.py `parse_json`): what `json.loads`
reads, without NaN or Infinity, and a number too large for a double a 400 naming its key."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ionq_mock.bounds import MAX_DEPTH, check_depth, parse_json
from ionq_mock.errors import BadRequest


@pytest.mark.parametrize(
    "value",
    [
        {"a": [1, 2.5, -3e-7, "x", None, True]},
        [{"nested": {"deep": [0.1, 1e308]}}],
        "é and a \U0001f600",
        12,
    ],
)
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-32"])
def test_it_reads_what_json_loads_reads(value: Any, encoding: str) -> None:
    raw = json.dumps(value, ensure_ascii=False).encode(encoding)
    assert parse_json(raw) == json.loads(raw) == value


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('{"a": [1, 1e400]}', "a.1"),
        ('{"settings": {"x": -1E+999}}', "settings.x"),
        ('{"a": 1.5, "b": ' + "9" * 400 + ".0}", "b"),
    ],
)
def test_a_number_too_large_for_a_double_names_its_key(text: str, key: str) -> None:
    with pytest.raises(BadRequest) as raised:
        parse_json(text.encode())
    assert raised.value.keys == [key]
    assert "too large for a double" in raised.value.message


def test_a_literal_of_the_whole_body_too_large_names_no_key() -> None:
    with pytest.raises(BadRequest) as raised:
        parse_json(b"1e400")
    assert raised.value.keys == []


@pytest.mark.parametrize(
    "text",
    [
        '{"a": 1e400, "b": }',  # invalid after the overflow: invalid JSON, as before it
        '{"a": NaN}',
        '{"a": Infinity}',
        '{"a": -Infinity}',
        "{'a': 1}",
        "",
    ],
)
def test_text_that_is_not_json_is_a_value_error(text: str) -> None:
    with pytest.raises(ValueError, match=r"Expecting|not valid JSON"):
        parse_json(text.encode())


def _nested(depth: int, wide: int) -> Any:
    """A value `depth` levels deep (the value itself is level 1), arrays and objects in
    turn, each with `wide` scalar members beside the one nesting further."""
    value: Any = 0
    for level in range(depth):
        if level % 2:
            value = [value, *range(wide)]
        else:
            value = {"next": value, **{f"k{i}": i for i in range(wide)}}
    return value


@settings(max_examples=200, deadline=None)
@given(
    depth=st.integers(1, MAX_DEPTH + 3),
    wide=st.integers(0, 3),
    encoding=st.sampled_from(["utf-8", "utf-16", "utf-32"]),
    text=st.text(alphabet="[]{}ab", max_size=80),
)
def test_the_depth_check_reading_the_text_decides_as_the_one_reading_the_value(
    depth: int, wide: int, encoding: str, text: str
) -> None:
    """Counting brackets in the text only skips the validator for bodies within the bound:
    with the text or without, the same bodies are refused (brackets in strings too)."""
    value = {"s": text, "v": _nested(depth, wide)}
    raw = json.dumps(value).encode(encoding)

    def refused(source: bytes | None) -> bool:
        try:
            check_depth(value, source)
        except BadRequest:
            return True
        return False

    assert refused(raw) == refused(None) == (depth + 1 > MAX_DEPTH)
