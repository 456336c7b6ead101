"""The text layer: the same sentences and words everywhere, and no crash on strange input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kit
from kit import text
from tests.conftest import TRICKY_TEXTS, write_story_folder


@pytest.mark.parametrize(
    "sample, expected",
    [
        ("The U.S. border. Next.", ["The U.S. border.", "Next."]),
        (
            "Mr. Trump spoke at 9 a.m. Wednesday. Gen. Sandoval did not.",
            ["Mr. Trump spoke at 9 a.m. Wednesday.", "Gen. Sandoval did not."],
        ),
        ("“Go,” he said. “Now!” She went.", ["“Go,” he said.", "“Now!”", "She went."]),
        ("One paragraph\n\nand another.", ["and another."]),
    ],
)
def test_sentences(sample, expected):
    assert text.split_sentences(sample)[-len(expected) :] == expected


def test_paragraph_break_ends_a_sentence():
    assert text.split_sentences("First line.\n\nSecond line.") == ["First line.", "Second line."]


@pytest.mark.parametrize("name", sorted(TRICKY_TEXTS))
def test_tricky_texts_do_not_crash(name):
    sample = TRICKY_TEXTS[name]
    sentences = text.split_sentences(sample)
    words = text.tokenize_words(sample)
    assert all(s.strip() for s in sentences)
    assert all(any(ch.isalnum() for ch in w) for w in words)
    if name in ("empty", "whitespace", "only-punctuation"):
        assert words == [] and sentences == []
    if name == "long-line":
        assert len(words) == 12_500 and sentences == []
    if name == "long-sentences":
        assert len(sentences) == 5_000


def test_accents_and_emoji_keep_their_words():
    words = text.tokenize_words(TRICKY_TEXTS["emoji-and-accents"])
    assert {"Pérez", "río", "Díaz", "Señor"} <= set(words)
    assert "🙂" not in words


@pytest.mark.parametrize("name", sorted(TRICKY_TEXTS))
def test_tricky_texts_load_as_a_story(tmp_path, name):
    folder = write_story_folder(tmp_path, {"x": TRICKY_TEXTS[name]})
    version = kit.load_story(folder)["x"]
    assert isinstance(version.words, tuple) and isinstance(version.sentences, tuple)
    assert version.id in version.summary()


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_gives_words_and_sentences_from_it(sample):
    words = text.tokenize_words(sample)
    sentences = text.split_sentences(sample)
    assert all(any(ch.isalnum() for ch in w) for w in words)
    if not text.has_sentence_punctuation(sample):
        assert sentences == []
    for sentence in sentences:
        assert sentence.strip() == sentence and sentence
