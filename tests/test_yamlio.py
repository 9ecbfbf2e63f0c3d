"""The line-tracking YAML loader gives exactly what yaml.safe_load gives, plus lines, and refuses what it must."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from promptops.errors import InputError
from promptops.yamlio import parse_yaml

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None, database=None)
@given(st.dictionaries(st.text(min_size=1, max_size=8), values, min_size=1, max_size=5), st.booleans())
def test_values_equal_safe_load(document: dict[str, Any], flow: bool) -> None:
    text = yaml.safe_dump(document, default_flow_style=flow, allow_unicode=True)
    assert parse_yaml(text, "doc.yaml").data == yaml.safe_load(text)


def test_plain_strings_that_look_like_other_types_keep_their_yaml_meaning() -> None:
    text = "a: yes\nb: '3'\nc: 3\nd: 2024-01-02\ne: null\nf: 0x10\ng: text\nh: 1e3\n"
    assert parse_yaml(text, "doc.yaml").data == yaml.safe_load(text)


def test_merge_keys_are_expanded_and_lines_kept() -> None:
    text = "base: &b {model: m, temperature: 0}\nrun:\n  <<: *b\n  temperature: 1\n"
    doc = parse_yaml(text, "doc.yaml")
    assert doc.data["run"] == {"model": "m", "temperature": 1}
    assert doc.lines.lines[("run",)] == 3


def test_a_merge_key_that_is_not_a_mapping_is_one_clear_error() -> None:
    with pytest.raises(InputError, match="bad merge key") as caught:
        parse_yaml("a:\n  <<: 3\n", "doc.yaml")
    assert caught.value.line == 2


@pytest.mark.parametrize(
    "text",
    [
        "a: &a {x: 1}\nb: &b {x: 2, y: 3}\nc:\n  <<: [*a, *b]\n  z: 4\n",
        "a: &a {x: 1}\nc:\n  x: 5\n  <<: *a\n",
    ],
)
def test_merge_lists_and_own_keys_follow_yaml(text: str) -> None:
    assert parse_yaml(text, "doc.yaml").data == yaml.safe_load(text)


def test_a_key_repeated_next_to_a_merge_is_still_a_duplicate() -> None:
    with pytest.raises(InputError, match="duplicate key 'y' \\(first defined on line 4\\)"):
        parse_yaml("a: &a {x: 1}\nc:\n  <<: *a\n  y: 1\n  y: 2\n", "doc.yaml")


def test_an_alias_of_a_mapping_with_a_merge_reads_like_the_mapping() -> None:
    text = "base: &b {a: 1, c: 3}\nderived: &d {<<: *b, a: 2}\nuse: *d\n"
    assert (
        parse_yaml(text, "doc.yaml").data
        == yaml.safe_load(text)
        == {
            "base": {"a": 1, "c": 3},
            "derived": {"a": 2, "c": 3},
            "use": {"a": 2, "c": 3},
        }
    )
