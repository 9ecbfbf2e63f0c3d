"""The word check: a content word swapped in place for an unrelated one, judged on the real embedding model."""

from __future__ import annotations

from promptops.drift import compare_case, compare_runs, drift_texts
from promptops.results import CaseResult, RunRecord, SampleResult
from promptops.scorer import Matrix, Scorer, SentenceTransformerEmbedder
from promptops.word_swaps import WordSwap, swap_texts, word_swap_changes, word_swaps
from tests.counting_embedder import CountingEmbedder

THRESHOLD = 0.55
INCIDENT = "Between 14:00 and 14:40 the {} service returned errors for about 8% of requests; it has recovered."


def test_a_word_between_the_same_neighbours_is_a_swap() -> None:
    assert word_swaps(INCIDENT.format("payments"), INCIDENT.format("search")) == [WordSwap("payments", "search")]


def test_a_restructured_sentence_pairs_no_words_by_chance() -> None:
    before = "The matinee has been postponed to Sunday."
    after = "Sunday is the new date of the afternoon performance."
    assert word_swaps(before, after) == []


def test_function_words_numbers_and_words_said_elsewhere_are_no_swaps() -> None:
    assert (
        word_swaps("Send the report to the team by Friday noon.", "Send the report for the team by Friday noon.") == []
    )
    assert word_swaps("Open the blue file and the red file.", "Open the red file and the red file.") == []


def test_a_word_standing_where_a_verb_stands_is_no_swap() -> None:
    # a regular past participle, or a word before its object's article: verbs, used in many senses
    before = "Create a cron job scheduled on the host clock so the report runs nightly at the office."
    after = "Create a cron job timed on the host clock so the report runs nightly at the office."
    assert word_swaps(before, after) == []
    before = "Write a retry decorator with a limit of three, then apply it to the fetch function."
    after = "Build a retry decorator with a limit of three, then apply it to the fetch function."
    assert word_swaps(before, after) == []
    # a noun between the same neighbours is still one
    before = "The parcel is waiting at the depot near the station for collection."
    after = "The parcel is waiting at the locker near the station for collection."
    assert word_swaps(before, after) == [WordSwap("depot", "locker")]


def test_a_quality_said_after_a_linking_verb_is_no_swap() -> None:
    # an adjective describes (the polarity check reads its opposites); a rare one is cut into pieces by the model's
    # vocabulary, whose embedding says little of its meaning
    before = "The new landlord is friendly and answers repair requests within a day."
    after = "The new landlord is amiable and answers repair requests within a day."
    assert word_swaps(before, after) == []
    before = "The night porter seems very courteous to guests arriving late."
    after = "The night porter seems very gracious to guests arriving late."
    assert word_swaps(before, after) == []
    # a name after the verb is no dictionary word: still a swap
    before = "The duty vet tonight is Morrison, at the Elm Road branch."
    after = "The duty vet tonight is Whitfield, at the Elm Road branch."
    assert word_swaps(before, after) == [WordSwap("morrison", "whitfield")]


def test_json_texts_are_compared_string_value_by_string_value() -> None:
    before = '{"intent": "refund", "summary": "the customer wants money back for a broken kettle bought in May"}'
    after = '{"intent": "refund", "summary": "the customer wants money back for a broken toaster bought in May"}'
    assert swap_texts(before, after) == ["kettle", "toaster"]


def test_an_unrelated_word_swapped_in_place_is_flagged(scorer: Scorer) -> None:
    changes = word_swap_changes(INCIDENT.format("payments"), INCIDENT.format("search"), scorer)
    assert [str(c) for c in changes] == ["word payments → search"]
    result = compare_case([INCIDENT.format("payments")], [INCIDENT.format("search")], scorer, THRESHOLD)
    assert result.drifted
    assert "word payments → search" in result.reasons


def test_a_synonym_swapped_in_place_is_not_flagged(scorer: Scorer) -> None:
    before = "Good news, your booking for two guests is confirmed for Friday at the lakeside hotel."
    after = "Good news, your reservation for two guests is confirmed for Friday at the lakeside hotel."
    assert word_swaps(before, after) == [WordSwap("booking", "reservation")]
    assert word_swap_changes(before, after, scorer) == []
    assert not compare_case([before], [after], scorer, THRESHOLD).drifted


def _run(run_id: str, outputs: list[str]) -> RunRecord:
    cases = [CaseResult(case_id=f"c{i}", samples=[SampleResult(sample=0, output=o)]) for i, o in enumerate(outputs)]
    return RunRecord(
        id=run_id, suite="s", suite_path="", prompt="p", prompt_version=1, provider="x", model="m", cases=cases
    )


def test_drift_embeds_the_swapped_words_in_the_one_prefetch_batch(embedder: SentenceTransformerEmbedder) -> None:
    before = [INCIDENT.format("payments"), INCIDENT.format("login")]
    after = [INCIDENT.format("search"), INCIDENT.format("login")]
    counting = CountingEmbedder(embedder)
    scorer = Scorer(counting)
    report = compare_runs(_run("a", before), _run("b", after), scorer, THRESHOLD)
    assert [c.case_id for c in report.drifted] == ["c0"]
    assert len(counting.batches) == 1
    assert set(counting.batches[0]) == {*before, *after, "payments", "search"}
    assert drift_texts([before[0]], [after[0]]) == [before[0], after[0], "payments", "search"]
    compare_runs(_run("a", before), _run("b", after), scorer, THRESHOLD)
    assert len(counting.batches) == 1  # a rerun encodes nothing


class RenamedEmbedder:
    """The real model's embeddings under another model's name, as a project with `embedding_model` set has them."""

    def __init__(self, inner: SentenceTransformerEmbedder) -> None:
        self.inner = inner

    @property
    def model_id(self) -> str:
        return "some-org/another-embedding-model"

    def encode(self, texts: list[str]) -> Matrix:
        return self.inner.encode(texts)


def test_the_word_check_is_off_on_a_model_it_was_not_calibrated_on(embedder: SentenceTransformerEmbedder) -> None:
    """The 0.2 threshold was measured on the default model only: another model gets no word verdicts at all."""
    payments, search = INCIDENT.format("payments"), INCIDENT.format("search")
    assert word_swap_changes(payments, search, Scorer(RenamedEmbedder(embedder))) == []
    assert word_swap_changes(payments, search, Scorer(embedder)) != []


def test_json_swaps_come_in_the_order_of_the_before_keys() -> None:
    before = '{"zone": "hallway sensor is low", "area": "payments service is down", "mode": "away"}'
    after = '{"mode": "away", "area": "search service is down", "zone": "garage sensor is low"}'
    assert [s.old for s in word_swaps(before, after)] == ["hallway", "payments"]
