"""The scorer on the real model: similarity ordering, deduplication and the embedding caches."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from promptops.errors import ConfigError
from promptops.scorer import (
    Embedder,
    Matrix,
    MemoryEmbeddingCache,
    Scorer,
    SentenceTransformerEmbedder,
    SqliteEmbeddingCache,
    text_key,
)
from tests.counting_embedder import CountingEmbedder


def test_paraphrase_scores_higher_than_unrelated_text(scorer: Scorer) -> None:
    reference = "You can get a refund within 30 days of purchase."
    paraphrase = "Refunds are available for thirty days after you buy."
    unrelated = "The Eiffel Tower is 330 metres tall."
    ((para, other),) = zip(*scorer.similarities([paraphrase, unrelated], [reference]), strict=True)
    assert para > 0.6
    assert other < 0.3
    assert para > other + 0.3


def test_similarities_has_one_row_per_text_and_one_column_per_reference(scorer: Scorer) -> None:
    rows = scorer.similarities(["a cat", "a dog", "a car"], ["a kitten", "a truck"])
    assert [len(r) for r in rows] == [2, 2, 2]
    assert rows[0][0] > rows[0][1]
    assert rows[2][1] > rows[2][0]
    assert scorer.similarities(["same text"], ["same text"])[0][0] == pytest.approx(1.0, abs=1e-5)
    assert scorer.similarities([], ["x"]) == []
    assert scorer.similarities(["x"], []) == [[]]


def test_texts_are_deduplicated_and_a_second_call_encodes_nothing(embedder: SentenceTransformerEmbedder) -> None:
    counting = CountingEmbedder(embedder)
    scorer = Scorer(counting, MemoryEmbeddingCache())
    first = scorer.similarities(["hello there", "hello there", "goodbye"], ["hello there"])
    assert counting.batches == [["hello there", "goodbye"]]
    second = scorer.similarities(["goodbye", "hello there"], ["hello there", "goodbye"])
    assert counting.encoded == 2
    assert second[1][0] == pytest.approx(first[0][0])
    scorer.similarities(["goodbye", "a new sentence"], ["hello there"])
    assert counting.batches[-1] == ["a new sentence"]


def test_sqlite_cache_survives_reopening_and_a_new_process(
    embedder: SentenceTransformerEmbedder, tmp_path: Path
) -> None:
    path = tmp_path / "embeddings.sqlite"
    texts = ["The order ships tomorrow.", "Your refund was approved."]
    with SqliteEmbeddingCache(path) as cache:
        expected = Scorer(embedder, cache).embed(texts)

    counting = CountingEmbedder(embedder)
    with SqliteEmbeddingCache(path) as reopened:
        again = Scorer(counting, reopened).embed(texts)
    assert counting.encoded == 0
    np.testing.assert_allclose(again, expected, atol=1e-6)

    script = textwrap.dedent(
        f"""
        from promptops.scorer import SqliteEmbeddingCache, text_key
        cache = SqliteEmbeddingCache({str(path)!r})
        rows = cache.get_many({embedder.model_id!r}, [text_key(t) for t in {texts!r}])
        print(len(rows), sorted(round(float(v @ v), 4) for v in rows.values()))
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.split()[0] == "2"
    assert "1.0" in out  # stored rows are unit length


def test_sqlite_cache_keys_include_the_model(tmp_path: Path) -> None:
    with SqliteEmbeddingCache(tmp_path / "e.sqlite") as cache:
        cache.put_many("model-a", {text_key("x"): np.ones(3, dtype=np.float32)})
        assert set(cache.get_many("model-a", [text_key("x")])) == {text_key("x")}
        assert cache.get_many("model-b", [text_key("x")]) == {}


def test_two_processes_write_the_sqlite_cache_at_once(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite"
    writer = textwrap.dedent(
        """
        import sys
        import numpy as np
        from promptops.scorer import SqliteEmbeddingCache
        path, offset = sys.argv[1], int(sys.argv[2])
        cache = SqliteEmbeddingCache(path)
        for batch in range(20):
            start = offset + batch * 10
            rows = {f"k{i}": np.full(8, i, dtype=np.float32) for i in range(start, start + 15)}
            cache.put_many("m", rows)
        cache.close()
        """
    )
    procs = [subprocess.Popen([sys.executable, "-c", writer, str(path), str(o)]) for o in (0, 100)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    with SqliteEmbeddingCache(path) as cache:
        rows = cache.get_many("m", [f"k{i}" for i in range(400)])
    assert len(rows) == 305  # k0..k204 and k100..k304 overlap: the union k0..k304, each key once
    assert all(np.all(v == float(k[1:])) for k, v in rows.items())


def test_a_zero_embedding_has_similarity_zero() -> None:
    class Zeros:
        model_id = "zeros"

        def encode(self, texts: list[str]) -> Matrix:
            return np.zeros((len(texts), 4), dtype=np.float32)

    assert Scorer(Zeros()).similarities(["a"], ["b"]) == [[0.0]]


def test_each_model_gets_its_own_embedder_and_cache_entries(embedder: SentenceTransformerEmbedder) -> None:
    made: list[str] = []

    def factory(name: str) -> Embedder:
        made.append(name)
        return CountingEmbedder(embedder) if name == "other" else embedder

    scorer = Scorer(embedder, embedder_factory=factory)
    scorer.similarities(["x"], ["y"], model="other")
    scorer.similarities(["x"], ["y"], model="other")
    scorer.similarities(["x"], ["y"])
    assert made == ["other"]


def test_an_unknown_model_path_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot load embedding model"):
        SentenceTransformerEmbedder(str(tmp_path / "no-such-model")).encode(["x"])


def test_loading_the_model_prints_no_progress_bar(capfd: pytest.CaptureFixture[str]) -> None:
    from transformers.utils import logging as transformers_logging

    SentenceTransformerEmbedder(threads=1).encode(["a fresh load of the model"])
    assert "Loading weights" not in capfd.readouterr().err
    assert transformers_logging.is_progress_bar_enabled()  # the setting is restored for other libraries
