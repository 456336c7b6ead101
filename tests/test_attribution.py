"""Attribution: quotations, reported speech, sources table, datelines, credits."""

from __future__ import annotations

from kit import attribution


def test_ramirez_is_quoted_only_in_001(story):
    table = attribution.sources_table(story).set_index("source")
    assert table.loc["Jesus Ramirez"].tolist() == ["—", "quoted directly", "—"]


def test_calderon_quote_differs_between_000_and_001(story):
    def calderon(version):
        quotes = attribution.quotations(version)
        return quotes[quotes["speaker"].str.contains("Calderon")]["quotation"].tolist()

    assert calderon(story["000"]) == [
        "It is a matter of shame, that Mexico should never have accepted this."
    ]
    assert calderon(story["001"]) == ["what a pity, Mexico should never have accepted this."]


def test_curly_and_straight_quotes_get_their_speakers(story):
    quotes_001 = attribution.quotations(story["001"])
    assert quotes_001["speaker"].tolist() == [
        "Gonzalez",
        "Former Mexican President Felipe Calderon",
        "Ramirez",
        "An official with the National Guard",
    ]
    quotes_000 = attribution.quotations(story["000"]).set_index("quotation")
    assert quotes_000.loc["National Guard", "attributed"] == "no speaker: a quoted term"


def test_indirect_attributions_and_stance():
    text = (
        "The minister claimed the wall was finished. According to police, two men fled. "
        "Ana Ruiz told Reuters she had waited. The mayor admitted the plan failed."
    )
    table = attribution.attributions(text)
    rows = {(r.speaker, r.verb, r.stance) for r in table.itertuples()}
    assert ("The minister", "claimed", "casts doubt") in rows
    assert ("police", "According to", "neutral") in rows
    assert ("Ana Ruiz", "told", "neutral") in rows
    assert ("The mayor", "admitted", "implies a concession") in rows


def test_004_keeps_reporting_verbs_and_says_what_is_lost(story):
    table = attribution.attributions(story["004"], known_names=("Jose Luis Gonzalez",))
    told = table[table["verb"] == "told"]
    assert len(told) == 3 and "gonzález" in told["speaker"].tolist()
    assert not (table["kind"] == "direct quotation").any()
    limits = " ".join(attribution.attribution_limits(story["004"]))
    assert "No quotation marks" in limits and "No capital letters" in limits
    assert attribution.attribution_limits(story["001"]) == []


def test_dateline_and_photo_credits(story):
    dateline = attribution.datelines(story["001"]).iloc[0]
    assert (dateline["place"], dateline["date"], dateline["agency"]) == (
        "MEXICO CITY",
        "July 25",
        "Reuters",
    )
    assert attribution.datelines(story["000"]).empty
    credits = attribution.photo_credits(story["004"])
    credits = credits[credits["kind"] == "photo credit"]
    assert set(credits["photographer"]) == {"josé luis gonzález"}
    assert credits["glued to"].tolist() == ["families", "the", "the", "it"]
    assert credits.iloc[0]["caption"].startswith("ledy pérez reacts")


# --- quotation styles and speakers on news text the kit has never seen ----------------------
# The sentences below are written in the styles of other outlets' copies of the same event.


def _rows(text):
    return attribution.quotations(text)[["quotation", "speaker", "verb", "resolved_by"]]


def test_single_marks_and_partial_quotations():
    text = (
        "Reuters photographer José Luis González said the woman had 'begged and pleaded' "
        "with the guard, and that she wanted to 'give a better future' to her son."
    )
    rows = _rows(text)
    assert rows["quotation"].tolist() == ["begged and pleaded", "give a better future"]
    assert set(rows["speaker"]) == {"José Luis González"}


def test_speaker_after_the_quotation_in_apposition_and_she_resolved():
    text = (
        "“Let me pass, I beg of you,” the woman, identified as Lety Pérez of Guatemala, "
        "repeatedly sobs. “Don’t let them send me back ...,” she says."
    )
    first, second = _rows(text).to_dict("records")
    assert (first["speaker"], first["verb"]) == ("Lety Pérez", "sobs")
    assert first["resolved_by"] == "named in apposition"
    assert second["speaker"] == "Lety Pérez"
    assert second["resolved_by"] == "pronoun: she -> Lety Pérez (previous sentence)"


def test_pronoun_skips_a_person_of_the_other_gender():
    text = (
        "Ana Ruiz, a nurse, met the mayor, Mr Tomás Vidal, on Monday. "
        "Vidal thanked the nurses. “We were not told,” she said."
    )
    assert _rows(text).loc[0, "speaker"] == "Ana Ruiz"
    unresolved = _rows("“We were not told,” she said.").loc[0]
    assert unresolved["speaker"] == "she" and "not resolved" in unresolved["resolved_by"]


def test_social_media_verbs_and_calling_it():
    text = (
        'Sarukhan tweeted the photo, calling it the "pic du jour". '
        'Calderón retweeted the post and added, "what a shame! Mexico should never have '
        'accepted this."'
    )
    rows = _rows(text)
    assert rows["speaker"].tolist() == ["Sarukhan", "Calderón"]
    assert rows["verb"].tolist() == ["tweeted", "added"]


def test_apostrophes_are_not_quotation_marks():
    text = "Mexico's army don't patrol the migrants' camp, as in the '90s, the Joneses’ son said."
    assert attribution.quotations(text).empty
    rows = _rows("‘The migrants’ camp is full,’ she said. ‘We can’t stay.’")
    assert rows["quotation"].tolist() == ["The migrants’ camp is full,", "We can’t stay."]


def test_nested_and_multi_paragraph_quotations():
    nested = _rows("“He told me ‘go back’, and I did,” said Ana Ruiz.")
    assert nested["quotation"].tolist() == ["He told me ‘go back’, and I did,"]
    text = (
        '"We walked for a month," said Ana Ruiz. "We slept in the open.\n\n'
        '"Then the rains came.\n\n'
        '"Then the guards," she said.'
    )
    rows = attribution.quotations(text)
    assert rows["quotation"].tolist() == [
        "We walked for a month,",
        "We slept in the open. Then the rains came. Then the guards,",
    ]
    assert rows["paragraph"].tolist() == [1, 1] and set(rows["speaker"]) == {"Ana Ruiz"}


def test_verbs_of_manner_report_only_quotations():
    assert attribution.attributions("The child sobbed all night. A man called Juan.").empty
    assert attribution.quotations("“Run,” she shouted.").loc[0, "verb"] == "shouted"


def test_lexicon_cites_general_sources_and_keeps_stance():
    from kit.lexicons import load_lexicon

    lexicon = load_lexicon("reporting_verbs")
    cited = {"AP Stylebook", "Caldas-Coulthard 1994", "Thompson & Ye 1991", "Bednarek 2006"}
    cited.add("Halliday & Matthiessen 2014")
    forms = [form for entry in lexicon["entries"] for form in entry["forms"]]
    assert len(forms) == len(set(forms)), "a form belongs to one verb only"
    for entry in lexicon["entries"]:
        assert entry["stance"] and entry["note"] and entry["category"], entry["verb"]
        assert set(entry["source"].split("; ")) <= cited, entry["source"]


def test_keyed_set_matches_its_files():
    from pathlib import Path

    from kit.story import parse_toml

    folder = Path(__file__).parent / "files" / "attribution"
    key = parse_toml((folder / "key.toml").read_text(encoding="utf-8"))["quotation"]
    texts = {path.name: path.read_text(encoding="utf-8") for path in folder.glob("*.txt")}
    assert set(texts) == {entry["file"] for entry in key}
    for entry in key:
        assert entry["starts"] in texts[entry["file"]], entry
        assert entry["set"] in ("development", "held-out")


def test_first_person_is_the_writer_not_a_named_person():
    row = _rows("Ana Ruiz waited at the gate. “Go home,” I said.").loc[0]
    assert row["speaker"] == "I" and "first person" in row["resolved_by"]


def test_sources_that_are_not_people_speak_next_to_a_quotation():
    rows = _rows('In a statement, the ministry said: "The border remains open to trade."')
    assert rows.loc[0, "speaker"] == "the ministry"
    rows = _rows('"I\'m tired," admitted the coach, Jürgen Becker. "But we\'ll be back."')
    assert rows["speaker"].tolist() == ["Jürgen Becker", "Jürgen Becker"]
    assert rows["resolved_by"].tolist() == ["named in apposition", "previous quotation"]
    aside = 'The president, speaking at a rally on Friday, said the deal was "the best ever."'
    assert _rows(aside).loc[0, "speaker"] == "The president"
    # an institution far from any quotation is no speaker of reported speech
    assert attribution.attributions("The city had said the road was closed.").empty


def test_british_single_marks_keep_the_limits_empty():
    text = "‘We are staying,’ said Ana Ruiz. Her son’s school is closed."
    assert attribution.attribution_limits(text) == []
    assert "No quotation marks" in attribution.attribution_limits("she said we stay")[0]


def test_initials_and_titles_do_not_end_a_sentence():
    rows = _rows('"We need beds," said Dr. Jane Smith, the director. "Now."')
    assert rows["speaker"].tolist() == ["Jane Smith", "Jane Smith"]
    rows = _rows('U.S. officials said the talks had been "productive."')
    assert rows.loc[0, "speaker"] == "U.S. officials"
