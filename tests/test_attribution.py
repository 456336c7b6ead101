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
