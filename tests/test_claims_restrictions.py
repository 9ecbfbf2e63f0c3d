"""Restrictions, exemptions and lifted duties said with or without a negation (the sigma/tundra round)."""

from __future__ import annotations

import pytest

from promptops.change_checks import compare_texts
from promptops.polarity_changes import polarity_changes


def _negations(before: str, after: str) -> list[str]:
    return [c.detail for c in compare_texts(before, after) if c.kind in ("negation", "antonym", "condition")]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "The backup job only runs when the disk has been idle for an hour.",
            "Unless the disk has been idle for an hour, the backup job never runs.",
        ),
        (
            "The dishwasher starts only if the door is latched.",
            "The dishwasher won't start unless the door is latched.",
        ),
        (
            "The gym only opens the pool when a lifeguard is on duty.",
            "The gym never opens the pool unless a lifeguard is on duty.",
        ),
    ],
)
def test_not_x_unless_y_says_x_only_if_y(before: str, after: str) -> None:
    assert _negations(before, after) == []


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("The dishwasher won't start unless the door is latched.", "The dishwasher starts unless the door is latched."),
        ("The backup job only runs when the disk is idle.", "The backup job runs unless the disk is idle."),
        ("The gym never opens the pool unless a lifeguard is on duty.", "The gym never opens the pool."),
    ],
)
def test_a_restriction_dropped_or_turned_round_is_still_a_change(before: str, after: str) -> None:
    assert compare_texts(before, after)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "Students get the first lesson free. After that, lessons cost £20 for an hour.",
            "Students pay nothing for the first lesson; after that, an hour's lesson costs £20.",
        ),
        (
            "Residents park free of charge in the square, but visitors pay the hourly rate.",
            "Residents can park in the square without paying, whereas visitors pay the hourly rate.",
        ),
        (
            "Volunteers never pay for the training; the charity covers it.",
            "The training is paid for by the charity, and volunteers are never charged for it.",
        ),
    ],
)
def test_free_said_as_paying_nothing_or_without_paying_is_no_change(before: str, after: str) -> None:
    assert polarity_changes(before, after) == []


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Residents park free of charge in the square.", "Residents pay to park in the square."),
        ("Volunteers never pay for the training.", "Volunteers pay for the training."),
        ("Children under five travel without paying.", "Children under five have to pay."),
    ],
)
def test_free_against_paying_is_a_change(before: str, after: str) -> None:
    assert polarity_changes(before, after)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "The scanner files each receipt automatically, so there's no need to do it by hand.",
            "You don't have to file receipts by hand: the scanner does it automatically.",
        ),
        (
            "The app sends your meter reading every night, so there is no need to submit one.",
            "You don't have to send a meter reading; the app submits one every night.",
        ),
    ],
)
def test_a_lifted_duty_does_not_deny_the_action(before: str, after: str) -> None:
    assert _negations(before, after) == []


def test_a_denied_action_still_flips() -> None:
    assert polarity_changes("The thermostat sends a reading hourly.", "The thermostat doesn't send a reading.")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "Only dry paper and cardboard go in the blue bin. Please keep glass and food waste out.",
            "The blue bin is for dry paper and cardboard only. No glass or food waste, please.",
        ),
        ("Keep pets out of the kitchen.", "No pets in the kitchen."),
    ],
)
def test_keeping_something_out_denies_it(before: str, after: str) -> None:
    assert _negations(before, after) == []


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "This role doesn't let interns merge pull requests; they can comment only.",
            "With this role interns can comment, and they can also merge pull requests.",
        ),
        (
            "The lease doesn't allow tenants to sublet the flat.",
            "Tenants can sublet the flat under the lease.",
        ),
        (
            "You won't be able to swim for a day after the injection.",
            "The injection won't stop you swimming afterwards.",
        ),
        (
            "With a day pass you can use the sauna and borrow a towel, but you can't book classes.",
            "Once you have a day pass you can use the sauna, but you can't borrow a towel or book classes.",
        ),
        (
            "Opened software can be returned for a full refund within 14 days.",
            "Opened software is non-refundable, even within 14 days.",
        ),
    ],
)
def test_a_permission_turned_round_in_other_words_is_a_flip(before: str, after: str) -> None:
    assert polarity_changes(before, after)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "This role doesn't let interns merge pull requests.",
            "Interns can't merge pull requests with this role.",
        ),
        (
            "You won't be able to swim for a day after the injection.",
            "Don't swim for a day after the injection.",
        ),
        (
            "The injection won't stop you swimming afterwards.",
            "You can swim after the injection.",
        ),
        (
            "Opened software is non-refundable.",
            "Opened software can't be refunded.",
        ),
    ],
)
def test_a_permission_said_in_other_words_is_no_change(before: str, after: str) -> None:
    assert polarity_changes(before, after) == []


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "The loading bay stays open except when a delivery is being unloaded.",
            "The loading bay stays open only when a delivery is being unloaded.",
        ),
        ("The alarm sounds unless the door is unlocked.", "The alarm sounds only if the door is unlocked."),
    ],
)
def test_an_exception_turned_into_a_restriction_is_a_change(before: str, after: str) -> None:
    assert compare_texts(before, after)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "The loading bay stays open except when a delivery is being unloaded.",
            "Unless a delivery is being unloaded, the loading bay stays open.",
        ),
        ("The alarm never sounds unless the door is unlocked.", "The alarm sounds only if the door is unlocked."),
    ],
)
def test_an_exception_reworded_is_no_change(before: str, after: str) -> None:
    assert _negations(before, after) == []


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "By default the printer prints in colour, and you don't need to change any setting.",
            "By default the printer doesn't print in colour unless you change the setting.",
        ),
        ("Taking ibuprofen doesn't stop you from driving.", "Taking ibuprofen stops you from driving."),
        ("Guests must be escorted in the lab by staff.", "Staff do not have to be in the lab with guests."),
    ],
)
def test_a_restriction_or_prevention_against_a_plain_claim_is_still_a_flip(before: str, after: str) -> None:
    assert polarity_changes(before, after)


def test_nothing_before_a_relative_clause_still_denies() -> None:
    assert (
        polarity_changes(
            "You don't need to bring any food; lunch is provided.",
            "Lunch is provided, so there's nothing you need to bring.",
        )
        == []
    )


def _flags(before: str, after: str) -> list[str]:
    return [c.detail for c in compare_texts(before, after)]


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # "skip X" denies X as "avoid X" does; "skip to X" moves on to X and denies nothing
        (
            "Keep the bandage dry and avoid swimming for three days.",
            "Keep the dressing dry, and skip swimming for the next three days.",
            False,
        ),
        ("You can skip to the quiz once the video ends.", "Once the video ends, go to the quiz.", False),
        ("Skip dessert before the fasting blood test.", "Eat dessert before the fasting blood test.", True),
    ],
)
def test_skipping_denies_what_it_skips(before: str, after: str, changed: bool) -> None:
    assert bool(_negations(before, after)) == changed


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # a bound whose side is denied = "only" the other side of the bound
        ("Riders under 140 cm can't go on the coaster.", "Only riders 140 cm or taller can go on the coaster.", False),
        (
            "The hostel isn't open to guests younger than 18.",
            "The hostel is only open to guests aged 18 and older.",
            False,
        ),
        # still a change: the same side allowed, or the denial lifted without "only"
        ("Riders under 140 cm can't go on the coaster.", "Only riders under 140 cm can go on the coaster.", True),
        ("Riders under 140 cm can't go on the coaster.", "Riders under 140 cm can go on the coaster.", True),
    ],
)
def test_a_bound_denied_is_only_the_other_side_of_it(before: str, after: str, changed: bool) -> None:
    assert bool(_negations(before, after)) == changed


def test_a_bound_said_the_other_way_still_has_its_number_compared() -> None:
    assert _flags(
        "Riders under 140 cm can't go on the coaster.", "Only riders 150 cm or taller can go on the coaster."
    ) == ["number 140 → 150"]


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # punctuation inside inline code ends no clause: the gerund before it is still the negated subject
        (
            "In read-only mode you can't call `save()` on the document.",
            "Calling `save()` on the document isn't possible in read-only mode.",
            False,
        ),
        (
            "In read-only mode you can't call `save()` on the document.",
            "In read-only mode you can call `save()` on the document.",
            True,
        ),
    ],
)
def test_inline_code_ends_no_clause(before: str, after: str, changed: bool) -> None:
    assert bool(_negations(before, after)) == changed


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # "don't need to X" and "need to Y" are two obligations of two actions
        (
            "First-time visitors don't need to register, but we ask you to sign the guest book.",
            "There's no registration for first-time visitors; you just need to sign the guest book.",
            False,
        ),
        # the same action (or its object) obliged on one side and freed on the other is still a flip
        ("You need to register before the tour.", "You don't need to register before the tour.", True),
        ("You need to pay a deposit.", "You don't need to put down a deposit.", True),
    ],
)
def test_needing_two_actions_is_no_flip(before: str, after: str, changed: bool) -> None:
    assert bool(_negations(before, after)) == changed


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # one transaction said from its two sides: the passive of one verb against the active of its converse
        ("Bait can be bought at the harbour office.", "The harbour office sells bait.", False),
        ("Bikes can be borrowed from the community hub.", "The community hub lends bikes.", False),
        # still a flip: both active, or both passive
        ("The harbour office buys used nets.", "The harbour office sells used nets.", True),
        ("Bait can be bought at the harbour office.", "Bait can be sold at the harbour office.", True),
    ],
)
def test_a_converse_verb_in_the_other_voice_is_no_flip(before: str, after: str, changed: bool) -> None:
    assert bool(_negations(before, after)) == changed


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # what follows "before" is the next step, not what the predicate is said of
        (
            "Rooms in the hostel are cleaned in order; each must be empty before the next is prepared.",
            "The hostel prepares rooms one at a time, waiting for each to be empty before cleaning the next.",
            False,
        ),
        (
            "The policy covers theft but excludes flood damage.",
            "The policy covers flood damage but excludes theft.",
            True,
        ),
    ],
)
def test_a_predicate_before_a_step_is_not_said_of_the_step(before: str, after: str, changed: bool) -> None:
    assert bool([d for d in _flags(before, after) if d.startswith("predicates swapped")]) == changed


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # an infinitive of purpose opening a sentence ("To X, do Y") states a goal, not that X can be done
        (
            "Season tickets can't be upgraded in the app; visit the box office at least a week before the match.",
            "To upgrade a season ticket, go to the box office no later than a week before the match, because the "
            "app does not handle this.",
            False,
        ),
        (
            "Parking permits can't be extended online; bring your permit to the council office.",
            "To extend a parking permit, bring it to the council office, since the website does not offer this.",
            False,
        ),
        # still a flip: the claim said outright on both sides, or a goal against another goal
        ("Season tickets can be upgraded in the app.", "Season tickets can't be upgraded in the app.", True),
        ("To enable sync, open Settings.", "To disable sync, open Settings.", True),
    ],
)
def test_a_purpose_opening_a_sentence_is_a_goal(before: str, after: str, changed: bool) -> None:
    assert bool(_negations(before, after)) == changed


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # "speed up" says "faster": a side saying "slowly" and "speed up" of two stages says both
        (
            "Knead the dough slowly at first, then speed up once it comes together.",
            "Start kneading gently, and knead faster once the dough comes together.",
            False,
        ),
        ("Once the path is clear, speed up.", "Once the path is clear, slow down.", True),
        ("Caching will speed up the page.", "Caching will not speed up the page.", True),
    ],
)
def test_speeding_up_is_going_faster(before: str, after: str, changed: bool) -> None:
    assert bool(_negations(before, after)) == changed


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # "you're welcome to X" permits X, as "you are welcome to X" does
        (
            "Food is not allowed in the reading room, as crumbs attract pests. You're welcome to eat in the café.",
            "Please keep food out of the reading room, since crumbs draw pests. Eating in the café is fine, and you "
            "can buy snacks there.",
            False,
        ),
        (
            "Drones are not permitted over the festival site, as they can distract performers. You're welcome to "
            "film from the ground.",
            "Please keep your drone grounded over the festival, since it can distract performers. Filming from the "
            "ground is fine, and you can share clips with us.",
            False,
        ),
        ("You're welcome to bring a guest.", "Guests are not allowed.", True),
        ("You're welcome to bring a guest.", "You're not allowed to bring a guest.", True),
    ],
)
def test_a_contracted_welcome_permits(before: str, after: str, changed: bool) -> None:
    assert bool(_negations(before, after)) == changed


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # a gerund opening its clause as the subject of a verb acting on an object is a condition ("if you add …")
        (
            "The playlist keeps up to fifty songs; saving another deletes the oldest one.",
            "Fifty songs are kept, and adding one more drops the song that was saved first.",
            False,
        ),
        # still a flip: a condition against another condition, or a gerund before "be" (what the clause is about)
        ("Adding a tag triggers a build.", "Removing a tag triggers a build.", True),
        ("Parking on the verge is allowed.", "You can't park on the verge.", True),
        ("Pulling the image from the registry succeeds.", "The image cannot be pulled from the registry.", True),
    ],
)
def test_a_gerund_subject_acting_on_an_object_is_a_condition(before: str, after: str, changed: bool) -> None:
    assert bool(_negations(before, after)) == changed


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # "with X disabled", "keep X switched off": X is denied, softly, as "without X" denies it
        (
            "This build was made without GPU support, so it never touches CUDA.",
            "Since the build was compiled with GPU support disabled, it doesn't use CUDA.",
            False,
        ),
        (
            "The lab runs its experiments without the fume hood fan, which keeps vibration low.",
            "Experiments are run with the fume hood fan switched off, which keeps vibration low.",
            False,
        ),
        # still a flip: disabled against enabled, or "without X" against X switched on
        ("Run the tests with caching disabled.", "Run the tests with caching enabled.", True),
        ("Run the tests without caching.", "Run the tests with caching turned on.", True),
        ("Run the tests without caching.", "Run the tests with caching.", True),
    ],
)
def test_what_is_switched_off_is_denied(before: str, after: str, changed: bool) -> None:
    assert bool(_negations(before, after)) == changed


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # a state said by the moment it ends: "before X dries" = "while X is still wet"
        (
            "Shape the clay rim while the pot is still damp, or it will crack.",
            "Shape the clay rim before the pot dries out, or it will crack.",
            False,
        ),
        ("Pack up the tents while it is still light.", "Pack up the tents before it gets dark.", False),
        ("Glaze the buns while they are still warm.", "Glaze the buns before they cool.", False),
        # still a flip: the opposite state, or two moments that end opposite states
        ("Glaze the buns while they are still warm.", "Glaze the buns once they are cold.", True),
        ("Pack up the tents before it gets dark.", "Pack up the tents before it gets light.", True),
    ],
)
def test_a_state_said_by_the_moment_it_ends(before: str, after: str, changed: bool) -> None:
    assert bool(_negations(before, after)) == changed


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # "steer clear of", "stay away from", "keep clear of" deny what follows, as "avoid" does
        ("Avoid sugary drinks before the blood test.", "Steer clear of sugary drinks before the blood test.", False),
        ("Keep clear of the loading bay during deliveries.", "Avoid the loading bay during deliveries.", False),
        ("Stay away from the marsh after dark.", "Avoid the marsh after dark.", False),
        # a pronoun after them may stand for what the other side avoids
        (
            "Avoid strong perfume on the day of the allergy test, as it can distort the readings.",
            "Strong perfume can distort the readings of the allergy test, so steer clear of it on the day.",
            False,
        ),
        # still a flip: what is steered clear of is sought on the other side
        ("Steer clear of sugary drinks before the blood test.", "Go for sugary drinks before the blood test.", True),
        ("Stay away from the marsh after dark.", "Walk through the marsh after dark.", True),
    ],
)
def test_steering_clear_is_avoiding(before: str, after: str, changed: bool) -> None:
    assert bool(_negations(before, after)) == changed


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # what goes into a place is put there: "never put X in Y" = "X must not go into Y"
        (
            "Glass jars can go in the green crate, but lids must be handed to the volunteer. Never put lids in the "
            "compost heap.",
            "Lids should be given to the volunteer, while glass jars can be placed in the green crate. Lids must not "
            "go into the compost heap.",
            False,
        ),
        ("Never put knives in the dishwasher.", "Knives must not go in the dishwasher.", False),
        # still a flip: what goes in on one side is kept out on the other
        ("Knives can go in the dishwasher.", "Never put knives in the dishwasher.", True),
        ("Never put knives in the dishwasher.", "Knives can go into the dishwasher.", True),
    ],
)
def test_going_into_a_place_is_being_put_there(before: str, after: str, changed: bool) -> None:
    assert bool(_negations(before, after)) == changed


def test_the_fast_claim_copies_equal_the_dataclass_ones() -> None:
    import dataclasses

    from promptops.claim_record import Claim, new_claim, replaced_claim

    made = new_claim("refund", True, "refund", soft=True)
    assert made == Claim("refund", True, "refund", soft=True) and repr(made) == repr(
        Claim("refund", True, "refund", soft=True)
    )
    copied = replaced_claim(made, positive=False, hypothetical=True)
    assert copied == dataclasses.replace(made, positive=False, hypothetical=True)
    assert hash(copied) == hash(dataclasses.replace(made, positive=False, hypothetical=True)) and made.positive
