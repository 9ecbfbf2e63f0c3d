"""Changes of meaning that keep every word's kind: values traded between slots, a move reversed, two phrases of a
noun and its modifier exchanged, the ends of a scale (difficulty, a drink's sweetness, past and future) swapped, a
torque in another unit, and a flip inside a "once" clause against one inside a "when" clause."""

from __future__ import annotations

import pytest

from promptops.change_checks import compare_texts


def _details(before: str, after: str) -> list[str]:
    return [c.detail for c in compare_texts(before, after)]


@pytest.mark.parametrize(
    ("before", "after", "line"),
    [
        (
            "The default page size changed from 50 to 100 in version 3.",
            "In version 3, the default page size changed from 100 to 50.",
            "values traded: from 50 to 100 → from 100 to 50",
        ),
        (
            "Test coverage improved from 71% to 84% this sprint.",
            "This sprint, test coverage slipped from 84% to 71%.",
            "values traded: from 71% to 84% → from 84% to 71%",
        ),
    ],
)
def test_a_move_between_two_amounts_reversed_is_a_change(before: str, after: str, line: str) -> None:
    assert line in _details(before, after)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Membership grew from 120 to 180 over the season.", "Over the season, membership rose to 180 from 120."),
        ("Membership grew from 120 to 180 over the season.", "Membership went up from 120 to 180 this season."),
    ],
)
def test_the_same_move_in_other_words_is_no_trade(before: str, after: str) -> None:
    assert not [d for d in _details(before, after) if d.startswith("values traded")]


def test_two_long_phrases_exchanged_around_a_one_way_relation_are_swapped() -> None:
    before = "Settings read from the project file override those passed on the command line."
    after = "Settings passed on the command line override those read from the project file."
    assert any(d.startswith("phrases swapped:") for d in _details(before, after))


@pytest.mark.parametrize(
    ("before", "after", "line"),
    [
        (
            "The north face is the harder climb, so most groups start on the ridge.",
            "The north face is the easier climb, so most groups start on the ridge.",
            "antonym harder → easier",
        ),
        (
            "Question 7 was the easiest on the paper, according to the examiners.",
            "Question 7 was the hardest on the paper, according to the examiners.",
            "antonym easiest → hardest",
        ),
        (
            "Our house cider is dry and lightly sparkling.",
            "Our house cider is sweet and lightly sparkling.",
            "antonym dry → sweet",
        ),
        (
            "The delivery date on the order is in the future, so it can still be changed.",
            "The delivery date on the order is in the past, so it can still be changed.",
            "antonym future → past",
        ),
    ],
)
def test_the_two_ends_of_a_scale_swapped_are_a_change(before: str, after: str, line: str) -> None:
    assert line in _details(before, after)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Press harder on the pedal to brake.", "Push the pedal harder to brake."),
        ("Store the flour in a dry cupboard.", "Keep the flour in a cupboard that stays dry."),
        ("Past orders are listed under Account.", "Your previous orders are listed under Account."),
        ("Check future bookings under Trips.", "Upcoming bookings are listed under Trips."),
    ],
)
def test_a_scale_word_said_again_or_reworded_is_no_change(before: str, after: str) -> None:
    assert not [d for d in _details(before, after) if d.startswith("antonym")]


@pytest.mark.parametrize(
    ("before", "after", "line"),
    [
        ("Tighten the wheel nuts to 80 lb·ft.", "Tighten the wheel nuts to 80 N·m.", "unit lb·ft → N·m"),
        ("Tighten the sump plug to 25 Nm.", "Tighten the sump plug to 25 ft-lbs.", "unit N·m → lb·ft"),
        ("Set the driver to 20 in-lb.", "Set the driver to 20 N·m.", "unit in·lb → N·m"),
    ],
)
def test_a_torque_in_another_unit_is_a_change(before: str, after: str, line: str) -> None:
    assert line in _details(before, after)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Tighten the wheel nuts to 80 lb·ft.", "Tighten the wheel nuts to 108 N·m."),
        ("Tighten the sump plug to 25 Nm.", "Tighten the sump plug to 25 newton-metres."),
        ("Tighten the sump plug to 25 lb-ft.", "Tighten the sump plug to 25 ft-lb."),
    ],
)
def test_the_same_torque_in_another_unit_is_no_change(before: str, after: str) -> None:
    assert _details(before, after) == []


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # "once" opening a clause is "when": both sides are conditions, and they flipped
        (
            "Page the on-call engineer when the error rate climbs above 2%.",
            "Page the on-call engineer once the error rate drops below 2%.",
            True,
        ),
        # "only … once X" says X is needed, which the other side may say as its opposite in a condition
        (
            "Your loan is only released once the surveyor approves the valuation.",
            "If the surveyor rejects the valuation, your loan won't be released.",
            False,
        ),
        # "once" counting says nothing of a condition
        ("Clean the filter once a month.", "Clean the filter monthly.", False),
        ("Run the backup at once.", "Run the backup immediately.", False),
    ],
)
def test_once_opening_a_clause_is_a_condition(before: str, after: str, changed: bool) -> None:
    assert bool([d for d in _details(before, after) if d.startswith("antonym")]) is changed


@pytest.mark.parametrize(
    ("before", "after", "line"),
    [
        (
            "The ferry carries bicycles as well as cars.",
            "Cars are carried on the ferry, but bicycles are not.",
            "negation added: not carried bicycles",
        ),
        (
            "The clinic treats cats as well as dogs.",
            "Dogs are treated at the clinic, but cats are not.",
            "negation added: not treated cats",
        ),
    ],
)
def test_a_predicate_left_out_is_denied_of_the_subject_of_its_clause(before: str, after: str, line: str) -> None:
    assert line in _details(before, after)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "The cleanup job removes any rows that were deleted upstream.",
            "The cleanup job deletes any rows that were removed upstream.",
        ),
        (
            "Start the backup with restic backup --one-file-system --exclude-caches --verbose /home.",
            "Start the backup with restic backup --verbose --exclude-caches --one-file-system /home.",
        ),
    ],
)
def test_synonyms_or_command_options_trading_places_are_no_swap(before: str, after: str) -> None:
    assert not [d for d in _details(before, after) if d.startswith("phrases swapped:")]


def test_two_different_verbs_trading_places_are_still_swapped() -> None:
    before = "The cleanup job archives any rows that were deleted upstream."
    after = "The cleanup job deletes any rows that were archived upstream."
    assert any(d.startswith("phrases swapped:") for d in _details(before, after))
