"""Opposite words from WordNet 3.0 (promptops/data/wordnet_antonyms.txt): the shipped list and what it catches.

The sentences are written for these tests, not taken from the labelled benchmark sets.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from promptops import change_lexicon as lexicon
from promptops.change_checks import compare_texts
from promptops.wordnet_antonyms import wordnet_antonyms

BUILD_SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "build_antonyms.py"


def _data_file() -> str:
    return resources.files("promptops").joinpath("data/wordnet_antonyms.txt").read_text(encoding="utf-8")


def test_the_list_carries_wordnets_copyright_notice_and_disclaimer() -> None:
    header = [line.removeprefix("#").strip() for line in _data_file().splitlines() if line.startswith("#")]
    text = " ".join(header)
    assert "WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved." in text
    assert 'THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS"' in text
    assert "Permission to use, copy, modify and distribute this software" in text


def test_every_pair_is_two_single_words_with_their_forms() -> None:
    pairs = wordnet_antonyms()
    assert len(pairs) > 1000
    lines = [line for line in _data_file().splitlines() if line and not line.startswith("#")]
    assert len(lines) == len(pairs)
    for line in lines:
        parts, first, second = line.split("\t")
        assert set(parts.split(",")) <= {"a", "v", "r"}  # adjectives, verbs, adverbs: no nouns
        for forms in (first.split(), second.split()):
            assert all(w.replace("-", "").isalpha() and w.islower() for w in forms)
            assert forms[0] not in lexicon.FUNCTION_WORDS | lexicon.AUXILIARIES | lexicon.STOPWORDS
    words = {w for pair in pairs for w in (*pair.first, *pair.second)}
    # the filter: light verbs, many-sense common words and quantifiers are left out, multiword entries too
    assert not words & {"come", "go", "give", "take", "let", "keep", "leave", "new", "much", "little", "past"}
    assert "take_away" not in words


def test_inflections_come_from_the_exception_lists_and_the_regular_rules() -> None:
    forms = {pair.first[0]: set(pair.first) | set(pair.second) for pair in wordnet_antonyms()}
    assert {"overpaid", "underpaid", "overpays", "underpaying"} <= forms["overpay"]
    assert {"lowered", "raising", "raises"} <= forms["lower"]
    assert {"wetting", "wetted", "dried", "dries", "driest"} <= forms["dry"]
    assert {"softer", "hardest"} <= forms["hard"]


def test_the_list_is_read_on_first_use_not_on_import() -> None:
    code = "import promptops.drift, promptops.wordnet_antonyms as w; print(w.wordnet_antonyms.cache_info().currsize)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "0"


def test_the_build_scripts_regular_inflections() -> None:
    spec = importlib.util.spec_from_file_location("build_antonyms", BUILD_SCRIPT)
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = build  # its dataclass looks its module up
    try:
        spec.loader.exec_module(build)
    finally:
        del sys.modules[spec.name]
    assert [build._suffixed("stop", s) for s in ("ed", "ing")] == ["stopped", "stopping"]
    assert [build._suffixed("dry", s) for s in ("ed", "er")] == ["dried", "drier"]
    assert [build._suffixed("close", s) for s in ("ed", "ing")] == ["closed", "closing"]
    assert build._suffixed("open", "ed") == "opened"  # two syllables: no doubled consonant
    assert [build._third_person(w) for w in ("push", "dry", "lower")] == ["pushes", "dries", "lowers"]


@pytest.mark.parametrize(
    ("before", "after", "reason"),
    [
        (
            "Our records show you overpaid your council tax last year.",
            "Our records show you underpaid your council tax last year.",
            "antonym overpaid → underpaid",
        ),
        ("The thermostat lowers the temperature at night.", "The thermostat raises the temperature at night.", ""),
        ("Memory foam pillows feel soft at first.", "Memory foam pillows feel hard at first.", "antonym soft → hard"),
        ("Use a soft brush on suede.", "Use a hard brush on suede.", "antonym soft → hard"),
        ("Apply the varnish while the wood is dry.", "Apply the varnish while the wood is wet.", "antonym dry → wet"),
        ("Wipe the lens with a dry cloth.", "Wipe the lens with a wet cloth.", "antonym dry → wet"),
        ("The forecast was accurate.", "The forecast was inaccurate.", "antonym accurate → inaccurate"),
        ("Your changes will be lost if you close the tab.", "Your changes will be saved if you close the tab.", ""),
        ("Prices are listed as gross amounts.", "Prices are listed as net amounts.", "antonym gross → net"),
        ("The bread was fresh this morning.", "The bread was stale this morning.", "antonym fresh → stale"),
        ("The recipe is simple enough for beginners.", "The recipe is complex enough for beginners.", ""),
        # a negation and the opposite word, as with the hand-written pairs
        ("The floor is dry now.", "The floor is not dry yet.", "negation added: not dry"),
        # the hand-written pairs keep their meaning and WordNet's extend them: "raise" also opposes "lower"
        ("Raise the shelf by one notch.", "Lower the shelf by one notch.", "antonym raise → lower"),
    ],
)
def test_opposites_from_wordnet_are_caught(before: str, after: str, reason: str) -> None:
    found = [str(c) for c in compare_texts(before, after)]
    assert found
    assert not reason or reason in found


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # a negation and the opposite word agree
        ("The floor is not wet any more.", "The floor is dry now."),
        ("It's not difficult to set up.", "It's easy to set up."),
        ("The app is simple to use.", "The app isn't complicated to use."),
        # a comparison turned round
        ("Nylon strings are softer than steel strings.", "Steel strings are harder than nylon strings."),
        # both opposites on both sides, in another order
        (
            "Keep the dry ingredients and the wet ingredients apart.",
            "Mix the wet ones in one bowl and the dry in another.",
        ),
        (
            "Raise the lid, then lower the basket into the oil.",
            "Lower the basket into the oil once you have raised the lid.",
        ),
        # a verb's noun after a determiner is no verb: "your stay" says nothing against "change"
        (
            "You can change your booking up to a day before arrival.",
            "Bookings can be modified until a day before your stay.",
        ),
        # light verbs and words used mostly as prepositions are not in the list
        ("Let us know if the problem persists.", "Tell us if it continues; that helps prevent repeat issues."),
        ("The class starts at half past seven.", "The class starts at 7:30."),
        (
            "Visitors sign in when entering and sign out when leaving.",
            "Visitors sign in on arrival and out on departure.",
        ),
        # other senses of a listed word, not said against its opposite
        ("It's hard to say when the fix will ship.", "It's difficult to say when the fix will ship."),
        ("Hard-boiled eggs keep for a week in the fridge.", "Hard-boiled eggs last a week when refrigerated."),
        ("Store the batteries somewhere cool and dry.", "Keep the batteries in a cool, dry place."),
        (
            "You may have paid too much; if so, we'll refund the difference.",
            "If you overpaid, we'll refund the difference.",
        ),
    ],
)
def test_rewordings_around_wordnet_opposites_are_no_change(before: str, after: str) -> None:
    assert compare_texts(before, after) == []


@pytest.mark.parametrize(
    ("before", "after", "reason"),
    [
        # a satellite adjective against its head's antonym: "moist" is similar to "wet", the opposite of "dry"
        ("Sow the seeds in moist compost.", "Sow the seeds in dry compost.", "antonym moist → dry"),
        ("The ramp is steep and the descent rapid.", "The ramp is steep and the descent slow.", "antonym rapid → slow"),
        ("Keep the strap loose.", "Keep the strap tight.", "antonym loose → tight"),
    ],
)
def test_similar_adjectives_oppose_their_heads_antonym(before: str, after: str, reason: str) -> None:
    assert reason in [str(c) for c in compare_texts(before, after)]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Keep the compost moist.", "Don't let the compost dry out; keep it damp."),
        ("Wipe it with a damp cloth, then a dry one.", "Use a damp cloth first and a dry one after."),
        ("The response was quick.", "The reply came rapidly."),
    ],
)
def test_rewordings_with_similar_adjectives_are_no_change(before: str, after: str) -> None:
    assert compare_texts(before, after) == []
