"""Whole sentences added to or dropped from an otherwise unchanged text, and honest rewordings that are neither."""

from __future__ import annotations

import pytest

from promptops.change_checks import compare_texts
from promptops.sentence_changes import sentence_changes


@pytest.mark.parametrize(
    ("before", "after", "line"),
    [
        # a prohibition appended to an otherwise identical answer
        (
            "Your order has shipped and should arrive within three working days. Track it from the link in the "
            "confirmation email.",
            "Your order has shipped and should arrive within three working days. Track it from the link in the "
            "confirmation email. Clearance items are never refunded.",
            "sentence added: Clearance items are never refunded.",
        ),
        # an instruction dropped from the middle, nothing else touched
        (
            "Soak the seeds overnight. Sow them two centimetres deep in moist compost. Keep the tray somewhere warm.",
            "Soak the seeds overnight. Keep the tray somewhere warm.",
            "sentence removed: Sow them two centimetres deep in moist compost.",
        ),
        # an instruction with no negation, amount or code: only the sentence tells
        (
            "Mix the grout with clean water until smooth. Wear gloves, since wet grout irritates skin. Spread it "
            "diagonally with a rubber float.",
            "Mix the grout with clean water until smooth. Spread it diagonally with a rubber float.",
            "sentence removed: Wear gloves, since wet grout irritates skin.",
        ),
        # "high" is no greeting ("Hi")
        (
            "Place the hive on a level stand. Keep the entrance clear of high grass. Inspect the colony weekly.",
            "Place the hive on a level stand. Inspect the colony weekly.",
            "sentence removed: Keep the entrance clear of high grass.",
        ),
        # an obligation added between two kept sentences
        (
            "Boarding opens forty minutes before departure. Have your boarding pass ready at the gate.",
            "Boarding opens forty minutes before departure. Passengers must show photo identification at the gate. "
            "Have your boarding pass ready at the gate.",
            "sentence added: Passengers must show photo identification at the gate.",
        ),
        # a warning dropped from a bulleted list
        (
            "Before the exam:\n- Bring two pencils and an eraser\n- Calculators are not permitted in the hall\n"
            "- Leave bags in the cloakroom",
            "Before the exam:\n- Bring two pencils and an eraser\n- Leave bags in the cloakroom",
            "sentence removed: Calculators are not permitted in the hall",
        ),
        # a fact added to an answer that opens with courtesy
        (
            "Thanks for asking! Descale the espresso machine monthly with citric acid. Rinse the tank afterwards.",
            "Thanks for asking! Descale the espresso machine monthly with citric acid. Vinegar damages the brass "
            "boiler, so never use it. Rinse the tank afterwards.",
            "sentence added: Vinegar damages the brass boiler, so never use it.",
        ),
    ],
)
def test_a_sentence_added_or_dropped_is_a_change(before: str, after: str, line: str) -> None:
    assert sentence_changes(before, after) == [line]
    assert line in [c.detail for c in compare_texts(before, after) if c.kind == "sentence"]


def test_a_long_sentence_is_shown_cut_short() -> None:
    before = "Leave the varnish to cure overnight. Clean the brushes in white spirit."
    after = (
        "Leave the varnish to cure overnight. Keep the room ventilated and away from open flames while the fumes "
        "last. Clean the brushes in white spirit."
    )
    assert sentence_changes(before, after) == [
        "sentence added: Keep the room ventilated and away from open flames while th…"
    ]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # reordered
        (
            "Bring a reusable water bottle. The trail has no shade after the first bridge. Start early.",
            "Start early. The trail has no shade after the first bridge. Bring a reusable water bottle.",
        ),
        # split and merged
        (
            "Preheat the grill to high and brush the peppers with oil before charring them on each side.",
            "Preheat the grill to high. Brush the peppers with oil. Then char them on each side.",
        ),
        (
            "Unplug the router. Wait thirty seconds. Plug it back in and wait for the lights to settle.",
            "Unplug the router, wait thirty seconds, then plug it back in and wait for the lights to settle.",
        ),
        # courtesy, greetings and sign-offs added or dropped
        (
            "The library closes at eight on weekdays. Returns can go in the drop box outside.",
            "Thanks for reaching out! The library closes at eight on weekdays. Returns can go in the drop box "
            "outside. Let me know if anything is unclear, and happy reading!",
        ),
        (
            "Hi Priya,\nYour appointment is confirmed for Tuesday morning. Please arrive ten minutes early.\n"
            "Best wishes,\nThe Clinic Team",
            "Your appointment is confirmed for Tuesday morning. Please arrive ten minutes early.",
        ),
        (
            "Snow chains are recommended above the pass. The road is gritted overnight.",
            "Snow chains are recommended above the pass. The road is gritted overnight. Drive safely and stay warm!",
        ),
        (
            "Replace the fuse with a 3 amp one. Then test the lamp.",
            "Replace the fuse with a 3 amp one. Then test the lamp. Give us a call if it still won't switch on.",
        ),
        # a remark about the answer, a disclaimer, a question to the reader
        (
            "The gallery is open until six. Photography is allowed in the main hall.",
            "The gallery is open until six. Photography is allowed in the main hall. This should help you plan "
            "the visit.",
        ),
        (
            "Your loan application is approved. The funds arrive within two days.",
            "Your loan application is approved. The funds arrive within two days. This isn't financial advice.",
        ),
        (
            "The printer is offline. Restart it from the control panel.",
            "The printer is offline. Restart it from the control panel. Is it on the same network as your laptop?",
        ),
        # a lead-in, a heading and a label line
        (
            "Whisk the eggs with the sugar until pale. Fold in the flour gently.",
            "Here's what to do: Whisk the eggs with the sugar until pale. Fold in the flour gently.",
        ),
        ("Reboot the hub. Pair the sensor again from the app.", "## Fix\nReboot the hub. Pair the sensor again."),
        (
            "Summary: The patient reports mild headaches after screen use.",
            "Summary: The patient reports mild headaches after screen use.\nSeverity: mild",
        ),
        # one sentence said again in other words, in place or merged into the next
        (
            "Move the tortoise into the shade. Offer it a dish of water. Then phone a reptile vet immediately. Keep "
            "the room quiet.",
            "Move the tortoise into the shade. Offer it a dish of water. Get an exotic-animal veterinarian on the "
            "line right away. Keep the room quiet.",
        ),
        (
            "Fill the kettle with fresh water. Boil it once. Then pour it over the leaves and steep for three "
            "minutes. Strain before serving.",
            "Fill the kettle with fresh water and bring it to a single boil. Then pour it over the leaves and steep "
            "for three minutes. Strain before serving.",
        ),
        # the reason for a kept step, dropped; a summary restating a kept sentence
        (
            "Turn off the water at the stopcock. Doing this stops water reaching the burst pipe. Then call a plumber.",
            "Turn off the water at the stopcock. Then call a plumber.",
        ),
        (
            "Sign the lease before Friday. The deposit is held by the agency.",
            "Sign the lease before Friday. The deposit is held by the agency. In short, the lease needs signing "
            "before Friday.",
        ),
        # a title's full stop ends no sentence
        (
            "Your appointment with Dr. Mensah is confirmed. Please arrive early.",
            "Your appointment with Dr. Mensah is confirmed. Please arrive a little early.",
        ),
    ],
)
def test_rewordings_and_courtesy_are_no_change(before: str, after: str) -> None:
    assert sentence_changes(before, after) == []
    assert sentence_changes(after, before) == []


def test_json_outputs_are_left_to_the_structured_comparison() -> None:
    before = '{"action": "refund", "status": "approved"}'
    after = '{"action": "refund", "status": "approved", "note": "Clearance items are never refunded. Ask in store."}'
    assert not [c for c in compare_texts(before, after) if c.kind == "sentence"]


def test_a_cut_answer_reports_the_truncation_without_repeating_each_lost_sentence() -> None:
    before = (
        "Drain the radiator before the frost arrives. Close the valve on the left side first. "
        "Then open the bleed screw with a radiator key and catch the water in a tray."
    )
    after = "Drain the radiator before the frost arrives. Close the valve on the left side first. Then open the"
    assert any(line.startswith("sentence removed") for line in sentence_changes(before, after))
    kinds = [change.kind for change in compare_texts(before, after)]
    assert "truncation" in kinds
    assert "sentence" not in kinds


@pytest.mark.parametrize(
    ("before", "after", "line"),
    [
        # a contrast qualifies the sentence before it: without it the text says more than it should
        (
            "Tomato plants like full sun. However, if the leaves curl and turn yellow, move the pots into light shade.",
            "Tomato plants like full sun.",
            "sentence removed: However, if the leaves curl and turn yellow, move the pots…",
        ),
        (
            "Oak floors take an oil finish well.",
            "Oak floors take an oil finish well. But a kitchen floor fares better with a hard lacquer.",
            "sentence added: But a kitchen floor fares better with a hard lacquer.",
        ),
    ],
)
def test_a_contrast_dropped_or_added_is_a_change(before: str, after: str, line: str) -> None:
    assert sentence_changes(before, after) == [line]
