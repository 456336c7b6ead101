"""The six guided lessons: their structure, that they run cleanly, and that their prose is true.

Structure and prose checks read the committed notebooks; the ``notebook`` tests execute each
lesson top to bottom with a real kernel (one kernel per lesson, sequentially). The claims the
lessons make in words about the texts are checked against the texts here, so that a change in
the data or the kit that makes a sentence false fails a test.
"""

from __future__ import annotations

import difflib
import json
import re

import nbformat
import pytest

from tests.conftest import REPO, execute_notebook, output_problems, shows_a_figure

NOTEBOOKS = REPO / "notebooks"
LESSONS = (
    "01_meet_the_story",
    "02_readability",
    "03_source_attribution",
    "04_artifacts",
    "05_framing",
    "06_trace_to_the_original",
)
REQUIRED_HEADINGS = (
    "Learning objectives",
    "Time estimate",
    "Practice",
    "Reflection",
    "Going further",
)
MAX_CODE_LINE = 90
MAX_FIGURE_WIDTH = 9
PRACTICE_CALL = re.compile(r"practice\(\s*((?:\"[^\"]*\"\s*)+)\)")


def _read(name: str):
    return nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)


def _markdown(notebook) -> str:
    return "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")


def _tokens(notebook) -> list[str]:
    tokens = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        for match in PRACTICE_CALL.finditer(cell.source):
            tokens.append("".join(re.findall(r"\"([^\"]*)\"", match.group(1))))
    return tokens


# --------------------------------------------------------------------------- structure


@pytest.mark.parametrize("name", LESSONS)
def test_lesson_is_committed_clean(name):
    notebook = _read(name)
    nbformat.validate(notebook)
    assert notebook.metadata["kernelspec"]["name"] == "python3"
    assert notebook.metadata["language_info"]["name"] == "python"
    for number, cell in enumerate(notebook.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{name} cell {number} has outputs: clear them"
            assert cell.execution_count is None, f"{name} cell {number} has an execution count"


@pytest.mark.parametrize("name", LESSONS)
def test_lesson_has_every_section(name):
    headings = re.findall(r"^##+ (.+)$", _markdown(_read(name)), flags=re.MULTILINE)
    for required in REQUIRED_HEADINGS:
        assert any(h.strip().startswith(required) for h in headings), (
            f"{name} lacks a '## {required}' section; it has {headings}"
        )
    assert re.search(r"About \*\*\d+ minutes\*\*", _markdown(_read(name))), (
        f"{name}: the time estimate should say 'About **N minutes**'"
    )


@pytest.mark.parametrize("name", LESSONS)
def test_lesson_fits_a_laptop_screen(name):
    for number, cell in enumerate(_read(name).cells):
        if cell.cell_type != "code":
            continue
        for line in cell.source.splitlines():
            assert len(line) <= MAX_CODE_LINE, f"{name} cell {number}: line too long: {line!r}"
        for width in re.findall(r"figsize=\(\s*([\d.]+)", cell.source):
            assert float(width) <= MAX_FIGURE_WIDTH, f"{name} cell {number}: figure too wide"


@pytest.mark.parametrize("name", LESSONS)
def test_practice_questions_are_encoded_and_complete(name):
    from kit.quiz import decode_practice

    notebook = _read(name)
    tokens = _tokens(notebook)
    assert len(tokens) >= 3, f"{name} should have at least three practice questions"
    raw = json.dumps(notebook, ensure_ascii=False)
    ids = []
    for token in tokens:
        spec = decode_practice(token)
        ids.append(spec["id"])
        assert spec["kind"] in ("single", "multiple")
        assert any(option["correct"] for option in spec["options"])
        for option in spec["options"]:
            assert len(option["explain"]) > 15, f"{spec['id']}: explain each option"
            # The key must not be readable in the notebook: no explanation in plain text.
            assert option["explain"] not in raw, f"{spec['id']}: answer key visible"
    assert len(set(ids)) == len(ids), f"{name}: question ids repeat: {ids}"


def test_lessons_map_lists_every_lesson():
    text = (NOTEBOOKS / "README.md").read_text(encoding="utf-8")
    for name in LESSONS:
        assert f"{name}.ipynb" in text, f"notebooks/README.md does not list {name}"
        notebook = _read(name)
        minutes = re.search(r"About \*\*(\d+) minutes\*\*", _markdown(notebook)).group(1)
        assert re.search(rf"{name}\.ipynb.*\b{minutes}\b", text), (
            f"notebooks/README.md should give {name} the lesson's own time ({minutes} min)"
        )


def test_framing_lesson_makes_the_translation_nuance_prominent_and_quizzed():
    from kit.quiz import decode_practice

    notebook = _read("05_framing")
    markdown = _markdown(notebook)
    assert re.search(r"^## .*not always a choice", markdown, flags=re.MULTILINE)
    for phrase in ("represión", "Reuters' own word", "not verified", "Daily Mail", "Newsweek"):
        assert phrase in markdown
    specs = [decode_practice(token) for token in _tokens(notebook)]
    nuance = [s for s in specs if "suppression" in s["prompt"] and "clampdown" in s["prompt"]]
    assert nuance, "a practice question must test the clampdown/suppression nuance"
    right = [o["text"] for o in nuance[0]["options"] if o["correct"]]
    assert len(right) == 1 and "translation" in right[0] and "Reuters' own word" in right[0]


# --------------------------------------------------------------------------- execution


@pytest.fixture(scope="module")
def warm_matplotlib():
    """Build matplotlib's font cache once, so no lesson prints the one-time notice."""
    from matplotlib import font_manager

    return font_manager.fontManager


@pytest.mark.notebook
@pytest.mark.parametrize("name", LESSONS)
def test_lesson_runs_top_to_bottom_without_errors_or_warnings(name, warm_matplotlib, tmp_path):
    notebook = execute_notebook(_read(name), NOTEBOOKS, timeout=60)
    assert output_problems(notebook) == []
    for number, cell in enumerate(notebook.cells):
        if cell.cell_type == "code" and ("plt.show()" in cell.source or "_figure(" in cell.source):
            assert shows_a_figure(cell), f"{name} cell {number} should display a figure"
    widgets = [
        cell
        for cell in notebook.cells
        if cell.cell_type == "code" and cell.source.startswith("practice(")
        for output in cell.outputs
        if "application/vnd.jupyter.widget-view+json" in output.get("data", {})
    ]
    assert len(widgets) == len(_tokens(notebook)), "every practice question shows a widget"
    assert not list(NOTEBOOKS.glob("*.answers.json")), "practice questions write no files"


# --------------------------------------------------------------------------- the prose is true


def _plain(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _has(version, phrase: str) -> bool:
    return re.search(rf"\b{re.escape(_plain(phrase))}\b", _plain(version.body)) is not None


def _which(story, phrase: str) -> list[str]:
    return [version.id for version in story if _has(version, phrase)]


def test_lesson1_claims(story):
    words = {version.id: len(version.words) for version in story}
    assert max(words, key=words.get) == "000"
    assert len(story["004"].paragraphs) == 1 and not story["004"].has_sentence_punctuation
    assert story["000"].headline_count == 2
    assert _which(story, "Ramirez") == ["001"]
    assert _which(story, "El Universal") == ["004"]
    assert (_which(story, "Lety"), _which(story, "Ledy"), _which(story, "Lilly")) == (
        ["001"],
        ["004"],
        ["000"],
    )
    assert "crying down with her face" in story["000"].body
    assert "an limb clutching her small 6-year-old son" in story["001"].body
    assert "MEXICO CITY, July 25( Reuters)" in story["001"].body
    assert "borderledy" in story["004"].text
    # 000 has the river crossing and the CBP spokesman; 001 lacks both
    assert _has(story["000"], "bushes") and not _has(story["001"], "bushes")
    assert "a spokesman said that the US customs" in story["000"].body
    assert "customs" not in story["001"].body.lower()


def test_lesson2_claims(story):
    import textstat

    from kit.readability import readability_table

    stripped = story["004"].body
    assert textstat.sentence_count(stripped) == 1
    assert textstat.flesch_kincaid_grade(stripped) > 100  # "a grade level in the hundreds"
    assert textstat.flesch_reading_ease(stripped) < 0  # "even below zero"
    assert (
        textstat.gunning_fog(stripped) > 25 and textstat.dale_chall_readability_score(stripped) > 15
    )  # "all four scores ... far outside any sensible range"
    assert not readability_table(story).loc["004", "reliable"]

    def syllables_per_word(text):
        return textstat.syllable_count(text) / textstat.lexicon_count(text)

    assert syllables_per_word(stripped) > max(
        syllables_per_word(story[i].body) for i in ("000", "001")
    )
    assert "Looking at the river." in story["000"].sentences
    grades = sorted(
        (round(textstat.flesch_kincaid_grade(p), 1), p) for p in story["000"].paragraphs
    )
    assert any("cracked argument" in paragraph for _, paragraph in grades[:2])
    assert grades[0][0] == grades[1][0]  # "the two easiest paragraphs ... the same grade"
    swaps = {
        "therapy": "treatment",
        "chore": "job",
        "traversing": "crossing",
        "intersecting": "crossing",
        "limb": "arm",
        "encompassing": "covering",
        "generated": "created",
        "hurled": "thrown",
        "United Country": "United States",
    }
    longer = [
        s for s, o in swaps.items() if textstat.syllable_count(s) > textstat.syllable_count(o)
    ]
    shorter = [
        s for s, o in swaps.items() if textstat.syllable_count(s) < textstat.syllable_count(o)
    ]
    made_difficult = [
        s
        for s, o in swaps.items()
        if textstat.is_difficult_word(s) and not textstat.is_difficult_word(o)
    ]
    assert len(longer) > len(swaps) / 2 and not shorter and made_difficult  # "most", "none"


def test_lesson3_claims(story):
    quote_marks = re.compile(r"[“”\"]")
    assert not quote_marks.search(story["004"].text)  # every quotation mark stripped
    assert "“The woman prayed and pleaded with the National Guard" in story["001"].body
    assert "begged" not in story["001"].body
    assert '"The woman allowed to cross the National Guard to beg for her' in story["000"].body
    assert '"National Guard"' in story["000"].body
    assert "”invited her" in story["001"].body  # opens with a closing mark
    for version in story:
        words = {word.lower() for word in version.words}
        assert not words & {"claimed", "admitted"}
    assert "his face is a small reflection" in story["000"].body.lower()
    assert "photographer said face photo small reflection migrant suffering" in story["004"].body
    assert len(re.findall(r"photograph josé luis gonzález reuters\w+", story["004"].body)) >= 3
    # "Most speakers it finds in 004 are '(unclear)'"
    from kit import attribution

    speakers = attribution.attributions(story["004"])["speaker"]
    assert (speakers == "(unclear)").mean() > 0.5


def test_lesson4_claims(story):
    assert _which(story, "USUU") == ["000"] and "UU.," in story["000"].body
    assert "Perez and his son" in story["000"].body
    assert "Perez threw himself" in story["000"].body
    assert "Perez and her son" in story["001"].body
    assert "on Twilight on Monday" in story["000"].body
    assert "as twilight approached on Monday" in story["001"].body
    tortured = ["United Country", "United State", "therapy", "chore", "traversing"]
    tortured += ["intersecting", "limb", "encompassing", "generated", "hurled"]
    for phrase in tortured:
        assert "001" in _which(story, phrase) and not _has(story["000"], phrase), phrase
    # the list flags only "united state" in 004, a plural lost in preprocessing
    assert [p for p in tortured if _has(story["004"], p)] == ["United State"]
    assert _has(story["000"], "treatment") and _has(story["000"], "created")
    assert "hurled into the spotlight" in story["001"].body
    assert story["004"].text.count("facebook twitter pinterest") >= 2
    assert set(re.findall(r"\breuters[a-z]+", story["004"].text)) == {
        "reutersfamilies",
        "reutersthe",
        "reutersit",
    }


def test_lesson5_claims(story):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    assert _which(story, "clampdown") == ["001"]
    assert _which(story, "suppression") == ["000"]
    assert story["000"].body.count("suppression") == 2
    assert _which(story, "crackdown") == []
    assert "does not violate suppression rights" in story["000"].body
    assert "the clampdown by Mexico" in story["001"].body
    assert "the suppression of Mexico" in story["000"].body
    lexicon = SentimentIntensityAnalyzer().lexicon
    assert "clampdown" not in lexicon and "suppression" not in lexicon
    assert lexicon["repression"] < 0
    analyzer = SentimentIntensityAnalyzer()
    tones = {v.id: analyzer.polarity_scores(v.headline)["compound"] for v in story}
    assert max(tones, key=tones.get) == "000" and tones["000"] > 0
    assert [w for w in story["000"].headline.lower().split() if w in lexicon] == ["united"]
    assert _which(story, "prayed") == ["001"]
    assert _which(story, "asylum seeker") == ["004"]
    assert not _has(story["004"], "migrants") and _has(story["004"], "migrant")
    assert "custom border protection" in story["004"].body


def _content_words(paragraph: str) -> set[str]:
    return {w for w in re.findall(r"[a-záéíóúñ]+", paragraph.lower()) if len(w) >= 4}


def _overlap(first: str, second: str) -> float:
    a, b = _content_words(first), _content_words(second)
    return len(a & b) / len(a | b) if a | b else 0.0


def _longest_shared_run(first, second) -> int:
    a = [w.strip(',.“”"') for w in first.body.lower().split()]
    b = [w.strip(',.“”"') for w in second.body.lower().split()]
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return max(block.size for block in matcher.get_matching_blocks())


def test_lesson6_claims(story):
    reuters_pair = _longest_shared_run(story["000"], story["001"])
    assert reuters_pair >= 9
    for other in ("000", "001"):
        assert _longest_shared_run(story["004"], story[other]) < reuters_pair / 2
    assert "militarized national guard police force" in story["004"].body
    # paragraph order: 001's first six paragraphs match 000's in increasing order; its last
    # three (Ramirez, the National Guard official) match nothing in 000
    best = []
    for paragraph in story["001"].paragraphs:
        scores = [_overlap(paragraph, other) for other in story["000"].paragraphs]
        best.append((max(scores), scores.index(max(scores))))
    first_six = [index for _, index in best[:6]]
    assert first_six == sorted(first_six)
    assert all(score < 0.25 for score, _ in best[6:])
    # the kit's alignment: every paired sentence of 000 and 001 changed; 004 pairs with
    # almost nothing in 001
    from kit import compare

    pairs = compare.align(story["000"], story["001"]).counts()
    assert pairs["same"] == 0 and pairs["changed"] >= 10
    guardian = compare.align(story["004"], story["001"]).counts()
    assert guardian["same"] == 0 and guardian["changed"] <= 2 and guardian["only in 004"] >= 10
    for fact in ("El Universal", "metering", "Northern Triangle"):
        assert _which(story, fact) == ["004"]
    assert _which(story, "remain mexico") == ["004"]


# --------------------------------------------------------------------------- care and audience


@pytest.mark.parametrize("name", LESSONS)
def test_practice_question_inputs_are_hidden(name):
    # A learner sees the question, not the encoded token above it.
    cells = [c for c in _read(name).cells if c.cell_type == "code" and "practice(" in c.source]
    calls = [c for c in cells if PRACTICE_CALL.search(c.source)]
    assert calls, f"{name} has no practice questions"
    for cell in calls:
        hidden = cell.metadata.get("jupyter", {}).get("source_hidden")
        assert hidden is True, f"{name} cell {cell.get('id')}: set jupyter.source_hidden"


@pytest.mark.parametrize("name", LESSONS)
def test_lesson_states_level_and_prerequisites_and_links_the_glossary(name):
    first = _read(name).cells[0]
    assert first.cell_type == "markdown" and "**Level and prerequisites.**" in first.source
    assert "Lesson" in first.source or name.startswith("01"), (
        f"{name}: name the lessons to do first"
    )
    assert "(glossary.md" in _markdown(_read(name))


def _slug(heading: str) -> str:
    """The anchor GitHub and most Markdown viewers give a heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_glossary_defines_the_terms_and_every_link_resolves():
    glossary = (NOTEBOOKS / "glossary.md").read_text(encoding="utf-8")
    anchors = {_slug(h) for h in re.findall(r"^###? (.+)$", glossary, flags=re.MULTILINE)}
    for term in (
        "F1 score",
        "log-likelihood",
        "p < 0.05",
        "VADER compound",
        "pipeline",
        "regular expression",
        "SMOG",
        "stop words",
    ):
        assert _slug(term) in anchors, f"the glossary lacks {term!r}"
    texts = [_markdown(_read(name)) for name in LESSONS]
    texts.append((NOTEBOOKS / "README.md").read_text(encoding="utf-8"))
    links = [link for text in texts for link in re.findall(r"\(glossary\.md#([^)]+)\)", text)]
    assert len(links) >= 20, "link the glossary where its terms first appear"
    missing = sorted(set(links) - anchors)
    assert not missing, f"links to glossary anchors that do not exist: {missing}"


_PATTERN_LITERAL = re.compile(r"""\br(f?)(["'])(.*?)\2""")
_PLAIN_ALTERNATION = re.compile(r"[\w ,\-|]+")


@pytest.mark.parametrize("name", LESSONS)
def test_every_regular_expression_a_lesson_shows_is_explained(name):
    notebook = _read(name)
    markdown = _markdown(notebook)
    for cell in notebook.cells:
        if cell.cell_type != "code" or cell.source.startswith("practice("):
            continue
        for found in _PATTERN_LITERAL.finditer(cell.source):
            is_template, pattern = found.group(1), found.group(3)
            if is_template:
                assert "`\\b`" in markdown, f"{name}: explain the \\b of {pattern!r}"
            elif _PLAIN_ALTERNATION.fullmatch(pattern):
                assert "|" not in pattern or "`|`" in markdown, f"{name}: explain | in {pattern}"
            else:
                assert f"`{pattern}`" in markdown, f"{name}: explain the pattern {pattern!r}"


def test_no_shipped_lesson_or_story_file_cites_the_unshipped_story_sheet():
    # FACTS.md is the authors' working sheet and does not ship: cite the public pages instead.
    files = [
        *NOTEBOOKS.glob("*.ipynb"),
        *NOTEBOOKS.glob("*.md"),
        *(REPO / "data" / "story").iterdir(),
    ]
    files += [REPO / "INSTRUCTORS.md", REPO / "README.md", REPO / "data" / "README.md"]
    citing = [p.name for p in files if p.is_file() and "FACTS.md" in p.read_text(encoding="utf-8")]
    assert citing == []
    manifest = (REPO / "data" / "story" / "manifest.toml").read_text(encoding="utf-8")
    for page in ("article-7287983", "lasemanadelsur.com", "Pictures of the Year"):
        assert page in manifest


# --------------------------------------------------------------------------- corrections


def test_lesson1_days_named_in_the_texts(story):
    import datetime

    days = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    named = {v.id: sorted(d for d in days if _has(v, d)) for v in story}
    assert named == {"000": ["monday", "wednesday"], "001": ["monday"], "004": ["tuesday"]}
    assert "twilight on monday" in story["000"].body.lower()
    assert "twilight approached on monday" in story["001"].body.lower()
    text = _markdown(_read("01_meet_the_story"))
    assert "`004` names no day;" not in text and "no\nday for the photo" in text
    assert '"Wednesday"' in text and '"tuesday"' in text
    # Lesson 6's calendar check: 22 July 2019 was the Monday before the 25 July dateline
    photo, report = datetime.date(2019, 7, 22), datetime.date(2019, 7, 25)
    assert photo.weekday() == 0 and 0 < (report - photo).days < 7
    assert "22 July 2019 was a Monday" in _markdown(_read("06_trace_to_the_original"))


def test_lesson2_does_not_call_every_short_sentence_a_fragment(story):
    shortest = sorted(story["000"].sentences, key=len)[:5]
    assert "Looking at the river." in shortest
    assert "The soldier did not reveal his name." in shortest  # an ordinary sentence
    text = _markdown(_read("02_readability"))
    assert "produced fragments that are\nnot real sentences" not in text
    assert '"The soldier did not reveal his name." is a normal sentence' in text


def test_lesson3_dateline_is_a_claim_and_the_hint_names_every_speaker(story):
    text = _markdown(_read("03_source_attribution"))
    assert "can tell that the text is Reuters' work" not in text
    assert "*claims* to be Reuters' work" in text
    # who speaks in 000 but not in 001, and how
    assert "In June, Lopez Obrador said that" in story["000"].body
    assert "In June" not in story["001"].body and "Trump" in story["001"].body
    assert 'Trump said on Wednesday that Mexico "will probably' in story["000"].body
    assert "a spokesman said that the US customs" in story["000"].body
    assert "López Obrador said in June" in text and "reported speech" in text


def test_lesson4_names_can_change_for_honest_reasons():
    text = _markdown(_read("04_artifacts"))
    assert "never changes" not in text
    assert 'Reuters itself\nwent from "Lety" to "Ledy"' in text


def test_lesson4_shows_the_negations_lost_by_the_pipeline(story):
    from kit.lexicons import stop_words

    stripped = story["004"].body
    assert stripped.count("there overt aggression") == 2 and "provide name" in stripped
    assert "displayed no overt aggression" in story["001"].body
    assert "did not disclose his name" in story["001"].body
    assert "did not show any open aggression" in story["000"].body
    assert {"no", "not"} <= stop_words()
    assert "Lost negations" in _markdown(_read("04_artifacts"))


def test_lesson5_hedges_and_counts_words_not_actors(story):
    from kit import framing

    for text in (_markdown(_read("05_framing")), (NOTEBOOKS / "README.md").read_text("utf-8")):
        claims = re.findall(
            r"\bis\b([^.]{0,30}?)(?:translation artifact|artifact of\s+translation)", text
        )
        assert claims, "the lesson and the map should still make the point"
        for words_before in claims:
            assert "most likely" in words_before, f"hedge the claim: is{words_before}..."
    asks = framing.concordance(story["000"], "ask*")
    assert len(asks) == 2 and not any("Perez" in left for left in asks["left"])
    assert "people judge the migrants" in asks.iloc[0]["left"]
    table = framing.lexical_choices(story).set_index("choice")
    people = re.findall(r"\bmigrants?\b", story["000"].body.lower())  # not "migration"
    assert "migration" in story["000"].body.lower()
    assert table.loc["ask", "000"] == 2 and table.loc["migrant", "000"] == len(people)
    text = _markdown(_read("05_framing"))
    assert 'In `000` neither "ask" is the mother\'s' in text


def test_lesson6_does_not_call_001_a_cut_down_copy(story):
    text = _markdown(_read("06_trace_to_the_original"))
    assert "cut-down" not in text and "a shorter form" not in text
    assert _has(story["001"], "Ramirez") and not _has(story["000"], "Ramirez")
    assert "did not respond immediately" in story["000"].body
    for site in ("hailnewsup.com", "edifytrends.com"):
        assert site in text
    assert "what cannot be known" in text and "## 2. Stop: check your own reaction" in text


def _specs(name: str) -> dict[str, dict]:
    from kit.quiz import decode_practice

    return {spec["id"]: spec for spec in map(decode_practice, _tokens(_read(name)))}


def _key(spec: dict) -> list[str]:
    return [option["text"] for option in spec["options"] if option["correct"]]


def test_the_practised_moves_have_questions_whose_keys_hold(story):
    import datetime

    lesson4, lesson6 = _specs("04_artifacts"), _specs("06_trace_to_the_original")
    # Stop is about one's own reaction, not a recap
    (stop,) = _key(lesson6["l6-stop"])
    assert "feel" in stop and "Haunting" in story["001"].headline
    # the Monday before the dateline of 25 July 2019
    (monday,) = _key(lesson6["l6-monday"])
    day = datetime.datetime.strptime(monday, "%d %B %Y").date()
    assert day.weekday() == 0 and 0 < (datetime.date(2019, 7, 25) - day).days < 7
    # the negation that 004 lost is still in the copies that kept their small words
    (negation,) = _key(lesson4["l4-negation"])
    assert "no overt aggression" in negation and "there overt aggression" in story["004"].body
    assert "no overt aggression" in story["001"].body
    # what lateral reading leaves unknown; what the copies establish is not among the keys
    unknown = _key(lesson6["l6-unknown"])
    assert any("hailnewsup.com" in text for text in unknown)
    assert not any("identical" in text or "twice" in text for text in unknown)
    assert story["000"].headline_count == 2
