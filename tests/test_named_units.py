"""Units a text names without an amount ("given in seconds"), compared across the two texts."""

from __future__ import annotations

import pytest

from promptops.change_checks import compare_texts
from promptops.named_units import named_unit_changes


@pytest.mark.parametrize(
    ("before", "after", "details"),
    [
        (
            "The `timeout` field is set in minutes, so timeout=5 gives a slow job plenty of room.",
            "The `timeout` field is set in seconds, so timeout=5 gives a slow job plenty of room.",
            ["unit minutes → seconds"],
        ),
        (
            "Distances on the trail map are shown in kilometres.",
            "Distances on the trail map are shown in miles.",
            ["unit kilometres → miles"],
        ),
        # the same unit in other words, or another dimension, is no change
        ("Durations are given in minutes.", "Durations are given in mins.", []),
        ("Weights are given in kilograms.", "Weights are given in kilograms and heights in metres.", []),
        # the old unit still said with an amount
        ("Give the delay in seconds.", "Give the delay in milliseconds; 1000 ms is 1 second.", []),
    ],
)
def test_a_unit_named_without_an_amount_replaced_is_a_change(before: str, after: str, details: list[str]) -> None:
    assert named_unit_changes(before, after) == details


def test_a_named_unit_change_is_reported_as_a_number_change() -> None:
    changes = compare_texts("Set the interval in hours.", "Set the interval in days.")
    assert [(c.kind, c.detail) for c in changes] == [("number", "unit hours → days")]
