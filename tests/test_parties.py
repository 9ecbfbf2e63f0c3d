"""Duties of the parties a text names: swapped between two parties, or passed to another party."""

from __future__ import annotations

import pytest

from promptops.parties import duty_changes


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
