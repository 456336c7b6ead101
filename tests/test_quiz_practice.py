"""Practice questions: encoding, feedback, retries, and the `python -m kit.quiz` command."""

from __future__ import annotations

import json
import subprocess
import sys

import nbformat
import pytest

from kit.quiz import decode_practice, encode_practice, practice
from kit.quiz.__main__ import main
from kit.quiz.practice import check_practice_spec
from tests.browser.notebooks import QUIZ_SOURCE
from tests.conftest import REPO

SINGLE = {
    "id": "why-suppression",
    "kind": "single",
    "prompt": "Why does 000 say *suppression* where Reuters wrote *clampdown*?",
    "hint": "Look for other signs of translation in 000.",
    "options": [
        {"text": "An editor's harsher frame", "correct": False, "explain": "No editor at work."},
        {"text": "A translation step", "correct": True, "explain": "Spanish represión."},
    ],
}
MULTIPLE = {
    "id": "tortured",
    "kind": "multiple",
    "prompt": "Which are tortured phrases in 001?",
    "options": [
        {"text": "United Country", "correct": True, "explain": "For United States."},
        {"text": "therapy", "correct": True, "explain": "For treatment."},
        {"text": "clampdown", "correct": False, "explain": "Reuters' own word."},
    ],
}
TEXT = {
    "id": "word",
    "kind": "text",
    "prompt": "Reuters' word?",
    "answers": ["clampdown"],
    "explain": "It survived the spinning.",
}
NUMBER = {"id": "count", "kind": "number", "prompt": "Sentences in 004?", "answer": 1}


@pytest.mark.parametrize("spec", [SINGLE, MULTIPLE, TEXT, NUMBER], ids=lambda s: s["kind"])
def test_token_round_trip_and_key_not_in_plain_text(spec):
    token = encode_practice(spec)
    assert token.startswith("kitq1.") and token.isascii() and "\n" not in token
    for secret in ("represión", "Reuters' own word", "clampdown", "correct"):
        assert secret not in token
    assert decode_practice(token) == check_practice_spec(spec)


def test_single_choice_feedback_explains_the_chosen_option_and_allows_retries():
    question = practice(encode_practice(SINGLE))
    assert question.check() is None and "Answer first" in question.feedback
    question.choose("An editor's harsher frame")
    assert question.check() is False
    assert question.feedback.startswith("✘ Not quite.")
    assert "No editor at work." in question.feedback and "Look for other signs" in question.feedback
    assert "Try again" in question.feedback
    question.choose("A translation step")
    assert question.check() is True
    assert question.feedback == "✔ Correct. A translation step: Spanish represión."
    assert 'role="status"' in question._feedback.value


def test_multiple_choice_feedback_per_selected_option_and_missing_count():
    question = practice(encode_practice(MULTIPLE))
    question.choose(["therapy"])
    assert question.check() is False
    assert "therapy: For treatment." in question.feedback
    assert "1 more option(s) also apply" in question.feedback
    question.choose(["therapy", "clampdown", "United Country"])
    assert question.check() is False and "clampdown: Reuters' own word." in question.feedback
    question.choose(["therapy", "United Country"])
    assert question.check() is True


def test_text_and_number_practice():
    word = practice(encode_practice(TEXT))
    word.choose("crackdown")
    assert word.check() is False
    word.choose(" Clampdown ")
    assert word.check() is True and "It survived the spinning." in word.feedback
    count = practice(encode_practice(NUMBER))
    count.control.widget.value = "one"
    assert count.check() is None and "not a number" in count.feedback
    count.control.widget.value = "1"
    assert count.check() is True


def test_clicking_the_buttons_gives_feedback_and_reveal_shows_every_explanation():
    question = practice(encode_practice(MULTIPLE))
    question.control.boxes[2].value = True
    question.check_button.click()
    assert question.feedback.startswith("✘ Not quite.")
    question.reveal_button.click()
    for option in MULTIPLE["options"]:
        assert option["explain"] in question.feedback
    assert "✔ right: United Country" in question.feedback
    assert "✘ wrong: clampdown" in question.feedback


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"kind": "essay"}, "kind must be one of"),
        ({"prompt": ""}, "prompt"),
        ({"options": SINGLE["options"][:1]}, "at least two"),
        ({"options": [{**o, "correct": True} for o in SINGLE["options"]]}, "exactly one correct"),
        (
            {"options": [{"text": "a", "correct": True}, {"text": "b", "correct": False}]},
            "needs an 'explain'",
        ),
        ({"answer_key": 1}, "unknown keys"),
        ({"id": "no spaces"}, "not a valid question id"),
    ],
)
def test_bad_specs_are_refused_with_what_to_fix(change, words):
    with pytest.raises(ValueError, match=words):
        encode_practice({**SINGLE, **change})


@pytest.mark.parametrize("token", ["", "hello", "kitq1.@@@", "kitq1.aGVsbG8"])
def test_bad_tokens_are_refused(token):
    with pytest.raises(ValueError, match="practice token"):
        decode_practice(token)


def test_practice_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    question = practice(encode_practice(SINGLE))
    question.choose("A translation step")
    question.check()
    assert list(tmp_path.iterdir()) == []


TOML = """
[[question]]
id = "why-suppression"
kind = "single"
prompt = "Why does 000 say *suppression*?"

[[question.options]]
text = "An editor's harsher frame"
correct = false
explain = "No editor at work."

[[question.options]]
text = "A translation step"
correct = true
explain = "Spanish represión."

[[question]]
id = "count"
kind = "number"
prompt = "Sentences in 004?"
answer = 1
"""


def test_cli_encode_prints_one_practice_line_per_question(tmp_path, capsys):
    spec_file = tmp_path / "questions.toml"
    spec_file.write_text(TOML, encoding="utf-8")
    assert main(["encode", str(spec_file)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("  # ")[1] for line in lines] == ["why-suppression", "count"]
    token = lines[0].split('"')[1]
    assert decode_practice(token)["options"][1]["explain"] == "Spanish represión."


def test_cli_errors_name_the_file_and_question(tmp_path, capsys):
    spec_file = tmp_path / "bad.toml"
    spec_file.write_text(TOML.replace("correct = true", "correct = false"), encoding="utf-8")
    assert main(["encode", str(spec_file)]) == 1
    error = capsys.readouterr().err
    assert "bad.toml, question 1" in error and "exactly one correct" in error
    assert main(["encode", str(tmp_path / "missing.toml")]) == 1
    assert "no such file" in capsys.readouterr().err
    (tmp_path / "empty.toml").write_text("title = 'x'\n")
    assert main(["encode", str(tmp_path / "empty.toml")]) == 1
    assert "[[question]]" in capsys.readouterr().err


def test_cli_runs_as_a_module_with_help_and_decode(tmp_path):
    run = [sys.executable, "-m", "kit.quiz"]
    result = subprocess.run([*run, "--help"], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0 and "encode" in result.stdout
    assert subprocess.run(run, capture_output=True, cwd=REPO).returncode == 2
    token = encode_practice(NUMBER)
    result = subprocess.run([*run, "decode", token], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0 and json.loads(result.stdout)["answer"] == 1.0


def test_the_fixture_notebook_token_decodes():
    notebook = nbformat.read(QUIZ_SOURCE, as_version=4)
    practice_cells = [cell for cell in notebook.cells if "practice(\n" in cell.source]
    token = practice_cells[0].source.split('"')[1]
    assert decode_practice(token)["kind"] == "single"
