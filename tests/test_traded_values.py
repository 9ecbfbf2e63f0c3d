"""Two values (amounts or names) that traded the slots they fill while every other word of the sentence stayed."""

from __future__ import annotations

import pytest

from promptops.change_checks import compare_texts
from promptops.traded_values import traded_values


@pytest.mark.parametrize(
    ("before", "after", "traded"),
    [
        # amounts that traded the settings they are given
        (
            "Set the front tyre to 32 psi and the rear tyre to 36 psi before the ride.",
            "Set the front tyre to 36 psi and the rear tyre to 32 psi before the ride.",
            "values traded: 32 ↔ 36",
        ),
        (
            "The cluster keeps 14 days of logs in Frankfurt and 90 days in Dublin.",
            "The cluster keeps 90 days of logs in Frankfurt and 14 days in Dublin.",
            "values traded: 14 ↔ 90",
        ),
        (
            "The quote covers 4 standard rooms and 2 suites for the conference.",
            "The quote covers 2 standard rooms and 4 suites for the conference.",
            "values traded: 4 ↔ 2",
        ),
        # people who traded the roles they are set beside
        (
            "The board elected the treasurer, Priya Nair, and the secretary, Jonas Berg, for a second term.",
            "The board elected the treasurer, Jonas Berg, and the secretary, Priya Nair, for a second term.",
            "names traded: Priya Nair ↔ Jonas Berg",
        ),
        (
            "Next week Priya Nair, the new treasurer, and Jonas Berg, the auditor, will sign the accounts.",
            "Next week Jonas Berg, the new treasurer, and Priya Nair, the auditor, will sign the accounts.",
            "names traded: Priya Nair ↔ Jonas Berg",
        ),
        # a one-way relation after a comma
        (
            "The keynote is chaired by Dana Okafor, replacing Luis Mendes at short notice.",
            "The keynote is chaired by Luis Mendes, replacing Dana Okafor at short notice.",
            "names traded: Dana Okafor ↔ Luis Mendes",
        ),
    ],
)
def test_values_that_traded_labelled_slots_are_a_change(before: str, after: str, traded: str) -> None:
    assert traded_values(before, after) == [traded]
    assert traded in [c.detail for c in compare_texts(before, after)]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # coordinated values: a list, a range, amounts of one unit, a symmetric relation
        ("Invite Priya Nair, Jonas Berg, and Dana Okafor.", "Invite Dana Okafor, Jonas Berg, and Priya Nair."),
        ("Invite Priya, my cousin, and Jonas.", "Invite Jonas, my cousin, and Priya."),
        ("The class takes between 8 and 12 pupils.", "The class takes between 12 and 8 pupils."),
        ("Allow 20 to 25 minutes per side.", "Allow 25 to 20 minutes per side."),
        ("Pack 5 kg and 10 kg sacks of rice.", "Pack 10 kg and 5 kg sacks of rice."),
        ("Priya Nair met Jonas Berg in Oslo.", "Jonas Berg met Priya Nair in Oslo."),
        ("Sessions run at 3, 5 or 7 pm.", "Sessions run at 7, 5 or 3 pm."),
    ],
)
def test_coordinated_values_trade_places_honestly(before: str, after: str) -> None:
    assert traded_values(before, after) == []
