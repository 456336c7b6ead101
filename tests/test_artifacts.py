"""Artifacts: true findings on the story, keyed material they were not written from, and clean
text that must not be flagged."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
import tomllib

from kit import artifacts, collocations, signals, wordfit
from kit.lexicons import compiled_patterns, load_lexicon
from kit.locate import as_version

MATERIAL = Path(__file__).resolve().parent / "files" / "signals"
NEWS = sorted((MATERIAL / "news").glob("*.txt"))


@pytest.fixture(scope="module")
def findings(story):
    return artifacts.find_artifacts(story)


def evidence(findings, version, signal):
    return [f.evidence for f in findings if f.version == version and f.signal == signal]


def test_united_country_found_in_001_by_the_general_lists(findings):
    spun = {f.evidence for f in findings if f.version == "001" and f.category == "spinning"}
    assert {"United Country", "United State", "an limb"} <= spun


def test_story_examples_are_true_to_the_story_and_unused_by_the_finder(story, findings):
    for pattern, entry in compiled_patterns("story_examples"):
        assert pattern.search(story[entry["version"]].text), entry["phrase"]
        assert "FACTS" not in entry["source"] and "dailymail.co.uk" in entry["source"]
    # the general finder never reads the examples: their wordings in a new text raise no
    # list-based finding; only kit.wordfit may flag a word, from the language model alone
    found = artifacts.find_artifacts("Police were doing its chore of therapy migrants.")
    assert {f.signal for f in found} <= {wordfit.SIGNAL}
    assert all(f.source == wordfit.SOURCE for f in found)
    assert not any("story_examples" in f.source for f in findings)


def test_usuu_in_000_with_its_position(findings, story):
    usuu = [f for f in findings if f.version == "000" and f.evidence == "USUU"][0]
    assert story["000"].text[usuu.offset : usuu.offset + 4] == "USUU"
    assert usuu.paragraph == 11 and "EE. UU." in usuu.explanation
    assert "UU." in evidence(findings, "000", "mangled foreign abbreviation")


def test_spanish_abbreviations_by_the_general_rule():
    found = artifacts.translation_signals(as_version("Trade with EEUU and ISUU grew. UU., then"))
    assert [f.evidence for f in found] == ["EEUU", "ISUU", "UU."]
    assert artifacts.translation_signals(as_version("The AAA, the UN and the U.S. met.")) == []


def test_odd_capital_twilight(findings):
    assert evidence(findings, "000", "odd capital letter") == ["…Gonzalez on Twilight on Monday.…"]


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


def test_preprocessing_of_004(findings):
    signals_004 = {f.signal for f in findings if f.version == "004"}
    assert {
        "all lower case",
        "no punctuation",
        "stop words removed",
        "web-page residue",
        "credit glued to the next word",
        "headline glued to the body",
    } <= signals_004
    assert evidence(findings, "004", "credit glued to the next word") == [
        "reutersfamilies",
        "reutersthe",
        "reutersthe",
        "reutersit",
    ]
    assert len(evidence(findings, "004", "web-page residue")) == 4
    # lemmatized "united state" is preprocessing, not spinning: names keep their capitals
    assert not [f for f in findings if f.version == "004" and f.category == "spinning"]


def test_clean_paragraph_has_no_artifact():
    clean = (
        "The treatment migrants are receiving drew criticism in the United States. "
        "The guard was doing his job, blocking them from crossing into the country, "
        "an arm over his rifle. An hour later, a union leader and a European MP spoke."
    )
    assert artifacts.find_artifacts(clean) == []


@pytest.mark.parametrize("path", NEWS, ids=[p.stem for p in NEWS])
def test_article_swaps_in_news_of_our_own_are_found(path):
    """Swap the word after every article for a word of the other sound: each swap is found."""
    text = path.read_text(encoding="utf-8")
    assert signals.article_mismatches(as_version(text)) == []  # the faithful text is clean
    other = {"a": "orange", "A": "orange", "an": "table", "An": "table"}
    spun = re.sub(r"\b(an?|An?) [a-z]+", lambda m: f"{m.group(1)} {other[m.group(1)]}", text)
    swaps = len(re.findall(r"\b(?:an?|An?) [a-z]+", text))
    assert swaps >= 5
    assert len(signals.article_mismatches(as_version(spun))) == swaps


def test_fixed_expression_forms_and_capitals():
    found = artifacts.tortured_phrases(as_version("He posted it on social presses in the US."))
    assert [f.signal for f in found] == ["broken fixed expression"]
    assert "'social media'" in found[0].explanation
    assert artifacts.tortured_phrases(as_version("crossing into the united state")) == []


def test_name_written_two_ways_needs_both_forms():
    one = "Lawmakers in the United State voted."
    both = "Lawmakers in the United States voted. Back in the United State, they met."
    assert signals.names_written_two_ways(as_version(one)) == []
    assert [f.evidence for f in signals.names_written_two_ways(as_version(both))] == [
        "United State"
    ]


@pytest.mark.parametrize(
    ("faithful", "swapped", "usual"),
    [
        # Sentences written for this test. Web 1T lists "ask questions" and "was cold"; the
        # thesaurus gives "queries" and "frigid" as near-synonyms over 30 times rarer, whose
        # pairs with the same neighbours the list does not hold.
        (
            "Customers may ask questions about the new service.",
            "Customers may ask queries about the new service.",
            "ask questions",
        ),
        (
            "The weather was cold and wet all week.",
            "The weather was frigid and wet all week.",
            "was cold",
        ),  # fmt: skip
    ],
)
def test_a_near_synonym_that_breaks_a_usual_pair_is_found(faithful, swapped, usual):
    assert collocations.unusual_pairings(as_version(faithful)) == []
    found = collocations.unusual_pairings(as_version(swapped))
    changed = next(i for i, (a, b) in enumerate(zip(faithful, swapped, strict=False)) if a != b)
    assert len(found) == 1
    assert found[0].offset <= changed < found[0].offset + len(found[0].evidence)
    assert f"'{usual}' is the usual phrase" in found[0].explanation
    # among all the spinning signals the swapped word is flagged once; a pair with a stop word
    # ("was frigid") is read only in a text that reads as spun, so here the model flags it
    (lead,) = signals.spinning_signals(as_version(swapped))
    assert lead.offset <= changed < lead.offset + len(lead.evidence)


def test_unusual_pairs_are_read_only_in_running_prose():
    # the swapped sentence above with its stop words removed, as a preprocessing pipeline does
    assert collocations.unusual_pairings(as_version("customers ask queries new service")) == []
    # a capitalised word inside a sentence is a name, never a swapped word
    assert collocations.unusual_pairings(as_version("They met Frigid Wilson at noon.")) == []


def test_near_synonyms_leave_out_function_words_and_inflect():
    assert "residents" in collocations.near_synonyms("occupants")  # plural of the base pair
    assert "or" not in collocations.near_synonyms("rose")  # heraldic gold is no synonym


def test_every_unusual_pair_lead_on_the_keyed_copies_states_true_counts():
    """The evidence must hold: the flagged pair is not among the listed pairs, the usual one is."""
    counts = collocations.bigram_counts()
    leads = [
        f
        for path in sorted((MATERIAL / "spun").glob("*.txt"))
        for f in collocations.unusual_pairings(as_version(path.read_text("utf-8"), path.stem))
    ]
    assert leads
    for lead in leads:
        usual = re.search(r"; '([^']+)' is the usual phrase", lead.explanation).group(1)
        assert lead.evidence.lower() not in counts
        assert counts[usual] >= collocations.BIGRAM_FLOOR


def test_the_spinners_table_is_not_the_detectors_thesaurus():
    """The test spinner's table was written by hand before the kit had a thesaurus; if it were
    regenerated from the detector's near-synonyms, the benchmark would measure itself."""
    table = tomllib.loads((MATERIAL / "spin_table.toml").read_text(encoding="utf-8"))["words"]
    pairs = [(w, s) for w, swaps in table.items() for s in swaps if " " not in s]
    shared = [(w, s) for w, s in pairs if w in collocations.near_synonyms(s)]
    assert len(pairs) > 300
    assert len(shared) < len(pairs) / 3


def test_keyed_material_is_reproducible_and_its_keys_point_at_the_changes():
    spec = importlib.util.spec_from_file_location("make_material", MATERIAL / "make_material.py")
    maker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(maker)
    table = maker.tomllib.loads((MATERIAL / "spin_table.toml").read_text(encoding="utf-8"))
    lexicon_forms = {
        swap.lower()
        for entry in load_lexicon("fixed_expressions")["entries"]
        for swap in entry["swaps"]
    }
    for path in NEWS:
        spun = (MATERIAL / "spun" / path.name).read_text(encoding="utf-8")
        key = json.loads((MATERIAL / "spun" / f"{path.stem}.key.json").read_text("utf-8"))
        rng = maker.random.Random(f"{maker.SEED}-{path.stem}")
        again, again_key = maker.spin(path.read_text(encoding="utf-8"), table["words"], rng)
        assert (again, again_key) == (spun, key)
        assert len(key) > 20
        for swap in key:
            assert spun[swap["start"] : swap["end"]] == swap["spun"]
            assert swap["spun"].lower() not in lexicon_forms  # the tests' table is its own


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


def test_every_lexicon_entry_names_a_public_source():
    checkable = re.compile(r"https?://|arXiv:\d|doi\.org|rae\.es/")
    for name, key in [
        ("tortured_phrases", "entries"),
        ("fixed_expressions", "entries"),
        ("translation_signals", "entries"),
        ("story_examples", "entries"),
        ("reporting_verbs", "entries"),
        ("concept_groups", "groups"),
        ("text_residue", "web_residue"),
    ]:
        for entry in load_lexicon(name)[key]:
            assert entry.get("source"), (name, entry)
            if name in ("tortured_phrases", "fixed_expressions", "translation_signals"):
                assert checkable.search(entry["source"]), (name, entry)
                assert "FACTS" not in entry["source"] and "text 00" not in entry["source"]


def test_odd_capitals_skip_line_breaks_and_name_heads():
    # sentences written for this test; each has the word in lower case elsewhere
    headline = "Council approves new budget\nResidents of the town said the budget was fair."
    name = "Students at the University of Elden said the university was fair."
    slip = "Police said the man was seen on Friday Evening, and not in the evening."
    for text, flagged in ((headline, False), (name, False), (slip, True)):
        found = artifacts.translation_signals(as_version(text))
        assert [f.signal for f in found] == (["odd capital letter"] if flagged else []), text
