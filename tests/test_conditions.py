"""Conditions dropped from or added to an otherwise kept statement."""

from __future__ import annotations

import pytest

from promptops.conditions import condition_changes

_REFUND = "You can return items within 30 days for a full refund"


@pytest.mark.parametrize(
    ("before", "after", "line"),
    [
        (
            f"{_REFUND}, provided they are unworn and still have the original tags attached.",
            f"{_REFUND}.",
            "condition removed: provided they are unworn and still have the original tags attached",
        ),
        (
            "All orders ship free.",
            "All orders ship free unless they weigh over 20 kg.",
            "condition added: unless they weigh over 20 kg",
        ),
        (
            "All orders ship free, except furniture and mattresses.",
            "All orders ship free.",
            "condition removed: except furniture and mattresses",
        ),
        (
            "If you haven't completed A2 with us, a placement test is required.",
            "A placement test is required.",
            "condition removed: If you haven't completed A2 with us",
        ),
        (
            "You may keep the laptop as long as you stay enrolled in the course.",
            "You may keep the laptop.",
            "condition removed: as long as you stay enrolled in the course",
        ),
        (
            "The fee is waived only if you pay by direct debit.",
            "The fee is waived.",
            "condition removed: only if you pay by direct debit",
        ),
        (
            "Overtime is paid at 1.5x.",
            "Overtime is paid at 1.5x, subject to manager approval.",
            "condition added: subject to manager approval",
        ),
    ],
)
def test_a_dropped_or_added_condition_is_a_change(before: str, after: str, line: str) -> None:
    assert condition_changes(before, after) == [line]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # the same condition in other words
        (f"{_REFUND}, provided they are unworn and have tags.", f"{_REFUND} as long as they are unworn and have tags."),
        (
            f"{_REFUND}, provided they are unworn and have tags.",
            f"{_REFUND}, as long as nobody has worn them and the labels are on.",
        ),
        # moved to a sentence of its own
        (
            f"{_REFUND}, provided they are unworn and have tags.",
            f"{_REFUND}. Items must be unworn and still have their tags.",
        ),
        (
            "A placement test is required if you haven't completed A2 with us.",
            "If you didn't finish A2 at our school, you'll need to take a placement test first.",
        ),
        (
            "Some sensitivity to cold is normal for a few days; call us if it lasts longer than two weeks.",
            "A little sensitivity to cold for a few days is expected, but contact us if it continues beyond two weeks.",
        ),
        ("Call us if the pain gets worse.", "If the pain gets worse, call us."),
        (
            "If you cancel mid-cycle, you keep access until the end of the current billing period.",
            "Cancelling partway through a billing cycle, you keep access until the period ends.",
        ),
        (
            "Shipments valued under €150 don't pay customs duty.",
            "If the goods are worth less than €150, there's no customs duty to pay.",
        ),
        (
            "The recipe serves four. If you're cooking for eight, double every ingredient.",
            "This makes enough for four people; to feed eight, just double all the ingredients.",
        ),
    ],
)
def test_a_kept_condition_is_no_change(before: str, after: str) -> None:
    assert condition_changes(before, after) == []


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # after an article the marker is a noun, a keyword of code: it opens no condition
        (
            "Commands in an if check or after || are exempt, so the script keeps running.",
            "Commands chained with || or used as a conditional don't stop the script, which keeps running.",
        ),
        (
            "Errors in the except branch are never retried, so the job stops.",
            "The job stops when the error handler itself fails, without another attempt.",
        ),
    ],
)
def test_a_marker_after_an_article_is_a_noun_not_a_condition(before: str, after: str) -> None:
    assert condition_changes(before, after) == []


def test_a_condition_after_a_noun_marker_is_still_read() -> None:
    before = "Lines inside an if block must be indented, if you use Python."
    assert condition_changes(before, "Lines inside an if block must be indented.") == [
        "condition removed: if you use Python"
    ]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # "provided" after a form of "be" is the passive verb "supplied", not "on condition that"
        (
            "Safety goggles are provided free of charge to each student.",
            "Safety goggles are supplied at no cost to every pupil.",
        ),
        ("Fresh towels will be provided by reception.", "Fresh towels will be handed out at the desk."),
    ],
)
def test_provided_after_a_form_of_be_is_a_verb_not_a_condition(before: str, after: str) -> None:
    assert condition_changes(before, after) == []


def test_provided_as_a_condition_is_still_read() -> None:
    before = "Towels are free, provided you bring them back by closing time."
    assert condition_changes(before, "Towels are free.") == [
        "condition removed: provided you bring them back by closing time"
    ]


@pytest.mark.parametrize(
    ("before", "after", "line"),
    [
        (
            "Season tickets can be transferred to a friend, provided the original holder hasn't attended a match yet.",
            "Season tickets can be transferred to a friend, even if the original holder has attended a match already.",
            "condition → concession: provided the original holder hasn't attended a match yet → even if the original "
            "holder has attended a match already",
        ),
        (
            "The studio waives the deposit as long as you book three sessions.",
            "The studio waives the deposit regardless of whether you book three sessions.",
            "condition → concession: as long as you book three sessions → regardless of whether you book three "
            "sessions",
        ),
        (
            "Late entries are accepted even if the coach doesn't sign the form.",
            "Late entries are accepted only if the coach signs the form.",
            "concession → condition: even if the coach doesn't sign the form → only if the coach signs the form",
        ),
    ],
)
def test_a_condition_turned_into_a_concession_is_a_change(before: str, after: str, line: str) -> None:
    assert condition_changes(before, after) == [line]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # the condition reworded, or said as a step
        (
            "Season tickets can be transferred to a friend, provided the original holder hasn't attended a match yet.",
            "Season tickets can be transferred to a friend as long as the original holder has not been to a match yet.",
        ),
        (
            "The studio waives the deposit as long as you book three sessions.",
            "Book three sessions and the studio waives the deposit.",
        ),
        # a concession beside the condition kept: the condition still restricts
        (
            "Late entries are accepted only if the coach signs the form.",
            "Late entries are accepted, but only if the coach signs the form, even if it's after the deadline.",
        ),
    ],
)
def test_a_condition_kept_beside_or_instead_of_a_concession_is_no_change(before: str, after: str) -> None:
    assert condition_changes(before, after) == []


def test_a_condition_said_as_an_absolute_clause_is_kept_by_an_if_clause() -> None:
    # "weather permitting" says "if the weather permits": an "if" clause on the other side may reword it
    before = "We will tour the old harbour after lunch, weather permitting."
    after = "If the forecast stays dry, we will tour the old harbour after lunch."
    assert condition_changes(before, after) == []
    # without it, the "if" clause is a condition added
    assert condition_changes("We will tour the old harbour after lunch.", after) == [
        "condition added: If the forecast stays dry"
    ]
