"""Obligations lifted or imposed: "must be accompanied" → "don't need to be accompanied"."""

from __future__ import annotations

import pytest

from promptops.change_checks import compare_texts
from promptops.obligations import obligation_changes


@pytest.mark.parametrize(
    ("before", "after", "line"),
    [
        (
            "Guests must be accompanied by a member at all times.",
            "Guests don't need to be accompanied by a member.",
            "obligation lifted: must be accompanied → don't need to be accompanied",
        ),
        ("You have to sign the form.", "You needn't sign the form.", "obligation lifted: have to sign → needn't sign"),
        (
            "Students are not required to attend the review session.",
            "Students must attend the review session.",
            "obligation imposed: not required to attend → must attend",
        ),
        (
            "There is no need to restart the router.",
            "You should restart the router.",
            "obligation imposed: no need to restart → should restart",
        ),
    ],
)
def test_an_obligation_lifted_or_imposed_is_a_change(before: str, after: str, line: str) -> None:
    assert obligation_changes(before, after) == [line]
    assert line in [c.detail for c in compare_texts(before, after) if c.kind == "negation"]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # the same obligation said with another modal
        ("Guests must be accompanied by a member.", "Guests have to be accompanied by a member."),
        ("You must renew the permit every year.", "You are required to renew the permit every year."),
        # freed on both sides
        ("You don't need to bring a printed ticket.", "There is no need to bring a printed ticket."),
        # a prohibition obliges nothing about the action: left to the claim check
        ("You must not smoke on the platform.", "You don't have to smoke on the platform."),
        # another action is freed
        ("You must sign the form, but you don't need to date it.", "Sign the form; dating it is not needed."),
    ],
)
def test_the_same_obligation_reworded_is_no_obligation_change(before: str, after: str) -> None:
    assert obligation_changes(before, after) == []


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # "nothing you need to bring" frees what "you don't need to bring anything" frees
        ("You don't need to bring any tools.", "Tools are supplied, so there's nothing you need to bring."),
        ("You don't have to sign anything today.", "There is nothing that you have to sign today."),
        ("There is no need to print the ticket.", "There's nothing you must print; the ticket is on your phone."),
    ],
)
def test_an_object_denied_before_the_modal_frees_the_action(before: str, after: str) -> None:
    assert obligation_changes(before, after) == []


def test_an_obligation_lifted_by_nothing_before_the_modal_is_a_change() -> None:
    assert obligation_changes("You must bring your own helmet.", "There's nothing you need to bring.") == [
        "obligation lifted: must bring → nothing you need to bring"
    ]
    # "nothing" in another clause frees nothing
    assert obligation_changes(
        "You don't need to bring a helmet.", "Nothing is provided: you need to bring a helmet."
    ) == ["obligation imposed: don't need to bring → need to bring"]


@pytest.mark.parametrize(
    ("before", "after", "line"),
    [
        # an imperative obliges its action, of its object: "thin it" against "you don't need to thin it"
        (
            "The glaze is runny, so thin it with water before dipping the mug.",
            "The glaze is runny, so you don't need to thin it with water before dipping the mug.",
            "obligation lifted: thin → don't need to thin",
        ),
        (
            "Label each sample tube before freezing it.",
            "There's no need to label each sample tube before freezing it.",
            "obligation lifted: label → no need to label",
        ),
        (
            "First, register the bike at the front desk.",
            "You don't need to register the bike at the front desk.",
            "obligation lifted: register → don't need to register",
        ),
    ],
)
def test_an_imperative_freed_on_the_other_side_is_an_obligation_lifted(before: str, after: str, line: str) -> None:
    assert obligation_changes(before, after) == [line]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # the imperative said with a modal
        ("Label each sample tube before freezing it.", "Each sample tube must be labelled before it is frozen."),
        # another object is freed: "bring your boarding pass" and "no need to bring the booking email"
        (
            "Bring your boarding pass to the gate. You don't need to bring the booking email.",
            "Have your boarding pass ready at the gate; there's no need to bring the booking email.",
        ),
        (
            "Bring your boarding pass to the gate.",
            "Keep your boarding pass handy; there's no need to bring the booking email.",
        ),
    ],
)
def test_an_imperative_kept_or_another_object_freed_is_no_obligation_change(before: str, after: str) -> None:
    assert obligation_changes(before, after) == []


@pytest.mark.parametrize(
    ("before", "after", "lines"),
    [
        # "need" before a gerund says "need to be" + its participle
        (
            "The gutters are blocked and must be cleared before winter.",
            "The gutters are clear and don't need clearing before winter.",
            ["obligation lifted: must be cleared → don't need clearing"],
        ),
        (
            "The piano doesn't need tuning this year.",
            "The piano has to be tuned this year.",
            ["obligation imposed: doesn't need tuning → has to be tuned"],
        ),
        # an "-ing" word describing the noun after it is no action ("planning permission"), nor is "something"
        ("The shed will need planning permission.", "The shed won't need planning permission.", []),
        ("You must bring something to eat.", "You don't need something to eat.", []),
    ],
)
def test_needing_a_gerund_is_an_obligation(before: str, after: str, lines: list[str]) -> None:
    assert obligation_changes(before, after) == lines
