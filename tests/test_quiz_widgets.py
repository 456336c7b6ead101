"""Graded questions and answer books, driven through their real ipywidgets (no frontend needed).

Setting a widget's ``value`` from Python fires the same observers a click in the browser
does, so these tests exercise the save path; tests/browser/ proves the clicks themselves.
"""

from __future__ import annotations

import json
import warnings

import pytest

from kit.quiz import AnswerBook, AnswersFileError, AnswersFileWarning, recorded_answer
from kit.quiz.markdown import markdown_to_html, markdown_to_text

OPTIONS = ["000", "001", "004"]
PHRASES = ["United Country", "therapy", "clampdown"]


@pytest.fixture
def book(tmp_path):
    return AnswerBook("ex1_readability", folder=tmp_path)


def make_all(book):
    return (
        book.single_choice("q1", "Which version has no sentence punctuation?", OPTIONS),
        book.multiple_choice("q2", "Select **all** the tortured phrases", PHRASES, points=2),
        book.text("q3", "Which word did Reuters write where 000 has *suppression*?"),
        book.number("q4", "How many sentences does textstat count in 004?"),
    )


def test_clicks_are_saved_with_the_contract_value_types(book, tmp_path):
    q1, q2, q3, q4 = make_all(book)
    q1.control.widget.value = "004"
    q2.control.boxes[1].value = True  # ticked in the order therapy, United Country
    q2.control.boxes[0].value = True
    q3.control.widget.value = " Clampdown "
    q4.control.widget.value = "1"
    folder = tmp_path
    assert recorded_answer("ex1_readability", "q1", folder) == "004"
    assert recorded_answer("ex1_readability", "q2", folder) == ["United Country", "therapy"]
    assert recorded_answer("ex1_readability", "q3", folder) == " Clampdown "  # raw string
    assert recorded_answer("ex1_readability", "q4", folder) == 1.0
    assert isinstance(recorded_answer("ex1_readability", "q4", folder), float)
    assert q1.status == "✔ Saved: 004"
    assert q2.status == "✔ Saved: United Country, therapy"
    assert q4.status == "✔ Saved: 1"


def test_graded_status_never_says_right_or_wrong(book):
    q1, *_ = make_all(book)
    for option in OPTIONS:
        q1.control.widget.value = option
        assert "correct" not in q1.status.lower() and "wrong" not in q1.status.lower()
        assert q1._status.value.count("Saved") == 1


def test_a_new_book_restores_saved_answers_into_the_widgets(book, tmp_path):
    q1, q2, q3, q4 = make_all(book)
    q1.answer("004")
    q2.answer(["therapy", "United Country"])
    q3.answer("clampdown")
    q4.answer(1)
    again = AnswerBook("ex1_readability", folder=tmp_path)  # what re-running the notebook does
    r1, r2, r3, r4 = make_all(again)
    assert r1.control.widget.value == "004" and r1.control.widget.index == 2
    assert [box.value for box in r2.control.boxes] == [True, True, False]
    assert r3.control.widget.value == "clampdown"
    assert r4.control.widget.value == "1"
    assert r1.status == "✔ Saved: 004"
    assert again.answered() == 4


def test_restoring_does_not_rewrite_the_file(book, tmp_path):
    q1, *_ = make_all(book)
    q1.answer("004")
    before = book.path.read_bytes()
    make_all(AnswerBook("ex1_readability", folder=tmp_path))
    assert book.path.read_bytes() == before


def test_clearing_an_answer_makes_it_unanswered(book):
    q1, q2, q3, _ = make_all(book)
    q2.control.boxes[0].value = True
    q2.control.boxes[0].value = False
    q3.control.widget.value = "x"
    q3.control.widget.value = "   "
    assert recorded_answer("ex1_readability", "q2", book.path.parent) is None
    assert recorded_answer("ex1_readability", "q3", book.path.parent) is None
    assert q2.status == q3.status == "Not answered yet."


def test_a_typed_non_number_is_not_saved_and_says_why(book):
    *_, q4 = make_all(book)
    q4.control.widget.value = "twelve"
    assert recorded_answer("ex1_readability", "q4", book.path.parent) is None
    assert q4.status.startswith("⚠ Not saved") and "not a number" in q4.status


@pytest.mark.parametrize(
    ("index", "value", "words"),
    [
        (0, "005", "not one of the options"),
        (1, "therapy", "list of options"),
        (1, ["Mexico"], "not among the options"),
        (2, 3, "must be a string"),
        (3, "x", "not a number"),
        (3, True, "must be a number"),
    ],
)
def test_answer_refuses_values_a_click_could_not_give(book, index, value, words):
    question = make_all(book)[index]
    with pytest.raises(ValueError, match=words):
        question.answer(value)
    assert not book.path.exists()


def test_saved_answer_that_no_longer_fits_asks_to_answer_again(book, tmp_path):
    book.file.save("q1", "999")
    q1 = book.single_choice("q1", "Which?", OPTIONS)
    assert q1.control.widget.value is None
    assert "does not fit" in q1.status


def test_progress_counts_answers_of_this_book_and_updates(book):
    q1, q2, *_ = make_all(book)
    book.file.save("not-in-this-notebook", "x")
    widget = book.progress()
    bar, label = widget.children[0].children
    assert (bar.value, bar.max) == (0, 4)
    assert "0 of 4 questions answered" in label.value
    q1.answer("004")
    q2.control.boxes[2].value = True
    assert bar.value == 2 and "2 of 4 questions answered" in label.value


def test_a_damaged_file_makes_the_book_read_only_and_is_kept(tmp_path):
    path = tmp_path / "ex1_readability.answers.json"
    path.write_text('{"format": "kit-answers/1", "answers": {"q1": {"value": "0', "utf-8")
    before = path.read_bytes()
    with pytest.warns(AnswersFileWarning, match="ex1_readability.answers.json"):
        book = AnswerBook("ex1_readability", folder=tmp_path)
    q1, q2, q3, q4 = make_all(book)
    assert all(q.status.startswith("⚠ Not saved") for q in (q1, q2, q3, q4))
    assert "start_fresh" in q1.status and str(path) in q1.status
    assert q1.control.widget.disabled and all(box.disabled for box in q2.control.boxes)
    with pytest.raises(AnswersFileError, match="start_fresh"):
        q1.answer("004")
    progress_label = book.progress().children[0].children[1]
    assert "not being saved" in progress_label.value
    assert path.read_bytes() == before
    moved = book.start_fresh()
    assert moved.read_bytes() == before and not path.exists()
    assert not q1.control.widget.disabled and q1.status == "Not answered yet."
    q1.control.widget.value = "004"
    assert recorded_answer("ex1_readability", "q1", tmp_path) == "004"


def test_a_file_damaged_while_working_stops_saving(book):
    q1, q2, *_ = make_all(book)
    q1.answer("004")
    book.path.write_text("oops", encoding="utf-8")
    with pytest.warns(AnswersFileWarning):
        q2.control.boxes[0].value = True
    assert book.path.read_text(encoding="utf-8") == "oops"
    assert q2.status.startswith("⚠ Not saved") and q1.status.startswith("⚠ Not saved")


def test_an_unwritable_folder_is_reported_in_the_widget_without_locking_the_book(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    book = AnswerBook("ex1_readability", folder=blocker)
    q1, *_ = make_all(book)
    q1.control.widget.value = "004"
    assert q1.status.startswith("⚠ Not saved: The answers cannot be saved to")
    assert book.problem is None and not q1.control.widget.disabled
    with pytest.raises(AnswersFileError, match="folder you can write to"):
        q1.answer("001")


def test_two_books_of_the_same_name_do_not_undo_each_other(tmp_path):
    first, second = AnswerBook("b", tmp_path), AnswerBook("b", tmp_path)
    first.text("q1", "One?").answer("a")
    second.text("q2", "Two?").answer("b")
    answers = json.loads((tmp_path / "b.answers.json").read_text())["answers"]
    assert set(answers) == {"q1", "q2"}


def test_questions_are_labelled_and_keyboard_native(book):
    import ipywidgets

    q1, q2, q3, q4 = make_all(book)
    assert isinstance(q1.control.widget, ipywidgets.RadioButtons)
    assert all(isinstance(box, ipywidgets.Checkbox) for box in q2.control.boxes)
    assert isinstance(q3.control.widget, ipywidgets.Text)
    for question in (q1, q3, q4):
        assert question.control.widget.description == "Answer"
        assert question.control.widget.tooltip.startswith(f"{question.id}: ")
    assert [box.tooltip for box in q2.control.boxes] == PHRASES
    assert q3.control.widget.continuous_update is False  # one save per answer, not per key
    assert 'role="status"' in q1._status.value


def all_widgets(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from all_widgets(child)


def test_no_box_carries_a_tooltip(book):
    """JupyterLab's widget manager cannot draw a VBox/HBox with a tooltip set (found in the
    browser: "Error displaying widget"); tooltips belong on the controls."""
    import ipywidgets

    widgets = [w for q in make_all(book) for w in all_widgets(q.widget)]
    widgets += list(all_widgets(book.progress()))
    boxes = [w for w in widgets if isinstance(w, ipywidgets.Box)]
    assert boxes and all(box.tooltip is None for box in boxes)


def test_markdown_is_rendered_safely(book):
    q = book.single_choice("q9", "Pick **one** <script>alert(1)</script>", ["`a`", "*b*"])
    heading = q._heading.value
    assert "<strong>one</strong>" in heading and "<script>" not in heading
    assert "&lt;script&gt;" in heading
    assert [label for label, _ in q.control.widget.options] == ["a", "b"]
    assert markdown_to_html("2 * 3 * 4") == "2 * 3 * 4"
    assert markdown_to_text("**a** _b_") == "a b"


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"options": ["a"]}, "at least two"),
        ({"options": ["a", "a"]}, "repeat"),
        ({"options": "abc"}, "list of strings"),
        ({"points": -1}, "points"),
        ({"prompt": ""}, "question text"),
    ],
)
def test_bad_question_definitions_are_refused(book, kwargs, words):
    arguments = {"question_id": "q1", "prompt": "Which?", "options": ["a", "b"], **kwargs}
    with pytest.raises(ValueError, match=words):
        book.single_choice(**arguments)


def test_returned_question_does_not_display_twice_and_repr_is_short(book):
    q1, *_ = make_all(book)
    assert q1._ipython_display_() is None
    assert repr(q1) == "<Question 'q1' of book 'ex1_readability': Not answered yet.>"


def test_no_warning_for_a_healthy_book(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        make_all(AnswerBook("fine", tmp_path))
