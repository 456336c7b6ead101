"""The five graded assignments: structure, truth of the keys, and grades that discriminate.

- Structure (fast): nbgrader metadata as the assignment contract says, points shown in the
  prompt, the widget and the test cell, no outputs, short lines.
- Truth: every fact a quiz key rests on is checked against the texts, and every number that
  INSTRUCTORS.md states is recomputed from the data.
- Grading (one batch): each solution is executed top to bottom by a real kernel (no error, no
  warning); then one ``kit grade`` run over a class of made-up students proves that the solution
  scores full marks, the untouched exercise scores 0, and one plausible wrong answer to each
  question loses exactly that question's points.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import REPO, execute_notebook

SOLUTIONS = REPO / "solutions"
EXERCISES = REPO / "exercises"
STEMS = ("ex1_readability", "ex2_attribution", "ex3_artifacts", "ex4_framing", "ex5_trace")
STUB = "# YOUR ANSWER HERE"
BEGIN_SOLUTION, END_SOLUTION = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"

# Options quoted by the wrong answers below (they must be options of the question).
EX1_Q6_WRONG = [
    "004's grade means nothing: textstat reads it as one huge sentence.",
    "The Guardian likely wrote for university graduates, unlike 000 and 001.",
]
EX2_Q2_WRONG = [
    "Felipe Calderón, former president of Mexico",
    "Jesús Ramírez, spokesman of President López Obrador",
    "an official of the National Guard",
]
EX3_Q1_WRONG = ["United Country", "chore", "clampdown", "therapy"]
EX3_Q7_WRONG = [
    "USUU for the United States",
    "United Country for the United States",
    "his and himself for the mother",
    "on Twilight on Monday",
]
EX4_Q4_WRONG = [
    "a video posted by Mexico's El Universal",
    "metering: asylum seekers made to wait before asking for asylum",
    "the Northern Triangle, and the violence and poverty families flee",
    "the nine-minute encounter",
]
EX5_Q6_WRONG = [
    "the word clampdown",
    "the dateline MEXICO CITY, July 25( Reuters)",
    "the headline Haunting Photo Captures Guatemalan Mother ...",
]

#: One plausible wrong answer per question: ("answer", value written to the answers file) for
#: quiz questions, ("code", source put where the solution was) for code questions. Written
#: questions are graded by hand (tests/test_manual_grading.py); the key of a variant question
#: depends on the student's id, so its wrong answer is made per student (see _variant_answer).
WRONG = {
    "ex1_readability": {
        "q1": ("answer", "001"),
        "q2": (
            "code",
            'version = story["001"]\n'
            "avg_sentence_length_001 = len(version.words) / len(version.paragraphs)",
        ),
        "q3": (
            "code",  # pretends 004 has one sentence instead of leaving it out
            "avg_lengths = {v.id: len(v.words) / max(len(v.sentences), 1) for v in story}",
        ),
        "q4": ("answer", 0.0),  # the kit's count, not textstat's
        "q5": ("answer", 14.0),  # the grade of 001
        "q6": ("answer", EX1_Q6_WRONG),
        "q7": ("written", None),
        "q8": ("variant", None),
    },
    "ex2_attribution": {
        "q1": (
            "code",  # paragraphs instead of sentences
            'said_sentences_001 = [p for p in story["001"].paragraphs if "said" in p]',
        ),
        "q2": ("answer", EX2_Q2_WRONG),
        "q3": ("answer", "prayed"),
        "q4": ("answer", "A synonym keeps the meaning, so the quote is still accurate."),
        "q5": ("answer", "It suggests that Ramírez admitted a fault."),
        "q6": (
            "code",  # accents dropped: finds nothing
            'photo_credits = story["004"].text.count("photograph jose luis gonzalez")',
        ),
        "q7": ("written", None),
        "q8": ("variant", None),
    },
    "ex3_artifacts": {
        "q1": ("answer", EX3_Q1_WRONG),
        "q2": ("answer", "Portuguese"),
        "q3": (
            "code",  # sentences instead of paragraphs
            'suppression_paragraphs = [s for s in story["000"].sentences if "suppression" in s]',
        ),
        "q4": ("answer", "It is The Guardian's spelling of her name."),
        "q5": ("code", 'facebook_count = len(story["004"].text.split("facebook"))'),  # off by one
        "q6": (
            "code",  # keeps the bare credit word too
            'glued_reuters = sorted({w for w in story["004"].words if w.startswith("reuters")})',
        ),
        "q7": ("answer", EX3_Q7_WRONG),
        "q8": ("written", None),
        "q9": ("variant", None),
    },
    "ex4_framing": {
        "q1": ("answer", "crackdown"),
        "q2": ("answer", "An editor of 000 chose the harsher word to make Mexico look oppressive."),
        "q3": ("code", 'asylum_counts = {v.id: v.words.count("Asylum") for v in story}'),
        "q4": ("answer", EX4_Q4_WRONG),
        "q5": ("answer", "treatment recommendation"),
        "q6": ("answer", "It states that the crossing was illegal."),
        "q7": ("written", None),
        "q8": ("variant", None),
    },
    "ex5_trace": {
        "q1": ("answer", "001"),
        "q2": (
            "code",  # whole words only: misses the phrases of several words
            "surviving = {v.id: [p for p in REUTERS_PHRASES if p in v.words] for v in story}",
        ),
        "q3": (
            "code",  # forgets to lower-case (one body per function)
            (
                "return set(version.words)",
                "return len(vocabulary(a) & vocabulary(b)) / len(vocabulary(a) | vocabulary(b))",
            ),
        ),
        "q4": ("answer", "000 and 004"),
        "q5": ("answer", "Read the article closely for errors first."),
        "q6": ("answer", EX5_Q6_WRONG),
        "q7": ("written", None),
        "q8": ("variant", None),
    },
}


# ------------------------------------------------------------------------------ helpers
def read(path: Path):
    import nbformat

    return nbformat.read(path, as_version=4)


def nbgrader(cell) -> dict:
    return cell.metadata.get("nbgrader", {})


def questions(notebook) -> dict[str, dict]:
    """qid -> {"prompt", "answer", "test"} cells, from the grade_ids qN-prompt/-answer/-test."""
    found: dict[str, dict] = {}
    for cell in notebook.cells:
        match = re.fullmatch(r"(q\d+)-(prompt|answer|test)", nbgrader(cell).get("grade_id", ""))
        if match:
            found.setdefault(match[1], {})[match[2]] = cell
    return found


def solution_regions(source: str) -> list[str]:
    """The code between each BEGIN SOLUTION and END SOLUTION line, dedented, in order."""
    regions, lines = [], source.splitlines()
    while any(line.strip() == BEGIN_SOLUTION for line in lines):
        start = next(i for i, line in enumerate(lines) if line.strip() == BEGIN_SOLUTION)
        end = next(i for i, line in enumerate(lines) if line.strip() == END_SOLUTION)
        regions.append(textwrap.dedent("\n".join(lines[start + 1 : end])))
        lines = lines[end + 1 :]
    return regions


def fill_stubs(source: str, parts: list[str]) -> str:
    """``source`` with its stub lines replaced, in order, by ``parts`` at the stub's indent."""
    stubs = [line for line in source.splitlines() if line.strip() == STUB]
    assert len(stubs) == len(parts), f"{len(stubs)} stubs for {len(parts)} answers"
    out, remaining = [], iter(parts)
    for line in source.splitlines():
        if line.strip() != STUB:
            out.append(line)
            continue
        indent = line[: len(line) - len(line.lstrip())]
        out += [indent + part if part else part for part in next(remaining).splitlines()]
    return "\n".join(out)


def kind(question: dict) -> str:
    """'written' (graded by hand), 'variant' (per-student key), 'answer' (a widget question:
    its answer cell creates a question) or 'code'."""
    if question["answer"].cell_type == "markdown":
        return "written"
    if "kit.unseen" in question["answer"].source:
        return "variant"
    return "answer" if "= book." in question["answer"].source else "code"


def is_written(cell) -> bool:
    meta = nbgrader(cell)
    return cell.cell_type == "markdown" and meta.get("grade") and meta.get("solution")


def _variant_answer(stem: str, student: str, wrong: bool):
    """The answer a student with id ``student`` gives to the variant question (or a wrong one)."""
    from kit.unseen import expected_answer

    key = expected_answer(student, stem)
    if not wrong:
        return float(key) if isinstance(key, (int, float)) else key
    if isinstance(key, (int, float)):
        return float(key) + 3
    options = {
        "ex2_attribution": ["It reports the words neutrally.", "It casts doubt on the words."],
        "ex3_artifacts": ["spun", "stripped"],
        "ex4_framing": ["translated and back", "edited"],
    }[stem]
    return options[0] if options[0] != key else options[1]


# ------------------------------------------------------------------------------ structure
@pytest.mark.parametrize("stem", STEMS)
def test_assignment_follows_the_contract(stem):
    notebook = read(SOLUTIONS / f"{stem}.ipynb")
    assert notebook.metadata.kernelspec.name == "python3"
    ids = [nbgrader(cell).get("grade_id") for cell in notebook.cells]
    assert all(ids), f"{stem}: every cell carries nbgrader metadata with a grade_id"
    assert len(ids) == len(set(ids)), f"{stem}: duplicate grade_ids"
    for cell in notebook.cells:
        meta, source = nbgrader(cell), cell.source
        assert meta["schema_version"] == 3 and meta["task"] is False, meta
        assert ("points" in meta) == meta["grade"], f"{stem} {meta['grade_id']}: points iff grade"
        if is_written(cell):  # nbgrader's manually graded answer: the whole cell is the answer
            assert not meta["locked"] and BEGIN_SOLUTION not in source, meta["grade_id"]
            samples = source.split("<!-- samples")[1]
            assert "Emerging:" in samples and "Beginning:" in samples, meta["grade_id"]
            continue
        assert (BEGIN_SOLUTION in source) == meta["solution"], meta["grade_id"]
        assert (BEGIN_HIDDEN in source) == meta["grade"], meta["grade_id"]
        if meta["grade"]:
            assert meta["locked"] and not meta["solution"], meta["grade_id"]
            visible = source.split(BEGIN_HIDDEN)[0]
            assert "assert" in visible and "assert" in source.split(BEGIN_HIDDEN)[1]
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, "commit without outputs"
            long = [line for line in source.splitlines() if len(line) > 90]
            assert not long, f"{stem} {meta['grade_id']}: lines over 90 characters: {long}"
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert f'AnswerBook("{stem}")' in code[0].source and "kit.load_story()" in code[0].source
    assert nbgrader(code[0])["locked"] and code[-1].source == "book.progress()"


@pytest.mark.parametrize("stem", STEMS)
def test_points_are_shown_and_agree(stem):
    notebook = read(SOLUTIONS / f"{stem}.ipynb")
    found = questions(notebook)
    assert 6 <= len(found) <= 9, f"{stem}: {len(found)} questions"
    assert set(found) == set(WRONG[stem]), f"{stem}: a wrong answer for every question"
    total = 0
    for number, (qid, cells) in enumerate(sorted(found.items()), start=1):
        assert WRONG[stem][qid][0] == kind(cells), f"{stem} {qid}: wrong answer of the wrong kind"
        if kind(cells) == "written":
            assert set(cells) == {"prompt", "answer"}, f"{stem} {qid}"
            points = nbgrader(cells["answer"])["points"]
            total += points
            head = cells["prompt"].source.splitlines()[0]
            assert head == f"### Question {number} (written, {points} points, graded by hand)"
            for level in ("Beginning", "Emerging", "Mastery"):
                assert f"| {level} |" in cells["prompt"].source, f"{stem} {qid}: rubric {level}"
            continue
        assert set(cells) == {"prompt", "answer", "test"}, f"{stem} {qid}"
        points = nbgrader(cells["test"])["points"]
        total += points
        unit = "point" if points == 1 else "points"
        assert f"### Question {number} (" in cells["prompt"].source
        assert f", {points} {unit})" in cells["prompt"].source.splitlines()[0]
        assert cells["test"].source.startswith(f"# Question {number}: {points} {unit}\n")
        if kind(cells) in ("answer", "variant"):
            assert f"points={points}," in cells["answer"].source, f"{stem} {qid}: widget points"
            assert f'"{stem}", "{qid}"' in cells["test"].source, f"{stem} {qid}: book and id"
    assert f"{len(found)} questions · {total} points" in notebook.cells[0].source


@pytest.mark.parametrize("stem", STEMS)
def test_wrong_choices_are_options(stem):
    """A wrong choice answer must be something a click could record."""
    for qid, cells in questions(read(SOLUTIONS / f"{stem}.ipynb")).items():
        how, value = WRONG[stem][qid]
        source = cells["answer"].source
        if how == "answer" and ("single_choice" in source or "multiple_choice" in source):
            for option in [value] if isinstance(value, str) else value:
                assert json.dumps(option, ensure_ascii=False) in source, (stem, qid, option)


# ------------------------------------------------------------------------------ truth of keys
def test_the_facts_behind_the_quiz_keys_hold(story):
    """Each literal key in a hidden test rests on a fact checked here against the texts."""
    t000, t001, t004 = (story[i].text for i in ("000", "001", "004"))
    low = {v.id: v.text.lower() for v in story}
    # ex1 q1: only 004 lacks sentence punctuation
    assert [v.id for v in story if not v.has_sentence_punctuation] == ["004"]
    # ex2 q2: Ramírez and the Guard official only in 001; Calderón and González everywhere
    assert "Jesus Ramirez" in t001 and "An official with the National Guard" in t001
    assert not any(n in low[i] for n in ("ramirez", "ramírez") for i in ("000", "004"))
    assert "official with" not in low["000"] + low["004"]
    assert all(("calderon" in low[i] or "calderón" in low[i]) for i in story.ids)
    assert all(("gonzalez" in low[i] or "gonzález" in low[i]) for i in story.ids)
    # ex2 q3: 001 has "prayed and pleaded"; its headline and 004 use "begged"/"begging"
    assert "prayed and pleaded" in t001 and "Begging" in story["001"].headline
    assert "begged" in story["004"].words
    # ex3 q1: tortured phrases of 001 are not in 000; clampdown is kept in 001
    for phrase in ("United Country", "therapy", "chore"):
        assert phrase in t001 and phrase not in t000
    assert "clampdown by Mexico" in t001 and "assault rifle" in low["004"]
    # ex3 q2/q7, ex4 q2: the Spanish traces and the other translation clues are in 000 only
    for clue in ("USUU", "UU.,", "Perez and his son", "threw himself", "on Twilight on Monday"):
        assert clue in t000 and clue not in t001
    assert "suppression of Mexico" in t000 and "suppression" not in low["001"] + low["004"]
    # ex3 q4: Lilly only in 000, Lety in 001, Ledy in 004
    assert [i for i in story.ids if "lilly" in low[i]] == ["000"]
    assert "Lety" in t001 and "ledy" in t004
    # ex3 q6: each reuters+word is a photo credit glued to the next word
    glued = sorted({w for w in story["004"].words if w.startswith("reuters") and w != "reuters"})
    assert glued == ["reutersfamilies", "reutersit", "reutersthe"]
    for word in glued:
        assert f"photograph josé luis gonzález {word}" in t004
    # ex4 q1: the sentence of 001 parallel to 000's has "clampdown"
    (parallel,) = [s for s in story["001"].sentences if "criticism" in s]
    assert "clampdown" in parallel and "the suppression of Mexico" in story["000"].paragraphs[6]
    # ex4 q4: the Guardian's own context is only in 004; the encounter is in all three
    for phrase in ("northern triangle", "metering", "el universal"):
        assert [i for i in story.ids if phrase in low[i]] == ["004"], phrase
    assert all(("nine-minute" in low[i] or "nine minute" in low[i]) for i in story.ids)
    assert "spokesman jesus ramirez" in low["001"]
    # ex4 q6 and q5: the quoted 004 passages exist
    assert "often characterized illegal entry despite trump administration" in t004
    assert "fleeing toxic mix violence poverty food insecurity climate change corruption" in t004
    # ex5 q1: the manifest says none of the three is the original Reuters text
    assert "none of them is the original Reuters text" in " ".join(story.summary_text.split())
    # ex5 q6: 001's dateline names Reuters; Calderón's criticism is in The Guardian's 004 too
    assert "MEXICO CITY, July 25( Reuters)" in t001
    assert "calderón" in low["004"] and "Calderon" in t001


def test_ex1_q5_accepts_exactly_what_the_guide_says(story):
    """The hidden test of ex1 q5 accepts the rounded grade and one either side, no more, as
    INSTRUCTORS.md says."""
    import textstat

    test = questions(read(SOLUTIONS / "ex1_readability.ipynb"))["q5"]["test"].source
    hidden = test.split(BEGIN_HIDDEN)[1].split(END_HIDDEN)[0]
    key = round(textstat.flesch_kincaid_grade(story["004"].body))
    accepted = []
    for value in range(key - 3, key + 4):
        namespace = {"answer": float(value)}
        try:
            exec("import kit\nimport textstat\nfrom kit.quiz import number_close\n" + hidden,
                 namespace)
        except AssertionError:
            continue
        accepted.append(value)
    assert accepted == [key - 1, key, key + 1]
    guide = " ".join((REPO / "INSTRUCTORS.md").read_text(encoding="utf-8").split())
    assert f"**{key}** (1 pt; {key - 1}, {key} and {key + 1} accepted)" in guide


def _vocabulary_overlap(story) -> dict[str, float]:
    sets = {v.id: {w.lower() for w in v.words} for v in story}
    pairs = [("000", "001"), ("000", "004"), ("001", "004")]
    return {f"{a}-{b}": len(sets[a] & sets[b]) / len(sets[a] | sets[b]) for a, b in pairs}


def test_ex5_rankings_hold(story):
    """The single-choice keys of ex5 q4 follow from the measurements of q2 and q3."""
    overlap = _vocabulary_overlap(story)
    assert max(overlap, key=overlap.get) == "000-001"
    phrases = ["blocking them from", "mere feet", "into the spotlight", "clampdown", "pleaded"]
    found = {v.id: [p for p in phrases if p in v.text.lower()] for v in story}
    assert found == {"000": [], "001": phrases, "004": []}
    assert [p for p in phrases if p in story["001"].words] == ["clampdown", "pleaded"]


def test_numbers_in_the_instructors_guide_match_the_data(story):
    import textstat

    from kit.text import tokenize_words

    guide = (REPO / "INSTRUCTORS.md").read_text(encoding="utf-8")
    answers = guide[guide.index("## Answers and reasoning") : guide.index("## Grading workflow")]
    v000, v001, v004 = story["000"], story["001"], story["004"]
    lower_004 = [w.lower() for w in v004.words]
    grade = {v.id: textstat.flesch_kincaid_grade(v.body) for v in story}
    overlap = _vocabulary_overlap(story)
    claims = {
        f"{len(v001.words)} words in {len(v001.sentences)} sentences": True,
        f"about {len(v001.words) / len(v001.sentences):.1f} words per sentence": True,
        f"the {len(v001.paragraphs)} paragraphs ({len(v001.words) / len(v001.paragraphs):.1f})": (
            True
        ),
        f'"000": {len(v000.words) / len(v000.sentences):.1f}': True,
        f"`000` has {len(v000.words)} words in {len(v000.sentences)}": True,
        f"{len(v004.words)} words": True,
        f"**{textstat.sentence_count(v004.body)}** (1 pt)": True,
        f"**{round(grade['004'])}** (1 pt": True,
        f"`000` ({grade['000']:.1f}) and `001` ({grade['001']:.1f})": True,
        "six sentences": len([s for s in v001.sentences if "said" in tokenize_words(s)]) == 6,
        f"**{v004.text.count('photograph josé luis gonzález')}** (1 pt)": True,
        f"**{lower_004.count('facebook')}** (1 pt)": True,
        f"gives {len(v004.text.split('facebook'))}, the classic off-by-one": True,
        f'`{{"000": 0, "001": 0, "004": {lower_004.count("asylum")}}}`': True,
        "**Two paragraphs**": len([p for p in v000.paragraphs if "suppression" in p]) == 2,
        f"About {overlap['000-001']:.2f} for 000-001, {overlap['000-004']:.2f} for 000-004 "
        f"and {overlap['001-004']:.2f} for 001-004": True,
    }
    flat = " ".join(answers.split())
    for claim, holds in claims.items():
        assert holds, claim
        assert claim in flat, f"INSTRUCTORS.md should say: {claim}"


# ------------------------------------------------------------------------------ grading
def _execute(notebook_path: Path, folder: Path):
    """Run a notebook top to bottom in a fresh kernel with folder as working directory."""
    import nbformat

    notebook = execute_notebook(read(notebook_path), folder)
    nbformat.write(notebook, folder / notebook_path.name)
    return notebook


@pytest.fixture(scope="module")
def solved(tmp_path_factory):
    """Every solution executed by a real kernel: folder with notebooks and answers files."""
    folder = tmp_path_factory.mktemp("solved")
    problems = []
    for stem in STEMS:
        notebook = _execute(SOLUTIONS / f"{stem}.ipynb", folder)
        for cell in notebook.cells:
            for output in cell.get("outputs", []):
                text = output.get("text", "") + json.dumps(output.get("data", {}))
                if output.get("name") == "stderr" or "Warning" in text:
                    problems.append(f"{stem} {cell.id}: {text[:300]}")
    assert not problems, "solutions print warnings:\n" + "\n".join(problems)
    return folder


@pytest.mark.notebook
def test_solutions_record_every_quiz_answer(solved):
    for stem in STEMS:
        saved = json.loads((solved / f"{stem}.answers.json").read_text(encoding="utf-8"))
        quiz = {q for q, (how, _) in WRONG[stem].items() if how in ("answer", "variant")}
        assert saved["book"] == stem and set(saved["answers"]) == quiz, stem
        for qid in quiz - {q for q, (how, _) in WRONG[stem].items() if how == "variant"}:
            wrong = WRONG[stem][qid][1]
            wrong = sorted(wrong) if isinstance(wrong, list) else wrong
            assert saved["answers"][qid]["value"] != wrong, (stem, qid)


def _filled_exercise(stem: str, wrong_qid: str | None, student: str) -> object:
    """The released exercise with every code answer filled in from the solution, except
    ``wrong_qid``, which gets its plausible wrong code, and the student's id typed in.
    Quiz answer cells keep the stub."""
    exercise, source = read(EXERCISES / f"{stem}.ipynb"), read(SOLUTIONS / f"{stem}.ipynb")
    for cell in exercise.cells:
        if nbgrader(cell).get("grade_id") == "student-id":
            cell.source = cell.source.replace(STUB, f'STUDENT_ID = "{student}"')
    solutions = {
        qid: solution_regions(q["answer"].source)
        for qid, q in questions(source).items()
        if BEGIN_SOLUTION in q["answer"].source
    }
    for qid, cells in questions(exercise).items():
        if WRONG[stem][qid][0] != "code":
            continue
        code = WRONG[stem][qid][1] if qid == wrong_qid else solutions[qid]
        assert STUB in cells["answer"].source, f"{stem} {qid}: released without the stub"
        parts = [code] if isinstance(code, str) else list(code)
        cells["answer"].source = fill_stubs(cells["answer"].source, parts)
    return exercise


def _hand_in(folder: Path, stem: str, notebook, answers: dict | None) -> None:
    import nbformat

    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, folder / f"{stem}.ipynb")
    if answers is not None:
        (folder / f"{stem}.answers.json").write_text(json.dumps(answers), encoding="utf-8")


@pytest.fixture(scope="module")
def graded(solved, tmp_path_factory):
    """One ``kit grade`` run over the whole made-up class; returns (rows, max points)."""
    if not (REPO / "kit" / "cli.py").exists():
        pytest.fail("kit/cli.py is missing: `python -m kit grade` is needed to grade")
    missing = [s for s in STEMS if not (EXERCISES / f"{s}.ipynb").exists()]
    assert not missing, f"run `python -m kit release` first; exercises/ lacks {missing}"
    root = tmp_path_factory.mktemp("class")
    submissions = root / "submissions"
    wrong_ids = sorted({qid for stem in STEMS for qid in WRONG[stem]})
    for stem in STEMS:
        answers = json.loads((solved / f"{stem}.answers.json").read_text(encoding="utf-8"))
        shutil.copy(solved / f"{stem}.ipynb", _mkdir(submissions / "solution"))
        shutil.copy(solved / f"{stem}.answers.json", submissions / "solution")
        _hand_in(submissions / "untouched", stem, read(EXERCISES / f"{stem}.ipynb"), None)
        for qid in wrong_ids:
            student_answers = json.loads(json.dumps(answers))
            how, value = WRONG[stem].get(qid, ("none", None))
            if how == "answer":
                value = sorted(value) if isinstance(value, list) else value
                student_answers["answers"][qid]["value"] = value
            for variant_qid, (variant_how, _) in WRONG[stem].items():
                if variant_how == "variant":
                    value = _variant_answer(stem, f"wrong-{qid}", wrong=variant_qid == qid)
                    student_answers["answers"][variant_qid]["value"] = value
            notebook = _filled_exercise(stem, qid if how == "code" else None, f"wrong-{qid}")
            _hand_in(submissions / f"wrong-{qid}", stem, notebook, student_answers)
    out = root / "out"
    result = subprocess.run(
        [sys.executable, "-m", "kit", "grade", str(submissions), "--out", str(out)]
        + ["--source", str(SOLUTIONS), "--jobs", "2"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    with open(out / "gradebook.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    maximum = {
        stem: sum(
            nbgrader(q["test"])["points"]
            for q in questions(read(SOLUTIONS / f"{stem}.ipynb")).values()
            if "test" in q  # written answers are graded by hand
        )
        for stem in STEMS
    }
    return rows, maximum


def _mkdir(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _scores(rows) -> dict[tuple[str, str], float]:
    return {(row["student"], Path(row["notebook"]).stem): float(row["score"]) for row in rows}


@pytest.mark.notebook
@pytest.mark.slow
def test_solution_scores_full_marks(graded):
    rows, maximum = graded
    scores = _scores(rows)
    for stem in STEMS:
        assert scores["solution", stem] == maximum[stem], stem
    by_notebook = {Path(r["notebook"]).stem: float(r["max_score"]) for r in rows}
    assert by_notebook == maximum


@pytest.mark.notebook
@pytest.mark.slow
def test_untouched_exercise_scores_zero_without_crashing(graded):
    rows, _ = graded
    for row in rows:
        if row["student"] == "untouched":
            assert float(row["score"]) == 0, row
            assert row["status"] in ("ok", "cell-errors"), row


@pytest.mark.notebook
@pytest.mark.slow
@pytest.mark.parametrize("stem", STEMS)
def test_each_wrong_answer_loses_its_points(graded, stem):
    rows, maximum = graded
    scores = _scores(rows)
    points = {
        qid: nbgrader(q["test"])["points"]
        for qid, q in questions(read(SOLUTIONS / f"{stem}.ipynb")).items()
        if "test" in q
    }
    wrong_ids = sorted({qid for s in STEMS for qid in WRONG[s]})
    for qid in wrong_ids:
        expected = maximum[stem] - points.get(qid, 0)
        assert scores[f"wrong-{qid}", stem] == expected, (stem, qid)


def test_lesson_times_in_the_course_map_match_the_lessons():
    """The course map quotes each lesson's own time estimate ("About **N minutes** ...")."""
    guide = (REPO / "INSTRUCTORS.md").read_text(encoding="utf-8")
    lessons = sorted((REPO / "notebooks").glob("0[1-6]_*.ipynb"))
    assert len(lessons) == 6, [path.name for path in lessons]
    for path in lessons:
        intro = read(path).cells[0].source
        alone, together = re.search(
            r"About \*\*(\d+) minutes\*\* on your own; \*\*(\d+) minutes\*\*", intro
        ).groups()
        row = re.search(rf"`notebooks/{path.name}` \|.*\| (.+) \|\n", guide)
        assert row, f"INSTRUCTORS.md: no course-map row for {path.name}"
        assert row[1].startswith((f"{alone} / {together} min", f"{alone} min alone, {together}"))


# ------------------------------------------------------------------------------ giveaways
def _choice_questions(stem: str) -> list[dict]:
    """Every choice question of a released exercise: its prompt text, options and keys.

    Options and the widget's question come from the exercise (what students see); keys from
    the solution's ``qN.answer(...)`` call, or, for a variant question, from the keys of 60
    made-up student ids (each option weighted by how often it is the key).
    """
    import ast

    from kit.unseen import expected_answer

    exercise, solution = questions(read(EXERCISES / f"{stem}.ipynb")), questions(
        read(SOLUTIONS / f"{stem}.ipynb")
    )
    found = []
    for qid, cells in sorted(exercise.items()):
        if cells["answer"].cell_type != "code":
            continue  # a written answer
        call = next(
            (
                node
                for node in ast.walk(ast.parse(cells["answer"].source))
                if isinstance(node, ast.Call)
                and getattr(node.func, "attr", "") in ("single_choice", "multiple_choice")
            ),
            None,
        )
        if call is None:
            continue
        question, options = ast.literal_eval(call.args[1]), ast.literal_eval(call.args[2])
        if kind(solution[qid]) == "variant":
            ids = [f"student{n}" for n in range(60)]
            keys = [[expected_answer(i, stem)] for i in ids]
        else:
            region = "\n".join(solution_regions(solution[qid]["answer"].source))
            (answer,) = [
                node
                for node in ast.walk(ast.parse(region))
                if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "answer"
            ]
            key = ast.literal_eval(answer.args[0])
            keys = [key if isinstance(key, list) else [key]]
        prompt = cells["prompt"].source + "\n" + question
        found.append({"id": f"{stem} {qid}", "prompt": prompt, "options": options, "keys": keys})
    return found


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def _hit_rate(question: dict, pick) -> float:
    """How often the options a strategy picks (ties split evenly) are a key."""
    best = pick(question)
    return sum(
        sum(option in keys for option in best) / len(best) for keys in question["keys"]
    ) / len(question["keys"])


def _longest(question: dict) -> list[str]:
    top = max(len(option) for option in question["options"])
    return [option for option in question["options"] if len(option) == top]


def _shortest(question: dict) -> list[str]:
    bottom = min(len(option) for option in question["options"])
    return [option for option in question["options"] if len(option) == bottom]


def _most_shared_words(question: dict) -> list[str]:
    prompt = _words(question["prompt"])
    shared = {option: len(_words(option) & prompt) for option in question["options"]}
    top = max(shared.values())
    return [option for option, count in shared.items() if count == top]


#: Words that test-taking guides say mark a careful, hence right, option ...
HEDGES = frozenset(
    "may might can could often usually likely probably perhaps possibly suggests suggest".split()
)
#: ... and words that mark a sweeping, hence wrong, one.
ABSOLUTES = frozenset(
    "always never only all every none nothing proves prove certainly must".split()
)


def _some_or_all(question: dict, chosen: list[str]) -> list[str]:
    """The chosen options; every option when the cue picks none or all (it does not help)."""
    return chosen if 0 < len(chosen) < len(question["options"]) else list(question["options"])


def _hedged(question: dict) -> list[str]:
    return _some_or_all(question, [o for o in question["options"] if _words(o) & HEDGES])


def _without_absolutes(question: dict) -> list[str]:
    return _some_or_all(question, [o for o in question["options"] if not _words(o) & ABSOLUTES])


def _odd_one_out(question: dict) -> list[str]:
    """The option sharing the fewest of its words with the other options (ties split)."""
    options = question["options"]

    def shared(option: str) -> float:
        others = set().union(*(_words(other) for other in options if other != option))
        return len(_words(option) & others) / max(len(_words(option)), 1)

    bottom = min(shared(option) for option in options)
    return [option for option in options if shared(option) == bottom]


#: Each test-wise strategy: a name and the options it picks for a question.
STRATEGIES = {
    "longest": _longest,
    "shortest": _shortest,
    "most shared words": _most_shared_words,
    "hedged wording": _hedged,
    "no absolute words": _without_absolutes,
    "odd one out": _odd_one_out,
}


def test_no_choice_question_gives_its_key_away():
    """Test-wise strategies (see STRATEGIES) hit the key no more often than blind guessing,
    averaged over every choice question."""
    found = [q for stem in STEMS for q in _choice_questions(stem)]
    assert len(found) >= 15, [q["id"] for q in found]
    guess = sum(
        sum(len(keys) for keys in q["keys"]) / len(q["keys"]) / len(q["options"]) for q in found
    ) / len(found)
    for name, pick in STRATEGIES.items():
        rates = {q["id"]: round(_hit_rate(q, pick), 2) for q in found}
        average = sum(rates.values()) / len(rates)
        assert average <= guess, f"{name}: {average:.2f} > blind guess {guess:.2f}; {rates}"


def _cue(prompt: str, options: list[str], key: str) -> dict:
    return {"prompt": prompt, "options": options, "keys": [[key]]}


def test_the_giveaway_check_can_fail():
    """Each strategy catches a question whose key carries its cue (blind guessing: 1/3)."""
    repeats = _cue(
        "Why is altering a quotation a breach of ethics?",
        ["No.", "Altering a quotation is a breach of ethics.", "Yes."],
        "Altering a quotation is a breach of ethics.",
    )
    terse = _cue(
        "Is the dateline a lead to the source?",
        [
            "Yes.",
            "No, every site strips datelines from copies.",
            "Only when a byline is there too.",
        ],
        "Yes.",
    )
    careful = _cue(
        "What does a Reuters dateline on an unknown site tell you?",
        ["The page may copy Reuters.", "The page is Reuters'.", "The site is a Reuters partner."],
        "The page may copy Reuters.",
    )
    sweeping = _cue(
        "What does a Reuters dateline on an unknown site tell you?",
        ["It proves the page is Reuters'.", "A lead to check.", "All copies keep the dateline."],
        "A lead to check.",
    )
    odd = _cue(
        "Which pair of versions shares the most words?",
        ["000 and 001", "000 and 004", "001 and 004", "none of them"],
        "none of them",
    )
    caught = {
        "longest": repeats,
        "most shared words": repeats,
        "shortest": terse,
        "hedged wording": careful,
        "no absolute words": sweeping,
        "odd one out": odd,
    }
    assert caught.keys() == STRATEGIES.keys()
    for name, cue in caught.items():
        assert _hit_rate(cue, STRATEGIES[name]) == 1 > 1 / 3, name
    # A cue every option carries tells nothing: the strategy falls back to blind guessing.
    assert _hit_rate(_cue("?", ["It may.", "It can.", "It might."], "It can."), _hedged) == 1 / 3
