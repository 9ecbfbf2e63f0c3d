"""Claims a side makes both ways around a clause kept word for word, returns ("get X back"), bypassing verbs,
relative clauses after a quantifier and double negations past a list (session 10)."""

from __future__ import annotations

import pytest

from promptops.change_checks import compare_texts


def _negations(before: str, after: str) -> list[str]:
    return [c.detail for c in compare_texts(before, after) if c.kind in ("negation", "antonym", "condition")]


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # a clause both sides say word for word makes neither side look mixed: the clause that changed is compared
        (
            "You may park bicycles in the courtyard, but scooters are not allowed.",
            "You may park bicycles in the courtyard, and scooters are allowed as well.",
            True,
        ),
        (
            "With restart set to always, the service is restarted if it crashes, but left alone if it exits cleanly.",
            "With restart set to always, the service is not restarted if it crashes, and is left alone if it exits "
            "cleanly.",
            True,
        ),
        # ... and the rest reworded keeps its polarity
        (
            "You may park bicycles in the courtyard, but scooters are not allowed.",
            "You may park bicycles in the courtyard, while scooters are banned.",
            False,
        ),
        (
            "With restart set to always, the service is restarted if it crashes, but left alone if it exits cleanly.",
            "With restart set to always, the service gets restarted when it crashes and is left alone when it exits "
            "cleanly.",
            False,
        ),
    ],
)
def test_a_clause_kept_word_for_word_does_not_hide_a_flip(before: str, after: str, changed: bool) -> None:
    assert bool(_negations(before, after)) == changed


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # "only offered for X, not for Y": the elided predicate is "offered" past "only", and "orders" (the noun
        # "online" describes, said both ways on the other side) says nothing of which orders kept it
        (
            "Gift wrapping is offered for online orders as well as for orders placed in the shop.",
            "Gift wrapping is only offered for orders placed in the shop, not for online orders.",
            True,
        ),
        (
            "Gift wrapping is only offered for shop orders, not for online orders.",
            "Gift wrapping is offered for shop orders but not for online orders.",
            False,
        ),
    ],
)
def test_a_predicate_denied_of_one_object_after_only(before: str, after: str, changed: bool) -> None:
    assert bool(_negations(before, after)) == changed


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # "won't get X back" denies the return, not X
        ("The £20 key deposit is non-refundable.", "You won't get the £20 key deposit back.", False),
        (
            "The season pass is non-refundable, but you can pause it for a month.",
            "You won't get the season pass money back, though it can be paused for a month.",
            False,
        ),
        # the return itself still flips
        (
            "Tenants get the key deposit back at the end of the lease.",
            "Tenants don't get the key deposit back at the end of the lease.",
            True,
        ),
    ],
)
def test_getting_something_back_is_said_of_its_return(before: str, after: str, changed: bool) -> None:
    assert bool(_negations(before, after)) == changed


def test_a_return_denied_names_its_words() -> None:
    assert _negations("Tenants get their deposit back.", "Tenants don't get their deposit back.") == [
        "negation added: don't get their deposit back"
    ]


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # a relative clause after a quantified noun says which ones, as a condition does
        (
            "If you object to any fines, you can appeal to the library board.",
            "Any fines you don't accept can be appealed to the library board.",
            False,
        ),
        # the main clause still flips
        ("Any bags you check in are weighed at the desk.", "Any bags you check in are not weighed at the desk.", True),
    ],
)
def test_a_relative_clause_after_a_quantifier_is_a_condition(before: str, after: str, changed: bool) -> None:
    assert bool(_negations(before, after)) == changed


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # "bypass X" = "skip X": X does not apply, softly (it is still there)
        ("Admins always bypass the approval queue.", "Admins always skip the approval queue.", False),
        (
            "Admins bypass the quotas unless strict mode is on.",
            "Quotas do nothing for admins unless strict mode is on.",
            False,
        ),
        ("Take the bypass round the village.", "Take the ring road round the village.", False),
        # the denying verb itself can be denied
        ("Owners skip the review step.", "Owners don't skip the review step.", True),
        ("Service accounts bypass rate limits.", "Service accounts do not bypass rate limits.", True),
    ],
)
def test_bypassing_sets_aside_what_it_bypasses(before: str, after: str, changed: bool) -> None:
    assert bool(_negations(before, after)) == changed


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # "cannot X, Y or Z without a permit" = "need a permit to X, Y or Z": the negation distributes over the list
        (
            "Kayaks cannot be launched, moored or stored without a permit.",
            "You need a permit before putting a kayak in the water, tying one up or keeping one here.",
            False,
        ),
        (
            "Listed buildings cannot be altered, extended or demolished without consent.",
            "Listed buildings can be altered, extended or demolished without consent.",
            True,
        ),
    ],
)
def test_a_double_negation_reaches_past_a_list(before: str, after: str, changed: bool) -> None:
    assert bool(_negations(before, after)) == changed
