"""Numbers, dates and currencies said in other words: ISO dates replaced, CSS lengths, currencies named without an
amount, a pair said by the noun it implies, a zero share said by "no", times a day restated as clock times, a
duration after a comma, and "the first" said by "original"."""

from __future__ import annotations

import pytest

from promptops.change_checks import compare_texts


def _details(before: str, after: str) -> list[str]:
    return [c.detail for c in compare_texts(before, after)]


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        # an ISO date whose numbers both sides keep, in another order
        (
            "The invoice falls due on 2027-05-08, so the reminder goes out a week earlier.",
            "The invoice falls due on 2027-08-05, so the reminder goes out a week earlier.",
            ["date 2027-05-08 → 2027-08-05"],
        ),
        (
            "The backup ran at 2024-11-02 03:00 without errors.",
            "The backup ran at 2024-02-11 03:00 without errors.",
            ["date 2024-11-02 → 2024-02-11"],
        ),
        # a CSS length in another unit
        (
            "Give the sidebar a padding of 2rem on wide screens.",
            "Give the sidebar a padding of 2em on wide screens.",
            ["unit rem → em"],
        ),
        (
            "The banner is 40vh tall on phones.",
            "The banner is 40vw tall on phones.",
            ["unit vh → vw"],
        ),
        # a currency named without an amount replaced by another
        (
            "Your refund is paid back in Australian dollars within five days.",
            "Your refund is paid back in New Zealand dollars within five days.",
            ["currency Australian dollars → New Zealand dollars"],
        ),
        (
            "All tickets on the site are priced in euros.",
            "All tickets on the site are priced in Swiss francs.",
            ["currency euros → Swiss francs"],
        ),
    ],
)
def test_dates_units_and_currencies_replaced(before: str, after: str, expected: list[str]) -> None:
    assert [d for d in _details(before, after) if not d.startswith("entity")] == expected


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # the same currency with or without its country, or in other words
        (
            "Wages are transferred in US dollars every month.",
            "Wages are transferred in dollars every month.",
        ),
        (
            "Wages are transferred in US dollars every month.",
            "Wages are transferred in American dollars every month.",
        ),
        # a CSS length in another spacing is the same length
        ("Leave a 12px gap under the logo.", "Leave a 12 px gap under the logo."),
        # "between the two" pairs what "between" already does
        (
            "Slide the shim between the boards before you screw them down.",
            "Slide the shim between the two boards before you screw them down.",
        ),
        # a pair of things is two of them
        (
            "The form needs a matching pair of signatures at the bottom.",
            "The form needs two matching signatures at the bottom.",
        ),
        # a zero share is what "no" before its noun says
        (
            "Members pay 0% commission on their first ten trades.",
            "Members pay no commission on their first ten trades.",
        ),
        # times a day restated as that many clock times each day
        (
            "The greenhouse is watered twice a day, at 7 am and 6 pm.",
            "The greenhouse is watered at 7 am and 6 pm every day.",
        ),
        # a duration after a comma is no rate of the count before it
        (
            "Book four lessons, spaced two weeks apart.",
            "Book four lessons, a fortnight apart.",
        ),
        # "the first" of a series of repeats is what "the original" says
        (
            "Resubmitting the form will not open a second ticket; the desk answers with the original reply.",
            "Resubmitting the form won't open another ticket, and the desk answers with the same reply as the first.",
        ),
    ],
)
def test_quantities_said_in_other_words(before: str, after: str) -> None:
    assert [d for d in _details(before, after) if d.startswith(("number", "date", "unit", "currency"))] == []


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        # a zero share against "no" before another noun, or against another share
        ("Members pay 0% commission on trades.", "Members pay no fee on trades.", "number 0% removed"),
        # times a day against other clock times, or without "each day"
        (
            "The greenhouse is watered three times a day, at 7 am and 6 pm.",
            "The greenhouse is watered at 7 am and 6 pm every day.",
            "number 3× removed",
        ),
        # a count per period is still a rate
        ("Book four lessons, spaced two weeks apart.", "Book four lessons a fortnight.", "number 2 removed"),
    ],
)
def test_quantities_still_changed(before: str, after: str, expected: str) -> None:
    assert expected in _details(before, after)
