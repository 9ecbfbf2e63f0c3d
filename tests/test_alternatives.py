"""A word replaced, between the same neighbours, by another of a closed set of mutually exclusive alternatives."""

from __future__ import annotations

import pytest

from promptops.alternatives import alternative_changes
from promptops.change_checks import compare_texts


@pytest.mark.parametrize(
    ("before", "after", "line"),
    [
        (
            "When entering the harbour, keep the green markers on your left and go slowly past the fuel dock.",
            "When entering the harbour, keep the green markers on your right and go slowly past the fuel dock.",
            "alternative left → right",
        ),
        (
            "Place your bins at the front of the property, with the handles facing the house.",
            "Place your bins at the back of the property, with the handles facing the house.",
            "alternative front → back",
        ),
        (
            "Press the red button to stop the line.",
            "Press the green button to stop the line.",
            "alternative red → green",
        ),
        ("Take it with breakfast.", "Take it with dinner.", "alternative breakfast → dinner"),
        ("The exit is on the north side.", "The exit is on the east side.", "alternative north → east"),
        (
            "Mrs. Greene has been moved to room 208 on the cardiology ward.",
            "Mrs. Greene has been moved to room 208 on the oncology ward.",
            "alternative cardiology → oncology",
        ),
        ("Ask the dermatologist on duty.", "Ask the neurologist on duty.", "alternative dermatologist → neurologist"),
        # deployment environments
        (
            "Run the migration on the staging database before anything else.",
            "Run the migration on the production database before anything else.",
            "alternative staging → production",
        ),
        ("Point the client at the dev endpoint.", "Point the client at the prod endpoint.", "alternative dev → prod"),
    ],
)
def test_a_word_replaced_by_another_of_its_closed_set_is_a_change(before: str, after: str, line: str) -> None:
    assert alternative_changes(before, after) == [line]
    assert line in [c.detail for c in compare_texts(before, after) if c.kind == "alternative"]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # the same member of a set, said another way
        ("Park at the back of the store.", "Park at the rear of the store."),
        ("The night shift starts at ten.", "The overnight shift starts at ten."),
        ("Take it with dinner.", "Take it with supper."),
        # synonyms swapped in place are rewordings, not alternatives
        ("You should avoid strenuous exercise for a week.", "You should avoid intense exercise for a week."),
        ("Your booking has been cancelled.", "Your reservation has been cancelled."),
        # "left" as what remains, replaced by a word of no set
        ("There are two seats left in the front row.", "There are two seats remaining in the front row."),
        # other neighbours: "back" in "call you back" is no side against "the front desk"
        ("We will call you back from the desk.", "We will call you from the front desk."),
        # both words said on both sides: a reorder, not a replacement
        ("Water in the morning or evening.", "Water in the evening or morning."),
        # one environment said in full or short, or named in another order
        ("Deploy to the production cluster.", "Deploy to the prod cluster."),
        ("Test it in staging before it goes to production.", "Before it goes to production, test it in staging."),
        # a word that merely ends like a field ("apology") is none
        ("Please accept our apology today.", "Please accept our analogy today."),
    ],
)
def test_rewordings_and_reorders_are_no_change(before: str, after: str) -> None:
    assert alternative_changes(before, after) == []


def test_two_parts_of_the_day_holding_a_time_both_sides_state_are_no_change() -> None:
    before = "Do not eat after 10 pm the night before the surgery."
    after = "Do not eat after 10 pm on the evening before the surgery."
    assert alternative_changes(before, after) == []
    # without the shared time the part of the day is what is said
    assert alternative_changes("Take it in the morning with water.", "Take it in the evening with water.") == [
        "alternative morning → evening"
    ]
    # a time in only one of the two parts decides nothing
    assert alternative_changes("Take it at 8 am in the morning.", "Take it at 8 am in the evening.") == [
        "alternative morning → evening"
    ]


def test_the_evening_or_night_before_is_one_eve() -> None:
    before = "Lay out the hiking gear the evening before so the early start goes smoothly."
    after = "Lay out the hiking gear the night before so the early start goes smoothly."
    assert alternative_changes(before, after) == []
    # the morning before is another time
    assert alternative_changes(before, after.replace("night", "morning")) == ["alternative evening → morning"]
    # outside "the … before", evening and night stay two parts of the day
    assert alternative_changes("The lift runs every evening in July.", "The lift runs every night in July.") == [
        "alternative evening → night"
    ]


@pytest.mark.parametrize(
    ("before", "after", "line"),
    [
        (
            "Backups are written to the bucket globex-backups-dev every night.",
            "Every night, backups are written to globex-backups-prod.",
            "alternative dev → prod",
        ),
        ("Deploy with the billing_staging profile.", "Deploy with the billing_production profile.", ""),
        ("The window faces the east-facing yard.", "The window faces the west-facing yard.", ""),
    ],
)
def test_a_member_inside_a_hyphenated_or_underscored_name_is_a_change(before: str, after: str, line: str) -> None:
    found = alternative_changes(before, after)
    assert found
    assert not line or found == [line]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Logs go to globex-logs-prod each night.", "Each night, the logs are shipped to globex-logs-prod."),
        ("Compare globex-dev with globex-prod.", "Compare globex-prod with globex-dev."),
        ("It is a full-time role.", "The position is full-time."),
    ],
)
def test_a_name_kept_or_reordered_is_no_change(before: str, after: str) -> None:
    assert alternative_changes(before, after) == []


@pytest.mark.parametrize(
    ("before", "after", "line"),
    [
        (
            "Your GP has prescribed amoxicillin for the chest infection.",
            "Your GP has prescribed doxycycline for the chest infection.",
            "alternative amoxicillin → doxycycline",
        ),
        (
            "Take omeprazole before breakfast.",
            "Take lansoprazole before breakfast.",
            "alternative omeprazole → lansoprazole",
        ),
        (
            "She was switched to atorvastatin last month.",
            "She was switched to simvastatin last month.",
            "alternative atorvastatin → simvastatin",
        ),
        (
            "Rub in ketoprofen gel twice daily.",
            "Rub in diclofenac gel twice daily.",
            "alternative ketoprofen → diclofenac",
        ),
    ],
)
def test_a_medicine_replaced_by_another_is_a_change(before: str, after: str, line: str) -> None:
    assert alternative_changes(before, after) == [line]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Take one statin tablet at night.", "Take one statins tablet at night."),
        ("Take your ibuprofen with food.", "Take your ibuprofen tablets with food."),
        ("Keep the penicillin in the fridge.", "Store the penicillin in the fridge."),
    ],
)
def test_the_same_medicine_is_no_change(before: str, after: str) -> None:
    assert alternative_changes(before, after) == []


@pytest.mark.parametrize(
    ("before", "after", "line"),
    [
        # materials, with members of two words
        (
            "The watch case is made of stainless steel.",
            "The watch case is made of titanium.",
            "alternative stainless steel → titanium",
        ),
        (
            "Pick a sterling silver chain for it.",
            "Pick a rose gold chain for it.",
            "alternative sterling silver → rose gold",
        ),
        ("The lining is pure silk.", "The lining is pure cotton.", "alternative silk → cotton"),
        # a word and its "off-" compound in one place
        ("Parking is free at off-peak times.", "Parking is free at peak times.", "alternative off-peak → peak"),
        ("Rooms are cheaper in the season months.", "Rooms are cheaper in the off-season months.", None),
    ],
)
def test_materials_and_off_compounds_replaced_in_place_are_changes(before: str, after: str, line: str | None) -> None:
    changes = alternative_changes(before, after)
    assert changes if line is None else changes == [line]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("The ring is white gold.", "The ring is made of white gold."),
        ("Parking is free at off-peak times.", "Parking is free outside peak times."),
        ("Peak and off-peak fares differ.", "Off-peak and peak fares differ."),
        ("The white shirt has gold buttons.", "The white shirt has golden buttons."),
    ],
)
def test_materials_and_off_compounds_kept_are_no_change(before: str, after: str) -> None:
    assert alternative_changes(before, after) == []


@pytest.mark.parametrize(
    ("before", "after", "line"),
    [
        (
            "The ranger tags the badgers each spring near the old quarry.",
            "The ranger tags the foxes each spring near the old quarry.",
            "alternative badgers → foxes",
        ),
        (
            "Our vet sees cats on Tuesdays in the small surgery.",
            "Our vet sees rabbits on Tuesdays in the small surgery.",
            "alternative cats → rabbits",
        ),
        (
            "The farm keeps goats in the top field.",
            "The farm keeps sheep in the top field.",
            "alternative goats → sheep",
        ),
    ],
)
def test_animals_replaced_in_place_are_changes(before: str, after: str, line: str) -> None:
    assert alternative_changes(before, after) == [line]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Our vet sees cats on Tuesdays.", "Our vet sees kittens on Tuesdays."),
        ("The farm keeps rabbits in the top field.", "The farm keeps bunnies in the top field."),
        ("The sanctuary cares for dogs and cats.", "The sanctuary cares for cats and dogs."),
        ("Walk the dog before breakfast.", "Take the dog out before breakfast."),
    ],
)
def test_animals_kept_or_said_alike_are_no_change(before: str, after: str) -> None:
    assert alternative_changes(before, after) == []


@pytest.mark.parametrize(
    ("before", "after", "line"),
    [
        # a member whose neighbour became a possessive ("the west wing" → "the west wing's hallway")
        (
            "The thermostat is in the east wing.",
            "You'll find the thermostat in the west wing's hallway.",
            "alternative east → west",
        ),
        ("Tighten the bolt on the rear wheel.", "Tighten the front wheel's bolt.", "alternative rear → front"),
        (
            "The valve sits on the upper tank.",
            "The valve sits on the lower tank's outlet.",
            "alternative upper → lower",
        ),
        # a member that is itself the possessive
        (
            "Refill the dog's water bowl twice a day.",
            "Refill the cat's water bowl twice a day.",
            "alternative dog → cat",
        ),
    ],
)
def test_a_member_next_to_a_possessive_keeps_its_place(before: str, after: str, line: str) -> None:
    assert alternative_changes(before, after) == [line]


@pytest.mark.parametrize(
    ("before", "after", "line"),
    [
        # animals named in two words, against two words or one
        (
            "The rescue centre released a barn owl near the reservoir.",
            "The rescue centre released a golden eagle near the reservoir.",
            "alternative barn owl → golden eagle",
        ),
        (
            "The documentary follows a polar bear across the sea ice.",
            "The documentary follows a killer whale across the sea ice.",
            "alternative polar bear → killer whale",
        ),
        (
            "Visitors can feed the tortoise at noon.",
            "Visitors can feed the sea lion at noon.",
            "alternative tortoise → sea lion",
        ),
        (
            "The keepers weigh the koala every month.",
            "The keepers weigh the giant panda every month.",
            "alternative koala → giant panda",
        ),
    ],
)
def test_animals_named_in_two_words_replaced_in_place_are_changes(before: str, after: str, line: str) -> None:
    assert alternative_changes(before, after) == [line]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # two names of one animal
        ("The keepers weigh the red panda every month.", "The keepers weigh the lesser panda every month."),
        ("The documentary follows a killer whale.", "The documentary follows an orca."),
        ("A sea lion was spotted off the pier.", "A sea lion was seen off the pier."),
    ],
)
def test_two_names_of_one_animal_are_no_change(before: str, after: str) -> None:
    assert alternative_changes(before, after) == []
