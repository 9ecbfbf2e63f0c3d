"""Honest rewordings the change checks must not flag, and the real changes beside them they must still flag (the
false flags of the aster and birch sets, by class)."""

from __future__ import annotations

import pytest

from promptops.change_checks import compare_texts


def _details(before: str, after: str) -> list[str]:
    return [c.detail for c in compare_texts(before, after)]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "Call db.commit() after the loop, not inside it, or each row opens its own transaction.",
            "If db.commit() is called inside the loop rather than after it, each row opens its own transaction, so "
            "commit once at the end.",
        ),
        (
            "Call lock.release() in the finally block, not inside the try block, or an exception leaves it held.",
            "If lock.release() is called inside the try block instead of the finally block, an exception leaves the "
            "lock held.",
        ),
    ],
)
def test_a_call_s_brackets_end_no_condition(before: str, after: str) -> None:
    assert _details(before, after) == []


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "Each pallet must stay under 500 kg, and every pallet gets a label.",
            "No pallet weighs over 500 kg, and every pallet gets a label.",
        ),
        ("Introduce the two cats in a neutral room.", "Introduce them in a room neither cat treats as its own."),
        ("Both lamps are broken.", "Neither lamp is working."),
        ("The two chargers in the drawer are faulty.", "Neither charger works."),
    ],
)
def test_a_negative_determiner_on_a_subject_denies_its_verb_not_the_noun(before: str, after: str) -> None:
    assert _details(before, after) == []


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Each guest receives a towel at check-in.", "No guest receives a towel at check-in."),
        ("Dogs are allowed in the park.", "No dog is allowed in the park."),
        ("Each twin has a desk.", "Neither twin has a desk."),
    ],
)
def test_a_verb_denied_of_every_subject_still_flips(before: str, after: str) -> None:
    assert any(d.startswith("negation added") for d in _details(before, after))


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Never use a cloth that has been soaked in bleach.", "Avoid any cloth soaked in bleach."),
        ("Never feed them anything that has been cooked with onion.", "Avoid any food cooked with onion."),
    ],
)
def test_a_participle_after_an_avoided_noun_describes_it(before: str, after: str) -> None:
    assert _details(before, after) == []


def test_an_avoided_noun_with_a_participle_still_flips() -> None:
    assert _details("Avoid any cloth treated with bleach.", "Use any cloth treated with bleach.") == [
        "negation removed: avoid cloth"
    ]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Always cut the fabric along the bias.", "Never cut the fabric straight, only along the bias."),
        ("Always park in the marked bays.", "Don't park on the verge, only in the marked bays."),
    ],
)
def test_a_negation_followed_by_only_and_another_complement_restricts(before: str, after: str) -> None:
    assert _details(before, after) == []


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Refund the order in full.", "Don't refund the order, only offer store credit."),
        ("Always cut the fabric along the bias.", "Never cut the fabric along the bias."),
    ],
)
def test_a_negation_followed_by_only_and_a_verb_still_flips(before: str, after: str) -> None:
    assert any(d.startswith("negation added") for d in _details(before, after))


def test_lets_says_allows() -> None:
    assert (
        _details(
            "A full backup takes a lock, so reads are blocked until it finishes. An incremental backup does not "
            "block normal reads.",
            "An incremental backup lets normal reads carry on, whereas a full backup takes a lock, blocking reads "
            "until it's done.",
        )
        == []
    )
    assert _details("The firewall lets SSH traffic through.", "The firewall blocks SSH traffic.") == [
        "antonym lets → blocks"
    ]


def test_an_hour_glued_to_am_or_pm_is_a_time_not_a_name() -> None:
    assert (
        _details(
            "Lessons run from 4pm to 6pm, with a break at 5:00.",
            "Lessons run from 16:00 to 18:00, with a break at 5pm.",
        )
        == []
    )
    assert _details("Lessons start at 4pm.", "Lessons start at 5pm.") == ["time 4:00 pm → 5:00 pm"]


@pytest.mark.parametrize(
    ("before", "after", "details"),
    [
        ("She was promoted to first officer last spring.", "Last spring she became the first officer.", []),
        ("He plays in third position on this piece.", "On this piece he plays the third position.", []),
        (
            "She was promoted to first officer last spring.",
            "Last spring she became the second officer.",
            ["number #2 added"],
        ),
    ],
)
def test_a_bare_ordinal_after_a_preposition_names_a_rank(before: str, after: str, details: list[str]) -> None:
    assert _details(before, after) == details


def test_neither_counts_two() -> None:
    assert _details("The two chargers in the drawer are faulty.", "Neither charger works.") == []
    assert _details("The two chargers in the drawer are faulty.", "The three chargers in the drawer are faulty.") == [
        "number 2 → 3"
    ]


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        (
            "Blocked domains: ads.example.net, cdn.tracker.io, pixel.adserve.com",
            "Blocked domains: pixel.adserve.com, ads.example.net, cdn.tracker.io",
            False,
        ),
        ("Attachments: invoice.pdf, receipt.png", "Attachments: receipt.png, invoice.pdf", False),
        ("Blocked domains: ads.example.net, cdn.tracker.io", "Blocked domains: ads.example.org, cdn.tracker.io", True),
    ],
)
def test_a_label_value_keeps_the_dots_inside_its_words(before: str, after: str, changed: bool) -> None:
    assert bool(_details(before, after)) == changed


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "Skip dairy and eggs on the morning of the scan.",
            "Dairy and eggs are off-limits on the morning of the scan.",
        ),
        ("Avoid glass bottles at the festival.", "Glass bottles are prohibited at the festival."),
    ],
)
def test_a_subject_said_to_be_forbidden_is_denied(before: str, after: str) -> None:
    assert _details(before, after) == []


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Dairy is allowed on the morning of the scan.", "Dairy is off-limits on the morning of the scan."),
        # the modifier says what is forbidden: it is not denied with the subject
        ("Statements without a WHERE filter are blocked.", "Statements with a WHERE filter are blocked."),
    ],
)
def test_a_forbidden_subject_still_flips_against_a_permission(before: str, after: str) -> None:
    assert _details(before, after) != []


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "There's a booking fee of £10, and later changes are not charged.",
            "Booking costs £10 once, with no additional fee for later changes.",
        ),
        (
            "There's a setup fee of £50; repeat visits are not charged for setup.",
            "Setup costs £50 once, and repeat visits carry no further setup fee.",
        ),
    ],
)
def test_no_further_fee_denies_only_another_one(before: str, after: str) -> None:
    assert _details(before, after) == []


def test_a_further_one_denied_still_flips() -> None:
    assert _details("There is an additional fee for changes.", "There is no additional fee for changes.") == [
        "negation added: no additional fee"
    ]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "The pass covers buses and trams, but not a ferry that leaves the city.",
            "The pass covers buses and trams. A ferry leaving the city, however, isn't covered by it.",
        ),
        (
            "The vaccine protects adults well, but not a child under two.",
            "The vaccine protects adults well. A child under two, however, isn't protected by it.",
        ),
    ],
)
def test_a_connective_between_commas_interrupts_no_clause(before: str, after: str) -> None:
    assert _details(before, after) == []


def test_a_negation_after_a_connective_between_commas_still_flips() -> None:
    assert _details("A tablet can run the app.", "A tablet, however, cannot run the app.") == [
        "negation added: cannot run"
    ]
