"""Where a negation's reach ends and what else says "none" (the kestrel/linden/nettle round)."""

from __future__ import annotations

import pytest

from promptops.change_checks import compare_texts


def _negations(before: str, after: str) -> list[str]:
    return [c.detail for c in compare_texts(before, after) if c.kind in ("negation", "antonym")]


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # a negated relative clause ends at the main clause's modal: the main verb is asserted
        (
            "Tenants who haven't paid their deposit can still collect the keys on Friday.",
            "Tenants who haven't paid their deposit can't collect the keys on Friday.",
            True,
        ),
        (
            "Files that have not been scanned may still be opened from the shared drive.",
            "Files that have not been scanned cannot be opened from the shared drive.",
            True,
        ),
        (
            "Tenants who haven't paid their deposit can't collect the keys on Friday.",
            "The keys can't be collected on Friday by tenants who haven't paid their deposit.",
            False,
        ),
    ],
)
def test_a_negated_relative_clause_ends_at_the_main_modal(before: str, after: str, changed: bool) -> None:
    assert bool(_negations(before, after)) == changed


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # a negated event before "within" a time says the deadline was missed, as "took longer than" does
        (
            "The alert fired because the sensor took longer than 10 seconds to report.",
            "The alert fired because the sensor didn't report within 10 seconds.",
            False,
        ),
        (
            "The courier took more than two days to deliver it, so the refund applies.",
            "The courier hasn't delivered it within two days, so the refund applies.",
            False,
        ),
        # a negated modal forbids the event itself
        (
            "Opened software can be exchanged within 30 days.",
            "Opened software cannot be exchanged within 30 days.",
            True,
        ),
    ],
)
def test_a_negated_event_within_a_time_misses_a_deadline(before: str, after: str, changed: bool) -> None:
    assert bool(_negations(before, after)) == changed


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # "neither A nor B" as a subject: the predicate is denied, the nouns only say of whom
        (
            "A trustee, or their partner, cannot buy property from the trust.",
            "Neither the trustees nor their partners are allowed to buy property from the trust.",
            False,
        ),
        (
            "Neither the referee nor the linesmen may review the footage.",
            "The referee and the linesmen may review the footage.",
            True,
        ),
    ],
)
def test_neither_nor_subjects_are_who_the_denial_is_of(before: str, after: str, changed: bool) -> None:
    assert bool(_negations(before, after)) == changed


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # a passive "kept off" / "kept away from" says its subject is not to be there
        ("No bicycles on the station platforms.", "Bicycles must be kept off the station platforms.", False),
        ("Do not bring pets into the bakery.", "Pets are to be kept out of the bakery.", False),
        ("Bicycles are allowed on the station platforms.", "No bicycles on the station platforms.", True),
    ],
)
def test_what_is_kept_off_a_place_is_not_there(before: str, after: str, changed: bool) -> None:
    assert bool(_negations(before, after)) == changed


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # an amount of none says "no", and so does "costs nothing in"
        ("The loan carries 0% interest for the first year.", "You pay no interest for the first year.", False),
        ("The broker charges zero per cent commission.", "The broker charges no commission.", False),
        (
            "Paying by direct debit costs nothing in charges.",
            "There are no charges when you pay by direct debit.",
            False,
        ),
        ("The broker charges 0% commission.", "The broker charges a commission.", True),
        # a bare "zero" may name what something is made of
        ("Strip the runs of zero bytes.", "Strip the runs of bytes that are all zero.", False),
    ],
)
def test_an_amount_of_none_says_no(before: str, after: str, changed: bool) -> None:
    assert bool(_negations(before, after)) == changed


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # things used together are combined
        (
            "The --strict and --lenient options cannot be used together.",
            "Use --strict for production builds. The --strict option can't be combined with --lenient.",
            False,
        ),
        (
            "The --strict and --lenient options can be used together.",
            "The --strict option can't be combined with --lenient.",
            True,
        ),
    ],
)
def test_used_together_is_combined(before: str, after: str, changed: bool) -> None:
    assert bool(_negations(before, after)) == changed


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        # a gerund subject of a harm a modal says it may cause is a condition, after "because" too
        (
            "Don't prune the roses in autumn, as this can weaken them.",
            "Hold back with the secateurs until spring, because pruning roses in autumn can damage them.",
            False,
        ),
        (
            "Never overfill the radiator.",
            "Overfilling the radiator may cause leaks at the cap.",
            False,
        ),
    ],
)
def test_a_gerund_that_may_cause_harm_is_a_condition(before: str, after: str, changed: bool) -> None:
    assert bool(_negations(before, after)) == changed
