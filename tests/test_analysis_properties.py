"""Every public analysis function survives any text: empty, odd Unicode, very long lines."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit import artifacts, attribution, compare, framing, readability
from tests.conftest import TRICKY_TEXTS

SINGLE_TEXT_FUNCTIONS = {
    "readability_scores": readability.readability_scores,
    "readability_table": readability.readability_table,
    "paragraph_readability": readability.paragraph_readability,
    "quotations": attribution.quotations,
    "attributions": attribution.attributions,
    "attribution_limits": attribution.attribution_limits,
    "sources_table": attribution.sources_table,
    "datelines": attribution.datelines,
    "photo_credits": attribution.photo_credits,
    "find_artifacts": artifacts.find_artifacts,
    "lexical_choices": framing.lexical_choices,
    "compare_headlines": framing.compare_headlines,
    "connotation": framing.connotation,
    "word_connotations": framing.word_connotations,
    "immutables": compare.immutables,
    "concordance": lambda text: framing.concordance(text, "guard"),
    "keyness": lambda text: framing.keyness(text, "The guard said no to the mother."),
    "align": lambda text: compare.align(text, "The guard said no. She crossed."),
    "align_html": lambda text: compare.align("The guard said no.", text).html(),
    "collate": lambda text: compare.collate([text, "The guard said no."], check=False).to_frame(),
}
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"), st.sampled_from(list(" \n.,“”\"'EeUu-0123456789"))
    ),
    max_size=300,
)


@pytest.mark.parametrize("name", sorted(SINGLE_TEXT_FUNCTIONS))
@pytest.mark.parametrize("case", sorted(TRICKY_TEXTS))
def test_tricky_texts(name, case):
    SINGLE_TEXT_FUNCTIONS[name](TRICKY_TEXTS[case])


@pytest.mark.parametrize("name", sorted(SINGLE_TEXT_FUNCTIONS))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT)
def test_any_text(name, text):
    SINGLE_TEXT_FUNCTIONS[name](text)


@settings(max_examples=40, deadline=None)
@given(text=TEXT)
def test_finding_positions_point_into_the_text(text):
    for finding in artifacts.find_artifacts(text):
        assert 0 <= finding.offset <= len(text)
        assert finding.paragraph >= 0


@settings(max_examples=40, deadline=None)
@given(a=TEXT, b=TEXT)
def test_alignment_keeps_every_unit_once(a, b):
    alignment = compare.align(a, b)
    frame = alignment.to_frame()
    kept_a = [text for text in frame.iloc[:, 1] if text]
    kept_b = [text for text in frame.iloc[:, 2] if text]
    units = "sentences" if alignment.unit == "sentences" else "windows"
    if units == "sentences":
        from kit.locate import as_version

        assert kept_a == list(as_version(a, "A").sentences)
        assert kept_b == list(as_version(b, "B").sentences)
    else:
        assert " ".join(kept_a).split() == a.split()
        assert " ".join(kept_b).split() == b.split()


@settings(max_examples=40, deadline=None)
@given(text=TEXT, word=st.text(alphabet="abcxyzé*", min_size=1, max_size=6))
def test_concordance_matches_are_in_the_text(text, word):
    from kit.locate import as_version

    version = as_version(text)
    if not word.strip("*"):
        return
    for row in framing.concordance(version, word).itertuples():
        assert version.text[row.offset : row.offset + len(row.match)] == row.match
