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


@pytest.mark.parametrize(
    ("before", "after", "details"),
    [
        # the complement "only" replaces is still denied, against a side that asserts the verb of it
        (
            "Volunteer hours count towards the community award as well as the school credit.",
            "Volunteer hours don't count towards the community award, only towards the school credit.",
            ["negation added: don't count"],
        ),
        (
            "The discount applies to weekend bookings as well as weekday ones.",
            "The discount doesn't apply to weekend bookings, only to weekday ones.",
            ["negation added: doesn't apply"],
        ),
        # against the other complement alone it only restricts
        (
            "The discount applies to weekday bookings.",
            "The discount doesn't apply to weekend bookings, only to weekday bookings.",
            [],
        ),
        ("Always fold the letter with the grain.", "Never fold the letter across the grain, only with it.", []),
    ],
)
def test_the_complement_a_restricting_only_replaces_is_still_denied(
    before: str, after: str, details: list[str]
) -> None:
    assert _details(before, after) == details


@pytest.mark.parametrize(
    ("before", "after", "details"),
    [
        # an "only" that opens a noun phrase stands in for the object of the negated verb, still denied against a
        # side that asserts the verb of that object
        (
            "You need a passport for the ferry crossing, as well as a boarding card.",
            "You don't need a passport for the ferry crossing, only a boarding card.",
            ["negation added: don't need"],
        ),
        (
            "Bring a laptop to the workshop, as well as a notebook.",
            "Don't bring a laptop to the workshop, only a notebook.",
            ["negation added: don't bring"],
        ),
        # against the other object alone it only restricts
        ("You need a boarding card for the ferry crossing.", "You don't need a passport, only a boarding card.", []),
    ],
)
def test_the_object_a_restricting_only_replaces_is_still_denied(before: str, after: str, details: list[str]) -> None:
    assert _details(before, after) == details


@pytest.mark.parametrize(
    ("before", "after", "detail"),
    [
        # a sentence both texts say word for word cannot make a side mixed: the flip in the sentence that changed counts
        (
            "You can borrow the kayaks on weekdays. Paddling after dark is not allowed.",
            "You can borrow the kayaks on weekdays. Paddling after dark is allowed.",
            "negation removed: not allowed",
        ),
        (
            "You can park behind the village hall. Overnight camping in the car park is not permitted.",
            "You can park behind the village hall. Overnight camping in the car park is permitted.",
            "negation removed: not permitted",
        ),
    ],
)
def test_an_unchanged_sentence_does_not_hide_a_flip_in_another(before: str, after: str, detail: str) -> None:
    assert detail in _details(before, after)


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


# ---- session 9: spurious readings and rewordings of a denial ----------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # a finite verb after "lacks" opens the main clause: the fonts are what the system lacks, nothing is denied
        (
            "The installer downloads any font the document uses.",
            "Fonts the document uses but the system lacks get downloaded by the installer.",
        ),
        ("Every module the build needs is fetched.", "Modules the build needs but the cache lacks are fetched."),
    ],
)
def test_an_avoiding_verb_before_a_finite_verb_denies_nothing(before: str, after: str) -> None:
    assert _details(before, after) == []


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("The report lacks a summary.", "The report has a summary."),
        ("Fonts the system lacks get downloaded.", "Fonts the system lacks never get downloaded."),
    ],
)
def test_an_avoiding_verb_with_its_object_still_denies(before: str, after: str) -> None:
    assert _details(before, after) != []


def test_the_verb_of_a_compared_clause_takes_no_predicate() -> None:
    # "less than you ask for" compares with what you ask for: "less" is not said of asking, so two synonyms that trade
    # places ("ask for" / "request") swap no predicates
    before = "Use the form to request a refund. The shop may refund less than you ask for if items are worn."
    after = "Use the form to ask for a refund. The shop may refund less than you request if items are worn."
    assert _details(before, after) == []


def test_predicates_traded_by_two_objects_are_still_swapped() -> None:
    details = _details(
        "The plan covers theft but excludes flood damage.", "The plan covers flood damage but excludes theft."
    )
    assert any(d.startswith("predicates swapped") for d in details)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Avoid sugary drinks before bed.", "Leave out sugary drinks before bed."),
        ("Avoid the header row.", "Omit the header row."),
        ("Leave out the anchovies.", "Omit the anchovies."),
        # what one holds off on is put off: a soft denial, agreeing with "avoid" and with "wait before"
        ("Avoid watering the lawn during a drought.", "Hold off on watering the lawn during a drought."),
        ("Wait a week before repainting.", "Hold off on repainting for a week."),
        # an indefinite object of "leave out" is set out, not left out
        ("Leave out a bowl of water for the dog.", "Put out a bowl of water for the dog."),
    ],
)
def test_leaving_out_omitting_and_holding_off_deny_as_avoiding_does(before: str, after: str) -> None:
    assert _details(before, after) == []


@pytest.mark.parametrize(
    ("before", "after"),
    [("Leave out the anchovies.", "Add the anchovies."), ("Omit the header row.", "Include the header row.")],
)
def test_leaving_out_still_flips_against_adding(before: str, after: str) -> None:
    assert any(d.startswith("negation") for d in _details(before, after))


def test_a_denial_of_the_way_the_other_side_rejects_is_no_flip() -> None:
    # "by hand rather than with a mixer" says "don't stir it by machine": the negation is about the way, not stirring
    assert _details("Stir the sauce by hand rather than with a mixer.", "Don't stir the sauce by machine.") == []


def test_a_denial_of_the_act_itself_still_flips_against_a_rejected_way() -> None:
    details = _details("Stir the sauce by hand rather than with a mixer.", "Don't stir the sauce at all.")
    assert any(d.startswith("negation added") for d in details)


def test_the_subject_of_an_elided_denial_is_denied() -> None:
    # "but laptops are not" denies laptops as "but not laptops" does
    assert (
        _details("The library lends books but not laptops.", "Books are lent by the library, but laptops are not.")
        == []
    )


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # the value of a setting said as a code of its own, and its name said elsewhere, says the setting
        (
            "Send `Content-Type: text/plain` for logs; for pages, use `text/html`.",
            "For logs `text/plain` is right; pages need `Content-Type: text/html`.",
            False,
        ),
        ("Send `Content-Type: text/plain`.", "Send `Content-Type: text/html`.", True),
    ],
)
def test_a_setting_is_said_by_its_value_and_its_name(before: str, after: str, changed: bool) -> None:
    assert any(d.startswith("code") for d in _details(before, after)) == changed


def test_an_interval_every_quantifies_no_plural() -> None:
    # "every 6 months" says how often; "one filter" is "a filter", no count against a plural
    assert (
        _details("Change the water filter at least every 6 months.", "Use one filter for no more than 6 months.") == []
    )


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # "over" and "under" said of two things each side names: two places, no flip
        (
            "Traffic over the quota is throttled. Declare the rule in the gateway config.",
            "Declare the rule under the gateway config; traffic beyond the quota is throttled.",
            False,
        ),
        (
            "Put the invoice in the top drawer. Orders over the credit limit need approval.",
            "Orders exceeding the credit limit need approval, and the invoice goes under the top drawer.",
            False,
        ),
        # still a flip: the same thing placed the other way, or a thing the other side never names
        ("Orders over the credit limit need approval.", "Orders under the credit limit need approval.", True),
        ("Orders over the credit limit need approval.", "Orders under the spending cap need approval.", True),
    ],
)
def test_opposite_places_of_two_things_are_no_flip(before: str, after: str, changed: bool) -> None:
    assert any(d.startswith("antonym") for d in _details(before, after)) == changed


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # "avoid X-ing Y" avoids the act: naming Y elsewhere denies no advice, as after "never X Y"
        (
            "Avoid leaving wet towels in the gym bag, as they breed mould.",
            "Wet towels breed mould, so take them out of your gym bag.",
            False,
        ),
        # still a change: the act itself asserted
        ("Avoid leaving wet towels in the gym bag.", "Leave wet towels in the gym bag.", True),
    ],
)
def test_the_object_of_an_avoided_act_is_denied_softly(before: str, after: str, changed: bool) -> None:
    assert any(d.startswith("negation") for d in _details(before, after)) == changed
