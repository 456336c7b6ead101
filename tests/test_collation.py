"""Collation of N versions: the variant table, its kinds, summaries, bad input, the tree."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit import collation, compare, variants
from kit.figures import closeness_tree_figure
from kit.locate import normalise_words
from kit.story import parse_toml

MATERIAL = Path(__file__).resolve().parent / "files" / "collation"


def _kinds(a: str, b: str) -> list[str]:
    return list(compare.collate([a, b]).between("text1", "text2")["kind"])


def test_each_kind_on_a_minimal_pair():
    base = "The mayor, Anna Holt, said on Monday that 40 families had left the valley."
    assert _kinds(base, base.replace("left", "departed")) == [variants.WORDING]
    assert _kinds(base, base.replace("Holt", "Hult")) == [variants.NAME]
    assert _kinds(base, base.replace("40", "14")) == [variants.NUMBER]
    assert _kinds(base, base.replace("Monday", "Friday")) == [variants.NUMBER]
    assert _kinds(
        base, base.replace("the valley.", "the valley. Rain fell on the hills all week.")
    )[-1:] == [variants.ADDED]
    assert _kinds(base, base.lower().replace(",", "")) == [variants.PREPROCESSING] * 2
    assert set(_kinds(base, base.replace(" the ", " "))) == {variants.PREPROCESSING}
    quoted = 'Holt said: "We will rebuild the bridge by spring." Then she left.'
    assert _kinds(quoted, quoted.replace("rebuild", "restore")) == [variants.QUOTATION]
    assert _kinds(quoted, quoted.replace("Then she left", "Then she departed")) == [
        variants.WORDING
    ]


def test_a_thesaurus_swap_is_marked_as_near_synonyms_and_an_unrelated_one_is_not():
    base = "The council said the bridge was closed for repairs."
    marks = {}
    for swapped in ("shut", "green"):
        table = collation.collate([base, base.replace("closed", swapped)])
        (row,) = table.rows
        (difference,) = row.pairs.values()
        marks[swapped] = (difference.near_synonym, "near-synonyms" in difference.explanation)
    assert marks == {"shut": (True, True), "green": (False, False)}


def test_a_moved_paragraph_is_moved_not_added_twice():
    first = "Rivers rose across the northern plain overnight."
    second = "Schools in three districts stayed closed on the advice of engineers."
    third = "Farmers moved cattle to higher pastures before dawn."
    found = _kinds("\n\n".join([first, second, third]), "\n\n".join([third, first, second]))
    assert found and set(found) == {variants.MOVED}


def test_stop_word_swaps_are_wording_not_preprocessing():
    # preprocessing removes small words; replacing one by another is a change of wording
    assert _kinds("She gave it to her son.", "She gave it to their son.") == [variants.WORDING]


def test_readings_carry_paragraph_and_offset_into_the_text():
    a = "First paragraph stays.\n\nThe guard said no to the mother."
    b = "First paragraph stays.\n\nThe soldier said no to the mother."
    row = compare.collate([a, b]).rows[0]
    for text, word in ((a, "guard"), (b, "soldier")):
        reading = row.readings["text1" if text is a else "text2"]
        assert reading.paragraph == 2
        assert text[reading.offset : reading.offset + len(word)] == word == reading.text


def test_three_versions_one_row_each_reading(story):
    table = compare.collate(story)
    assert table.ids == ("000", "001", "004")
    frame = table.to_frame()
    assert {"000", "001", "004", "004 offset", "kind", "explanation"} <= set(frame.columns)
    for _, row in frame.head(30).iterrows():
        for version_id in table.ids:
            offset, text = row[f"{version_id} offset"], row[version_id]
            assert story[version_id].text[offset : offset + len(text)] == text


def test_story_pairs_match_what_the_texts_show(story):
    table = compare.collate(story)
    pairs = table.between("000", "001")
    quotation = pairs[pairs["kind"] == variants.QUOTATION]
    # the photographer's quotation: "prayed and pleaded" in 001 (FACTS: altered quotation)
    assert any("prayed and pleaded" in text for text in quotation["in 001"])
    wording = pairs[pairs["kind"] == variants.WORDING]
    assert any(
        a == "reveal" and b == "disclose"
        for a, b in zip(wording["in 000"], wording["in 001"], strict=True)
    )
    assert any("Ramirez" in text for text in pairs.loc[pairs["kind"] == variants.ADDED, "in 001"])
    distances = table.distances()
    # 000 and 001 descend from one Reuters report; 004 is The Guardian's own article
    assert distances.loc["000", "001"] < distances.loc["000", "004"]
    assert distances.loc["000", "001"] < distances.loc["001", "004"]
    assert table.tree()[0] == "004"  # the odd one out joins last
    summary = table.pair_summary()
    assert summary.loc["000 / 001", "total"] == len(pairs)


def test_004_aligns_with_a_preprocessed_copy_of_itself_only_as_preprocessing():
    text = "The Guard said there was no overt aggression during the nine-minute encounter."
    stripped = "guard said overt aggression nine minute encounter"
    kinds = set(_kinds(text, stripped))
    assert kinds == {variants.PREPROCESSING}


@pytest.mark.parametrize(
    "texts, error",
    [
        (["The guard said no.", ""], collation.EmptyVersionError),
        (["The guard said no.", "The guard said no."], collation.IdenticalVersionsError),
        (
            [
                "The guard said no to the mother.",
                "El soldado le dijo que no a la madre de los niños.",
            ],
            collation.NotEnglishError,
        ),
        (["The guard said no.", "The guard said yes. " * 300], collation.LengthMismatchError),
        (["Only one version."], collation.CollationInputError),
    ],
)
def test_bad_input_is_refused_with_a_clear_error(texts, error):
    with pytest.raises(error) as raised:
        compare.collate(texts)
    assert isinstance(raised.value, collation.CollationInputError)
    assert "text" in str(raised.value)  # names the version


def test_the_kits_versions_all_read_as_english(story):
    for version in story:
        assert collation.language_check(version) is None, version.id


def test_keyed_copies_are_classified_as_keyed():
    """A cheap check on the keyed material (bench/bench_collate.py measures all of it)."""
    original = (MATERIAL / "original.txt").read_text(encoding="utf-8")
    key = parse_toml((MATERIAL / "key.toml").read_text(encoding="utf-8"))["change"]
    spun = (MATERIAL / "spun.txt").read_text(encoding="utf-8")
    found = compare.collate([original, spun]).between("text1", "text2")
    keyed = [c for c in key if c["copy"] == "spun"]
    assert len(found) == len(keyed)
    for change in keyed:
        new_words = set(normalise_words(change["new"]).split()) - set(
            normalise_words(change["old"]).split()
        )
        hits = found[[bool(new_words & set(normalise_words(t).split())) for t in found["in text2"]]]
        assert list(hits["kind"]) == [change["kind"]], change


def test_closeness_tree_figure_has_a_text_description(story):
    figure = closeness_tree_figure(story)
    assert figure.alt_text.startswith("Tree of the versions: Versions 000 and 001 are closest")
    labels = [label.get_text() for label in figure.axes[0].get_yticklabels()]
    assert sorted(labels) == ["version 000", "version 001", "version 004"]


WORDS = "river bridge guard mother soldier town photo market rain school crossing".split()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), edits=st.integers(1, 12))
def test_collation_finds_every_differing_word(seed, edits):
    """Random edits (replace, delete, insert) of a random text. The words outside every
    variant are the same, in the same order, in both copies (so every deleted word is in a
    variant), every new word is in a variant, and there are at most two variants per edit."""
    rng = random.Random(seed)
    vocabulary = [*WORDS, *(f"w{n}" for n in range(60))]
    base = [rng.choice(vocabulary) for _ in range(rng.randint(20, 120))]
    copy, new_words = [], []
    edit_at = set(rng.sample(range(len(base)), min(edits, len(base))))
    for index, word in enumerate(base):
        action = rng.choice(("replace", "delete", "insert")) if index in edit_at else "keep"
        if action in ("replace", "insert"):
            new_words.append(len(copy))
            copy.append(f"new{index}")
        if action in ("keep", "insert"):
            copy.append(word)
    table = compare.collate([" ".join(base), " ".join(copy)], check=False)
    found = table.pair_variants("text1", "text2")
    marked = [set(), set()]
    for variant in found:
        for side, version_id in enumerate(("text1", "text2")):
            marked[side].update(variant.place.readings[version_id].tokens)
    unmarked_base = [w for i, w in enumerate(base) if i not in marked[0]]
    unmarked_copy = [w for i, w in enumerate(copy) if i not in marked[1]]
    assert unmarked_base == unmarked_copy
    assert set(new_words) <= marked[1]
    # an edit beside a repeated word ("school school") may be aligned either way round and
    # then shows as two variants (a word left out here, one added there), never more
    assert len(found) <= 2 * len(edit_at)


def test_lesson4_collation_claims(story):
    """What lesson 4 says the collation of 000 and 001 shows."""
    differences = compare.collate([story["000"], story["001"]]).between("000", "001")
    pairs = list(zip(differences["in 000"], differences["in 001"], strict=True))

    def beside(word_000: str, word_001: str) -> bool:
        return any(
            re.search(rf"\b{word_000}\b", a) and re.search(rf"\b{word_001}\b", b) for a, b in pairs
        )

    for word_000, word_001 in (
        ("created", "generated"),
        ("treatment", "therapy"),
        ("going to", "traversing into"),
        ("US", "United Country"),
        ("reveal", "disclose"),
        ("killings", "homicide rates"),
        ("suppression", "clampdown"),
    ):
        assert beside(word_000, word_001), (word_000, word_001)
    for word in ("chore", "intersecting"):  # in the Ramirez paragraphs, which only 001 has
        assert "Ramirez" in story["001"].body and word in story["001"].body
        assert not re.search(rf"\b{word}\b", story["000"].body)
        row = next(a for a, b in pairs if re.search(rf"\b{word}\b", b))
        assert row and not any(w in row for w in ("job", "crossing"))  # unrelated words


def test_lesson6_collation_claims(story):
    """What lesson 6 says the collation of the three versions shows."""
    table = compare.collate(story)
    distances = table.distances()
    closest = min((distances.loc[a, b], a, b) for a in table.ids for b in table.ids if a < b)
    assert closest[1:] == ("000", "001")
    assert min(distances.loc["004", "000"], distances.loc["004", "001"]) > 0.8
    quotations = table.between("000", "001", kinds=[variants.QUOTATION])
    assert any("prayed and pleaded" in text for text in quotations["in 001"])


@pytest.mark.parametrize(
    "language, text",
    [
        ("French", "La mère a supplié le soldat de la laisser passer avec son fils dans la nuit."),
        ("German", "Die Mutter bat den Soldaten, sie mit ihrem Sohn über die Grenze zu lassen."),
        ("Dutch", "De moeder vroeg de soldaat om haar met haar zoon over de grens te laten gaan."),
    ],
)
def test_language_check_names_the_language(language, text):
    from kit.locate import as_version

    assert f"it reads as {language}" in collation.language_check(as_version(text))


def test_three_versions_one_row_per_place_where_one_differs():
    texts = [
        "The guard said no to the mother on the bridge today.",
        "The guard said no to the mother on the bridge yesterday.",
        "The soldier said no to the mother on the bridge today.",
    ]
    frame = compare.collate(texts).to_frame()
    readings = [tuple(row[["text1", "text2", "text3"]]) for _, row in frame.iterrows()]
    assert readings == [("guard", "guard", "soldier"), ("today.", "yesterday.", "today.")]
    assert list(frame["kind"]) == [variants.WORDING, variants.WORDING]
