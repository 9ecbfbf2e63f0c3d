"""Common English words, told from names."""

from __future__ import annotations

import pytest

from promptops.common_words import is_common_word


@pytest.mark.parametrize("word", ["Rewards", "Pupils", "students", "Reimbursements", "Visitors"])
def test_common_words(word: str) -> None:
    assert is_common_word(word)


@pytest.mark.parametrize("word", ["Paris", "Python", "Apple", "Maya", "Tokyo", "Microsoft"])
def test_names_even_when_they_are_words_too(word: str) -> None:
    assert not is_common_word(word)
