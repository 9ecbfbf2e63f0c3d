"""Change checks: numbers, negation, entities, labels, truncation, format and JSON, one small example each."""

from __future__ import annotations

import pytest

from promptops.change_checks import (
    compare_texts,
    entity_changes,
    extract_entities,
    extract_labels,
    extract_numbers,
    json_changes,
    label_changes,
    negation_changes,
    negation_cues,
    number_changes,
    parse_json,
    truncation_changes,
)


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("five days", ["5"]),
        ("5 days", ["5"]),
        ("1,000 users", ["1000"]),
        ("1000 users", ["1000"]),
        ("a 5% discount", ["5%"]),
        ("a 5 percent discount", ["5%"]),
        ("10 per cent off", ["10%"]),
        ("twenty-five items", ["25"]),
        ("twenty five items", ["25"]),
        ("two hundred and five", ["205"]),
        ("one thousand two hundred", ["1200"]),
        ("twenty-five, two hundred", ["25", "200"]),
        ("two three", ["2", "3"]),
        ("$3.50 and 3.5", ["3.5", "3.5"]),
        ("twice a day", ["2"]),
        ("on the 1st and on the first", ["#1", "#1"]),
        ("First, open the settings.", []),
        ("the one you bought", []),
        ("one of our agents", []),
        ("one item", ["1"]),
        ("no numbers here", []),
    ],
)
def test_numbers_are_normalised(text: str, numbers: list[str]) -> None:
    assert extract_numbers(text) == numbers


@pytest.mark.parametrize(
    ("before", "after", "details"),
    [
        ("arrives in 5 days", "arrives in 30 days", ["number 5 → 30"]),
        ("arrives in five days", "arrives in 5 days", []),
        ("costs 1,000 dollars", "costs $1000", []),
        ("a 5% fee", "a 5 percent fee", []),
        ("a 5% fee", "a 5 fee", ["number 5% → 5"]),
        ("within 30 days", "soon", ["number 30 removed"]),
        ("soon", "within 30 days", ["number 30 added"]),
        ("5 days, 5 days", "5 days", []),
    ],
)
def test_number_changes(before: str, after: str, details: list[str]) -> None:
    assert [c.detail for c in number_changes(before, after)] == details


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("You can't return it.", ["can't"]),
        ("You can’t return it.", ["can't"]),
        ("It is not included and never was.", ["not", "never"]),
        ("We cannot help without a receipt.", ["cannot", "without"]),
        ("No, it isn't.", ["no", "isn't"]),
        ("It returns None when missing.", []),
        ("None of them work.", ["none"]),
        ("Nothing to do.", ["nothing"]),
        ("It works.", []),
        ("Notice the knot.", []),
    ],
)
def test_negation_cues(text: str, cues: list[str]) -> None:
    assert negation_cues(text) == cues


@pytest.mark.parametrize(
    ("before", "after", "details"),
    [
        ("This plan includes support.", "This plan does not include support.", ["negation added: not"]),
        ("We never ship to PO boxes.", "We ship to PO boxes.", ["negation removed: never"]),
        ("We don't ship there.", "We do not ship there.", []),
        ("Tuples cannot change.", "A tuple can't be modified.", []),
        ("It works.", "It runs.", []),
    ],
)
def test_negation_changes(before: str, after: str, details: list[str]) -> None:
    assert [c.detail for c in negation_changes(before, after)] == details


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        ("The capital of France is Paris.", ["France", "Paris"]),
        ("Paris is the capital.", []),
        ("Contact Alice's team in New York.", ["Alice", "New", "York"]),
        ('He works at "Acme" now.', ["Acme"]),
        ("Thanks! I think you and I agree.", []),
        ("It is 100 °C.", []),
        ("Line one\nBob says hi", []),
        ("Meet on Monday in May.", []),
    ],
)
def test_entities_are_capitalised_words_inside_sentences(text: str, entities: list[str]) -> None:
    assert extract_entities(text) == entities


@pytest.mark.parametrize(
    ("before", "after", "details"),
    [
        ("The capital of France is Paris.", "The capital of France is Lyon.", ["entity Paris → Lyon"]),
        ("Send it to Maria today.", "Send it to Daniel today.", ["entity Maria → Daniel"]),
        ("Alice from London leads it.", "It is led by Alice of the London office.", []),
        ("Ask the Support team.", "Ask support.", []),  # an omission alone is not a substitution
        ("It is in paris.", "It is in Paris.", []),
    ],
)
def test_entity_changes(before: str, after: str, details: list[str]) -> None:
    assert [c.detail for c in entity_changes(before, after)] == details


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Sentiment: positive", {"sentiment": "positive"}),
        ("Category: Billing\nPriority: High", {"category": "billing", "priority": "high"}),
        ("- **Answer**: B", {"answer": "b"}),
        ("Classification: not spam. It has a link.", {"classification": "not spam"}),
        ("Summary: The customer wants to cancel the subscription because of price.", {}),
        ("See https://example.com for more.", {}),
        ("We open at 9:00 daily.", {}),
    ],
)
def test_labels_are_short_key_value_pairs(text: str, labels: dict[str, str]) -> None:
    assert extract_labels(text) == labels


@pytest.mark.parametrize(
    ("before", "after", "details"),
    [
        ("Sentiment: positive", "Sentiment: negative", ["label sentiment: positive → negative"]),
        ("Sentiment: positive", "Sentiment: Positive.", []),
        ("Category: billing\nPriority: high", "Category: billing\nPriority: low", ["label priority: high → low"]),
        ("Sentiment: positive", "Mood: negative", []),
    ],
)
def test_label_changes(before: str, after: str, details: list[str]) -> None:
    assert [c.detail for c in label_changes(before, after)] == details


def test_truncation_is_an_unfinished_shorter_ending() -> None:
    assert truncation_changes("Go to settings and click Save.", "Go to settings and")
    assert not truncation_changes("Go to settings and click Save.", "Open settings, then Save.")
    assert not truncation_changes("no final punctuation here", "no final")
    assert not truncation_changes("Done.", "Done and dusted, with extra words")


def test_json_is_parsed_plain_or_fenced() -> None:
    assert parse_json('{"a": 1}') == (True, {"a": 1})
    assert parse_json("```json\n[1, 2]\n```") == (True, [1, 2])
    assert parse_json("{not json}") == (False, None)
    assert parse_json("42") == (False, None)


def test_json_changes_are_readable_lines() -> None:
    before = {"label": "positive", "meta": {"score": 3}, "tags": ["a", "b"], "old": 1}
    after = {"label": "negative", "meta": {"score": "3"}, "tags": ["b", "c"], "new": True}
    details = sorted(c.detail for c in json_changes(before, after))
    assert details == sorted(
        [
            "label: 'positive' → 'negative'",
            "meta.score: 3 → '3'",
            "new added: True",
            "old removed: 1",
            "tags[1] added: 'c'",
            "tags[0] removed: 'a'",
        ]
    )
    assert json_changes({"a": [1, 2]}, {"a": [2, 1]}) == []


def test_compare_texts_uses_only_the_structured_comparison_for_json() -> None:
    changes = compare_texts('{"city": "Paris", "days": 5}', '```json\n{"days": 5, "city": "Lyon"}\n```')
    assert [(c.kind, c.key, c.detail) for c in changes] == [("json", "json:city", "city: 'Paris' → 'Lyon'")]


def test_compare_texts_notices_json_turning_into_prose() -> None:
    assert [c.detail for c in compare_texts('{"intent": "cancel"}', "The user wants to cancel.")] == [
        "format changed: JSON → text"
    ]


def test_compare_texts_finds_nothing_in_an_honest_rewording() -> None:
    before = "You can request a refund within 30 days of purchase. Go to your order history."
    after = "Refunds are available for thirty days after you buy: open your order history."
    assert compare_texts(before, after) == []
