"""Two steps whose order was reversed: "brush before applying the gel" → "once you've applied the gel, brush"."""

from __future__ import annotations

import pytest

from promptops.change_checks import compare_texts
from promptops.step_order import order_changes


@pytest.mark.parametrize(
    ("before", "after", "line"),
    [
        (
            "Brush your teeth before applying the fluoride gel.",
            "Once you've applied the fluoride gel, brush your teeth.",
            "order of steps reversed: brush before applying → applied before brush",
        ),
        (
            "Rinse the rice, then cook it.",
            "Cook the rice, then rinse it.",
            "order of steps reversed: rinse before cook → cook before rinse",
        ),
        (
            "Back up the database before upgrading the server.",
            "Upgrade the server, then back up the database.",
            "order of steps reversed: back before upgrading → upgrade before back",
        ),
        (
            "After you unplug the printer, open the cover.",
            "Open the cover before you unplug the printer.",
            "order of steps reversed: unplug before open → open before unplug",
        ),
    ],
)
def test_two_steps_in_reversed_order_are_a_change(before: str, after: str, line: str) -> None:
    assert order_changes(before, after) == [line]
    assert line in [c.detail for c in compare_texts(before, after) if c.kind == "order"]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # the same order said from the other end
        ("Brush your teeth before applying the fluoride gel.", "Apply the fluoride gel after brushing your teeth."),
        ("Before you leave, lock the door.", "Lock the door before leaving."),
        ("Rinse the rice, then cook it.", "Once the rice is rinsed, cook it."),
        ("Preheat the oven, then bake the bread.", "Bake the bread after you preheat the oven."),
        # "before" of time, not of steps
        (
            "Do not eat after 10 pm the night before surgery.",
            "Stop eating at 10 pm on the evening before the operation.",
        ),
    ],
)
def test_the_same_order_said_another_way_is_no_change(before: str, after: str) -> None:
    assert order_changes(before, after) == []
