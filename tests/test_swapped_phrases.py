"""Two plain noun phrases of one sentence that traded places while every other word stayed."""

from __future__ import annotations

import pytest

from promptops.swapped_phrases import swapped_phrases


@pytest.mark.parametrize(
    ("before", "after", "swap"),
    [
        (
            "Retries from the API gateway overloaded the auth service, which then started timing out.",
            "Retries from the auth service overloaded the API gateway, which then started timing out.",
            "api gateway ↔ auth service",
        ),
        (
            "The series is included in your plan, but the movie has to be rented separately for $3.99.",
            "The movie is included in your plan, but the series has to be rented separately for $3.99.",
            "series ↔ movie",
        ),
        (
            "The load balancer forwards traffic to the web server.",
            "The web server forwards traffic to the load balancer.",
            "load balancer ↔ web server",
        ),
        (
            "The primary database replicates to the read replica.",
            "The read replica replicates to the primary database.",
            "primary database ↔ read replica",
        ),
        (
            "Milk goes in the fridge, but butter goes in the freezer.",
            "Butter goes in the fridge, but milk goes in the freezer.",
            "milk ↔ butter",
        ),
        (
            "The basic plan includes phone support; the premium plan adds on-site visits.",
            "The premium plan includes phone support; the basic plan adds on-site visits.",
            "basic ↔ premium",
        ),
        (
            "The cron job triggers the backup script.",
            "The backup script triggers the cron job.",
            "cron job ↔ backup script",
        ),
        ("Salt the water before adding the pasta.", "Salt the pasta before adding the water.", "water ↔ pasta"),
    ],
)
def test_phrases_that_traded_places_are_a_change(before: str, after: str, swap: str) -> None:
    assert swapped_phrases(before, after) == [swap]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # coordinated or listed: the order says nothing
        ("Bring your passport and your boarding pass.", "Bring your boarding pass and your passport."),
        (
            "Required documents: passport, proof of address, and a recent payslip.",
            "Required documents: a recent payslip, proof of address, and passport.",
        ),
        (
            "The Standard room has a queen bed, a desk and a city view.",
            "The Standard room has a city view, a desk and a queen bed.",
        ),
        ("Tea, coffee or juice is included.", "Juice, coffee or tea is included."),
        # a symmetric relation
        (
            "The cache sits between the web server and the database.",
            "The cache sits between the database and the web server.",
        ),
        ("The router is compatible with the modem.", "The modem is compatible with the router."),
        ("Mix the flour with the sugar.", "Mix the sugar with the flour."),
        ("The charger is the same as the old one.", "The old one is the same as the charger."),
        # a passive or any rewording is another sentence
        (
            "Retries from the gateway overloaded the auth service.",
            "The auth service was overloaded by retries from the gateway.",
        ),
        # numbers trading places are the number check's
        ("Book 30 seats in Leeds and 20 in York.", "Book 20 seats in Leeds and 30 in York."),
        ("The router restarts the modem.", "The router restarts the modem."),
    ],
)
def test_honest_reorders_are_no_change(before: str, after: str) -> None:
    assert swapped_phrases(before, after) == []


def test_words_are_compared_by_their_stems_and_a_relative_clause_relates_one_way() -> None:
    before = "Report every spill to the lab manager, who then notifies Environmental Health and Safety."
    after = "Report every spill to Environmental Health and Safety, who then notify the lab manager."
    assert swapped_phrases(before, after) == ["the lab manager ↔ environmental health and safety"]
    # a list with a comma before its last item still says nothing of roles
    assert swapped_phrases("Bring the form, a pen, and your ID.", "Bring your ID, a pen, and the form.") == []


def test_inflections_ending_in_ies_and_ied_meet_their_y_word() -> None:
    from promptops.word_stems import stem

    assert stem("notifies") == stem("notify") == stem("notified")
    assert stem("policies") == stem("policy")
    assert stem("ties") == stem("tie")  # too short to be a "-y" word


@pytest.mark.parametrize(
    ("before", "after", "swap"),
    [
        # two objects that traded the prepositions they follow while the clauses moved
        (
            "Move the old photos onto the external drive to free up space on the laptop.",
            "To free up space on the external drive, move the old photos onto the laptop.",
            "external drive ↔ laptop",
        ),
        (
            "Pour the sauce over the rice before you sprinkle cheese on the salad.",
            "Before you sprinkle cheese on the rice, pour the sauce over the salad.",
            "rice ↔ salad",
        ),
        (
            "Send the draft to the editor after you get feedback from the author.",
            "After you get feedback from the editor, send the draft to the author.",
            "editor ↔ author",
        ),
    ],
)
def test_objects_that_traded_their_prepositions_are_a_change(before: str, after: str, swap: str) -> None:
    assert swapped_phrases(before, after) == [swap]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # each object stays with its own verb and preposition, wherever the clause went
        (
            "Move the old photos onto the external drive to free up space on the laptop.",
            "To free up space on the laptop, move the old photos onto the external drive.",
        ),
        (
            "Move the old photos onto the external drive to free up space on the laptop.",
            "Free up space on the laptop by moving the old photos onto the external drive.",
        ),
        ("Copy the files from the laptop to the server.", "Copy the files to the server from the laptop."),
        (
            "Pour the sauce over the rice before you sprinkle cheese on the salad.",
            "Sprinkle cheese on the salad after you pour the sauce over the rice.",
        ),
    ],
)
def test_objects_kept_with_their_prepositions_are_no_change(before: str, after: str) -> None:
    assert swapped_phrases(before, after) == []


@pytest.mark.parametrize(
    ("before", "after", "swap"),
    [
        # the two sides of a comparison traded, the comparative kept
        (
            "Oat milk froths better than almond milk.",
            "For frothing, almond milk does better than oat milk.",
            "almond milk ↔ oat milk",
        ),
        (
            "Night shifts pay more per hour than day shifts.",
            "Per hour, day shifts pay more than night shifts.",
            "day shifts ↔ night shifts",
        ),
        # a move's source and destination traded
        (
            "Transfer the seedlings from the greenhouse to the cold frame in May.",
            "In May, move the seedlings out of the cold frame into the greenhouse.",
            "greenhouse ↔ cold frame",
        ),
    ],
)
def test_the_sides_of_a_comparison_or_a_move_that_traded_are_a_change(before: str, after: str, swap: str) -> None:
    assert swapped_phrases(before, after) == [swap]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # the comparison turned round with the opposite comparative says the same
        ("Oat milk froths better than almond milk.", "Almond milk froths worse than oat milk."),
        ("Night shifts pay more per hour than day shifts.", "Day shifts pay less per hour than night shifts."),
        ("Night shifts pay more per hour than day shifts.", "Per hour, night shifts pay more than day shifts."),
        # the move said in another order keeps its source and destination
        (
            "Transfer the seedlings from the greenhouse to the cold frame in May.",
            "In May, move the seedlings into the cold frame from the greenhouse.",
        ),
    ],
)
def test_a_comparison_or_a_move_said_the_same_way_round_is_no_change(before: str, after: str) -> None:
    assert swapped_phrases(before, after) == []


@pytest.mark.parametrize(
    ("before", "after", "swap"),
    [
        # two directions traded between two times, each past an amount ("forward two weeks in April")
        (
            "The ferry timetable moves forward two weeks in April and back two weeks in September.",
            "The ferry timetable moves back two weeks in April and forward two weeks in September.",
            "april ↔ september",
        ),
        (
            "Clocks go forward an hour in spring and back an hour in autumn.",
            "Clocks go back an hour in spring and forward an hour in autumn.",
            "spring ↔ autumn",
        ),
    ],
)
def test_directions_traded_past_an_amount_are_swapped(before: str, after: str, swap: str) -> None:
    assert swapped_phrases(before, after) == [swap]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # each time keeps its direction, wherever its clause went
        (
            "The ferry timetable moves forward two weeks in April and back two weeks in September.",
            "In September the ferry timetable moves back two weeks, and in April it moves forward two weeks.",
        ),
        (
            "The ferry timetable moves forward two weeks in April and back two weeks in September.",
            "The ferry timetable moves back two weeks in September and forward two weeks in April.",
        ),
    ],
)
def test_directions_kept_by_their_times_are_no_swap(before: str, after: str) -> None:
    assert swapped_phrases(before, after) == []


@pytest.mark.parametrize(
    ("before", "after", "swap"),
    [
        # the "and" opens a clause whose preposition takes the second phrase: no list of two items
        (
            "The kids loved the museum and got bored when stuck in the car.",
            "The kids loved the car and got bored when stuck in the museum.",
            "museum ↔ car",
        ),
        (
            "Ferns like deep shade and scorch quickly if grown in sunlight.",
            "Ferns like deep sunlight and scorch quickly if grown in shade.",
            "shade ↔ sunlight",
        ),
    ],
)
def test_phrases_traded_across_and_a_clause_placing_the_second_are_swapped(before: str, after: str, swap: str) -> None:
    assert swapped_phrases(before, after) == [swap]


def test_two_items_joined_by_and_before_a_place_may_trade_places() -> None:
    assert swapped_phrases("Pack the cups and the plates in the box.", "Pack the plates and the cups in the box.") == []
