"""Items dropped from or added to a list inside a sentence that is otherwise still said."""

from __future__ import annotations

import pytest

from promptops.change_checks import compare_texts
from promptops.list_items import list_item_changes


@pytest.mark.parametrize(
    ("before", "after", "line"),
    [
        (
            "For an adult passport renewal, bring your old passport, a recent photo, proof of address and, if your "
            "name has changed, the marriage certificate or court order.",
            "For an adult passport renewal, bring your old passport, a recent photo and proof of address.",
            "list item removed: if your name has changed, the marriage certificate or court order",
        ),
        ("We accept Visa, Mastercard and PayPal.", "We accept Visa and Mastercard.", "list item removed: PayPal"),
        (
            "Our office is open Monday, Tuesday and Friday.",
            "Our office is open Monday and Tuesday.",
            "list item removed: Friday",
        ),
        ("Bring a towel and sunscreen.", "Bring a towel, a hat and sunscreen.", "list item added: a hat"),
    ],
)
def test_an_item_left_out_of_a_list_is_a_change(before: str, after: str, line: str) -> None:
    assert list_item_changes(before, after) == [line]
    assert [c.detail for c in compare_texts(before, after) if c.kind == "list"] == [line]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # the same items in another order or other words
        ("Bring your ID, a pen, and a calculator.", "Bring a pen, your ID and a calculator."),
        ("The kit includes a tent, two poles, and stakes.", "The kit has a tent, two poles and stakes."),
        # an item moved to a sentence of its own
        ("Bring your ID, a pen, and a calculator.", "Bring your ID and a pen. You will also need a calculator."),
        # an aside between commas is no item
        (
            "The store is closed today, unfortunately, and reopens Monday.",
            "The store is closed today and reopens Monday.",
        ),
        ("You can, of course, bring a friend, a partner or a child.", "You can bring a friend, a partner or a child."),
        # a list of examples is not a closed list
        ("Use a strong spice such as cumin, paprika or chilli.", "Use a strong spice such as cumin or paprika."),
        # the first item opens the sentence and is no item that could be left out
        ("Sadly, the shop, the cafe and the gym are closed.", "The shop, the cafe and the gym are closed."),
    ],
)
def test_kept_lists_are_no_change(before: str, after: str) -> None:
    assert list_item_changes(before, after) == []


def test_two_clauses_joined_by_a_comma_and_are_no_list() -> None:
    before = "Collect your keys from the front desk after 3 pm."
    after = "Collect your keys from the front desk after 3 pm, and have a lovely holiday!"
    assert list_item_changes(before, after) == []
    # an Oxford comma still closes a list of three
    assert list_item_changes(
        "Bring your passport, a utility bill, and a bank statement.", "Bring your passport and a bank statement."
    ) == ["list item removed: a utility bill"]


def test_a_fronted_condition_and_its_main_clause_are_no_list() -> None:
    # "If you A and B, C": two actions and the main clause after the condition's comma, not three items
    before = "Clear the cache and restart the app."
    after = "Apologies for that! If you clear the cache and restart the app, it ought to load again."
    assert list_item_changes(before, after) == []


def test_a_list_inside_a_fronted_condition_is_still_read() -> None:
    before = "If you bring your passport, a utility bill and a bank statement, the account opens the same day."
    after = "If you bring your passport and a bank statement, the account opens the same day."
    assert list_item_changes(before, after) == ["list item removed: a utility bill"]
