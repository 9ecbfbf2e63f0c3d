"""Duties of the parties a text names: swapped between two parties, or passed to another party."""

from __future__ import annotations

import pytest

from promptops.parties import apposed_role_changes, duty_changes


@pytest.mark.parametrize(
    ("before", "after", "lines"),
    [
        (
            "The Seller shall pay the transfer tax, and the Buyer covers the notary fees.",
            "The Buyer shall pay the transfer tax, and the Seller covers the notary fees.",
            ["duties swapped: Seller ↔ Buyer"],
        ),
        (
            "Maya cooks dinner on Mondays; Daniel does the dishes.",
            "Daniel cooks dinner on Mondays; Maya does the dishes.",
            ["duties swapped: Maya ↔ Daniel"],
        ),
        (
            "Refunds are approved by your line manager.",
            "Refunds are approved by the finance team.",
            ["party line manager → finance team"],
        ),
        (
            "The contractor is responsible for booking all inspections, and the homeowner must make sure the "
            "inspector can access the site.",
            "The homeowner is responsible for booking all inspections, and the contractor must make sure the "
            "inspector can access the site.",
            ["duties swapped: contractor ↔ homeowner"],
        ),
        (
            "The contractor is responsible for booking all inspections.",
            "The homeowner is responsible for booking all inspections.",
            ["party contractor → homeowner"],
        ),
        (
            "The builder must obtain the permits.",
            "The homeowner must obtain the permits.",
            ["party builder → homeowner"],
        ),
        ("The landlord pays for boiler repairs.", "The tenant pays for boiler repairs.", ["party landlord → tenant"]),
        # the same duties, reworded or reordered
        ("The builder must obtain the permits.", "The contractor is responsible for getting the permits.", []),
        ("The homeowner must clear the driveway.", "The owner must clear the driveway.", []),
        (
            "The Seller shall pay the transfer tax, and the Buyer covers the notary fees.",
            "The notary fees are covered by the Buyer, while the transfer tax is paid by the Seller.",
            [],
        ),
        # a party renamed within its group ("customer" = "client"), or a name for a name (the entity check's)
        ("The customer can cancel within 14 days.", "The client can cancel within 14 days.", []),
        ("Send it to Maria today.", "Send it to Daniel today.", []),
    ],
)
def test_duty_changes(before: str, after: str, lines: list[str]) -> None:
    assert duty_changes(before, after, {"maya", "daniel", "maria"}) == lines


def test_a_role_in_a_place_phrase_is_where_not_who() -> None:
    before = "If the user needs root for the install, run it with sudo."
    after = "Where the install on the host needs root, run it with sudo."
    assert duty_changes(before, after, set()) == []
    # a possessive role still owns what follows it
    assert duty_changes(
        "Payments go into the landlord's account.", "Payments go into the tenant's account.", set()
    ) == ["party landlord → tenant"]


@pytest.mark.parametrize(
    ("before", "after", "lines"),
    [
        # two subjects that traded the actions they open their clauses with, however the rest is worded
        (
            "In the kitchen, porters wash the pans, and apprentices prep the vegetables.",
            "In the kitchen, apprentices wash the pans, and porters prep the vegetables.",
            ["duties swapped: porters ↔ apprentices"],
        ),
        (
            "Stewards check tickets at the gate, and volunteers hand out programmes.",
            "Volunteers check the tickets themselves at the gate, and stewards hand programmes out.",
            ["duties swapped: stewards ↔ volunteers"],
        ),
        # reordered clauses, the passive, and one verb for both keep the actions
        (
            "Stewards check tickets at the gate, and volunteers hand out programmes.",
            "Volunteers hand out programmes, and stewards check tickets at the gate.",
            [],
        ),
        (
            "Stewards check tickets at the gate, and volunteers hand out programmes.",
            "Tickets are checked at the gate by stewards, and volunteers hand out programmes.",
            [],
        ),
        ("Adults pay 12 pounds and children pay 6 pounds.", "Children pay 6 pounds and adults pay 12 pounds.", []),
        # two verbs for one thing, traded while what follows them stayed with the subjects
        (
            "Red wine pairs with beef, and white wine suits fish.",
            "White wine pairs with fish, and red wine suits beef.",
            [],
        ),
    ],
)
def test_subjects_that_traded_actions(before: str, after: str, lines: list[str]) -> None:
    assert duty_changes(before, after, set()) == lines


@pytest.mark.parametrize(
    ("before", "after", "lines"),
    [
        # a person given another role in apposition, before or after the name
        (
            "Book the hall through the librarian, Owen Pryce, before Friday.",
            "Book the hall through the archivist, Owen Pryce, before Friday.",
            ["role of Owen Pryce: librarian → archivist"],
        ),
        (
            "Questions go to Ines Moreau, our pharmacist, on Mondays.",
            "Questions go to Ines Moreau, our dietitian, on Mondays.",
            ["role of Ines Moreau: pharmacist → dietitian"],
        ),
        # the speaker acting for another party
        (
            "The landlord's agent lists the flat, and we, as the tenant's adviser, check the lease.",
            "As the landlord's agent, we list the flat, and the tenant's adviser checks the lease.",
            ["party we: tenant's adviser → landlord's agent"],
        ),
        # the same role on the other side of the name, another word for it, or no role at all
        (
            "Book the hall through the librarian, Owen Pryce, before Friday.",
            "Book the hall through Owen Pryce, our librarian, before Friday.",
            [],
        ),
        ("Ask the teacher, Anna Berg, for the timetable.", "Ask the tutor, Anna Berg, for the timetable.", []),
        ("Please sign the forms, Tom.", "Please sign the papers, Tom.", []),
        ("Thanks for the answer, Tom.", "Thanks for the offer, Tom.", []),
        ("As the buyer, you pay the survey fee.", "You, as the buyer, pay the survey fee.", []),
        ("As a result, we refund the fee.", "As a result, we return the fee.", []),
    ],
)
def test_a_role_given_in_apposition(before: str, after: str, lines: list[str]) -> None:
    assert apposed_role_changes(before, after) == lines
