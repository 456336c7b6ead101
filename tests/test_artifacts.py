"""Artifacts: true findings on the story, and clean text that must not be flagged."""

from __future__ import annotations

import pytest

from kit import artifacts
from kit.lexicons import load_lexicon


@pytest.fixture(scope="module")
def findings(story):
    return artifacts.find_artifacts(story)


def evidence(findings, version, signal):
    return [f.evidence for f in findings if f.version == version and f.signal == signal]


def test_united_country_found_in_001(findings):
    assert {"United Country", "United State"} <= set(evidence(findings, "001", "tortured phrase"))


def test_all_spun_words_of_001_found(findings):
    found = " ".join(evidence(findings, "001", "tortured phrase"))
    for word in (
        "therapy",
        "chore",
        "traversing",
        "intersecting",
        "traverse",
        "limb",
        "encompassing",
        "generated",
        "hurled",
        "prayed and pleaded",
    ):
        assert word in found, word


def test_usuu_in_000_with_its_position(findings, story):
    usuu = [f for f in findings if f.version == "000" and f.evidence == "USUU"][0]
    assert story["000"].text[usuu.offset : usuu.offset + 4] == "USUU"
    assert usuu.paragraph == 11 and "EE. UU." in usuu.explanation
    assert "UU." in evidence(findings, "000", "mangled foreign abbreviation")


def test_odd_capital_twilight(findings):
    assert any("Twilight" in e for e in evidence(findings, "000", "odd capital letter"))


def test_pronouns_for_the_mother_in_000(findings):
    assert sorted(evidence(findings, "000", "pronoun gender disagrees")) == [
        "Perez and his",
        "Perez and his",
        "Perez threw himself",
    ]
    assert not evidence(findings, "001", "pronoun gender disagrees")


def test_no_pronoun_signal_for_perez_and_her_son():
    assert artifacts.find_artifacts("Perez and her son waited. Perez ran with her son.") == []


def test_name_drift_lilly_lety_ledy(findings):
    drift = evidence(findings, "000", "name drift")
    assert drift == ["Perez: Lilly (000) / Lety (001) / ledy (004)"]
    assert evidence(findings, "004", "name drift") == drift


def test_altered_quotation_prayed_and_pleaded_flagged(findings):
    changed = [f for f in findings if f.signal == "quotation differs between versions"]
    assert any(
        "'prayed and pleaded with'" in f.explanation and "beg" in f.explanation for f in changed
    )
    assert any("matter of shame" in f.evidence and "what a pity" in f.evidence for f in changed)
    assert "prayed and pleaded" in evidence(findings, "001", "tortured phrase")


def test_preprocessing_of_004(findings):
    signals = {f.signal for f in findings if f.version == "004"}
    assert {
        "all lower case",
        "no punctuation",
        "stop words removed",
        "web-page residue",
        "credit glued to the next word",
        "headline glued to the body",
    } <= signals
    assert evidence(findings, "004", "credit glued to the next word") == [
        "reutersfamilies",
        "reutersthe",
        "reutersthe",
        "reutersit",
    ]
    assert len(evidence(findings, "004", "web-page residue")) == 4
    assert "tortured phrase" not in signals  # lemmatized "united state" is not spinning


def test_clean_paragraph_has_no_tortured_phrase():
    clean = (
        "The treatment migrants are receiving drew criticism in the United States. "
        "The guard was doing his job, blocking them from crossing into the country, "
        "an arm over his rifle."
    )
    assert artifacts.find_artifacts(clean) == []


def test_every_finding_has_position_evidence_and_explanation(findings, story):
    assert len(findings) > 20
    for f in findings:
        assert f.category in artifacts.CATEGORIES
        assert 0 <= f.offset < len(story[f.version].text)
        assert f.evidence and len(f.explanation) > 30


def test_output_states_these_are_heuristics(findings):
    assert "not proof" in findings._repr_html_()
    assert "not proof" in str(findings)
    frame = findings.to_frame()
    assert list(frame.columns[:3]) == ["version", "paragraph", "offset"]


def test_every_lexicon_entry_names_its_source():
    for name, key in [
        ("tortured_phrases", "entries"),
        ("translation_signals", "entries"),
        ("reporting_verbs", "entries"),
        ("concept_groups", "groups"),
        ("text_residue", "web_residue"),
    ]:
        for entry in load_lexicon(name)[key]:
            assert entry.get("source"), (name, entry)
