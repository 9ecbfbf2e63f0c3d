"""The change checks skip what two texts share: a text compared with itself, and the clauses and sentences both
texts have, which say the same on both sides. What changed between them is still found."""

from __future__ import annotations

import pytest

from promptops.change_checks import compare_texts
from promptops.parties import duty_changes


def _details(before: str, after: str) -> list[str]:
    return [c.detail for c in compare_texts(before, after)]


@pytest.mark.parametrize(
    "text",
    [
        "Water the ferns twice a week, but never let the pots stand in water.",
        '{"route": "B12", "stops": ["Mill Lane", "Quay Street"], "late": false}',
        "- flour\n- yeast\n- salt",
        "I'm sorry, but I can't help with that.",
    ],
)
def test_a_text_compared_with_itself_has_no_change(text: str) -> None:
    assert compare_texts(text, text) == []


def test_parties_that_swapped_duties_among_shared_clauses_are_found() -> None:
    before = "The landlord repairs the roof. The tenant pays the water bill. Rent is due monthly."
    after = "The tenant repairs the roof. The landlord pays the water bill. Rent is due monthly."
    assert "duties swapped: landlord ↔ tenant" in _details(before, after)


def test_subjects_that_traded_actions_beside_a_shared_sentence_are_found() -> None:
    before = "Pumps move the water, and filters clean the tank. The system runs all night."
    after = "Filters move the water, and pumps clean the tank. The system runs all night."
    assert duty_changes(before, after, set()) == ["duties swapped: pumps ↔ filters"]


def test_a_party_named_only_in_shared_clauses_keeps_its_duty() -> None:
    before = "The landlord repairs the roof. Viewings start at noon."
    after = "The landlord repairs the roof. Viewings start at one."
    assert duty_changes(before, after, set()) == []


def test_names_that_swapped_roles_beside_a_shared_sentence_are_found() -> None:
    before = "Lena owes Marco forty euros. The dinner was on Friday."
    after = "Marco owes Lena forty euros. The dinner was on Friday."
    assert "roles swapped: Lena owes Marco → Marco owes Lena" in _details(before, after)
