"""The answers file and the checks that test cells use (kit.quiz.store, kit.quiz.checks)."""

from __future__ import annotations

import json
import os
import stat
import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kit.quiz import (
    ANSWERS_FORMAT,
    AnswersFileError,
    answers_path,
    normalise_text,
    number_close,
    recorded_answer,
    text_matches,
)
from kit.quiz.store import AnswersFile, AnswersSaveError, check_book_name, check_question_id


def write_json(path, content) -> None:
    path.write_text(json.dumps(content), encoding="utf-8")


def test_saved_file_has_the_contract_format(tmp_path):
    store = AnswersFile("readability", tmp_path)
    store.save("q1", "004")
    store.save("q2", ["United Country", "therapy"])
    store.save("q4", 1.0)
    content = json.loads((tmp_path / "readability.answers.json").read_text(encoding="utf-8"))
    assert content["format"] == ANSWERS_FORMAT == "kit-answers/1"
    assert content["book"] == "readability"
    assert set(content["answers"]) == {"q1", "q2", "q4"}
    assert content["answers"]["q2"]["value"] == ["United Country", "therapy"]
    assert content["answers"]["q4"]["value"] == 1.0
    assert content["answers"]["q1"]["saved"].endswith("+00:00")


def test_recorded_answer_reads_fresh_from_disk_every_call(tmp_path):
    store = AnswersFile("book", tmp_path)
    store.save("q1", "000")
    assert recorded_answer("book", "q1", folder=tmp_path) == "000"
    store.save("q1", "004")  # another writer, no shared state with recorded_answer
    assert recorded_answer("book", "q1", folder=tmp_path) == "004"
    store.forget("q1")
    assert recorded_answer("book", "q1", folder=tmp_path) is None


def test_recorded_answer_is_none_without_a_file_or_question(tmp_path):
    assert recorded_answer("book", "q1", folder=tmp_path) is None
    AnswersFile("book", tmp_path).save("q2", "x")
    assert recorded_answer("book", "q1", folder=tmp_path) is None


def test_recorded_answer_defaults_to_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    AnswersFile("book").save("q1", "004")
    assert (tmp_path / "book.answers.json").is_file()
    assert recorded_answer("book", "q1") == "004"


def test_a_file_written_by_hand_in_the_contract_format_is_read(tmp_path):
    write_json(
        tmp_path / "ex1.answers.json",
        {"format": "kit-answers/1", "book": "ex1", "answers": {"q3": {"value": "clampdown"}}},
    )
    assert recorded_answer("ex1", "q3", folder=tmp_path) == "clampdown"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not valid JSON"),
        (b"[]", "not a kit answers file"),
        (b'{"format": "other/1", "answers": {}}', "not a kit answers file"),
        (b'{"format": "kit-answers/1", "answers": []}', "damaged"),
        (b'{"format": "kit-answers/1", "answers": {"q1": "004"}}', "damaged"),
        (b"", "not valid JSON"),
    ],
)
def test_a_damaged_file_raises_a_clear_error_and_is_kept(tmp_path, content, words):
    path = tmp_path / "ex1.answers.json"
    path.write_bytes(content)
    with pytest.raises(AnswersFileError, match=words) as caught:
        recorded_answer("ex1", "q1", folder=tmp_path)
    assert str(path) in str(caught.value)
    with pytest.raises(AnswersFileError):
        AnswersFile("ex1", tmp_path).save("q1", "004")
    assert path.read_bytes() == content  # never overwritten


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_an_unreadable_file_raises_a_clear_error(tmp_path):
    path = answers_path("ex1", tmp_path)
    AnswersFile("ex1", tmp_path).save("q1", "004")
    path.chmod(0)
    try:
        with pytest.raises(AnswersFileError, match="cannot be read"):
            recorded_answer("ex1", "q1", folder=tmp_path)
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_a_folder_in_place_of_the_file_raises_a_clear_error(tmp_path):
    answers_path("ex1", tmp_path).mkdir()
    with pytest.raises(AnswersFileError, match="cannot be read"):
        recorded_answer("ex1", "q1", folder=tmp_path)


def test_save_leaves_no_temporary_files_and_a_readable_mode(tmp_path):
    store = AnswersFile("ex1", tmp_path)
    for number in range(5):
        store.save(f"q{number}", number)
    assert [path.name for path in tmp_path.iterdir()] == ["ex1.answers.json"]
    assert store.path.stat().st_mode & 0o044 == 0o044  # graders can copy it


def test_an_unwritable_folder_gives_advice_and_leaves_nothing_behind(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the notebook's folder should be")
    with pytest.raises(AnswersSaveError, match="cannot be saved to .*folder you can write to"):
        AnswersFile("ex1", blocker).save("q1", "004")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["not-a-folder"]


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.floats(allow_nan=False)
    | st.text()
    | st.integers(-(2**53), 2**53),
    lambda inner: st.lists(inner, max_size=4),
    max_leaves=8,
)


@given(value=json_values, question_id=st.from_regex(r"[A-Za-z0-9_-]{1,12}", fullmatch=True))
def test_any_json_value_round_trips(tmp_path_factory, value, question_id):
    folder = tmp_path_factory.mktemp("roundtrip")
    AnswersFile("book", folder).save(question_id, value)
    assert recorded_answer("book", question_id, folder=folder) == value


def test_move_aside_never_overwrites(tmp_path):
    store = AnswersFile("ex1", tmp_path)
    store.path.write_text("broken 1")
    first = store.move_aside()
    store.path.write_text("broken 2")
    second = store.move_aside()
    assert first != second
    assert first.read_text() == "broken 1" and second.read_text() == "broken 2"
    assert first.name.startswith("ex1.answers.json.corrupt-")
    assert store.move_aside() is None


def test_concurrent_saves_from_threads_lose_nothing(tmp_path):
    stores = [AnswersFile("ex1", tmp_path) for _ in range(4)]
    threads = [
        threading.Thread(target=lambda s=s, n=n: [s.save(f"t{n}-{k}", k) for k in range(10)])
        for n, s in enumerate(stores)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(stores[0].read()) == 40


@pytest.mark.parametrize("name", ["", "../evil", "a b", "a/b", None, 3, ".hidden"])
def test_bad_book_names_are_refused_with_advice(name):
    with pytest.raises(ValueError, match="cannot name an answer book"):
        check_book_name(name)


@pytest.mark.parametrize("question_id", ["", "q 1", "q1!", None, "é"])
def test_bad_question_ids_are_refused(question_id):
    with pytest.raises(ValueError, match="not a valid question id"):
        check_question_id(question_id)


# ----- checks ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "expected", "result"),
    [
        ("clampdown", "clampdown", True),
        ("  CLAMPDOWN\n", "clampdown", True),
        ('"clampdown".', "clampdown", True),
        ("clamp down", "clampdown", False),
        ("crackdown", "clampdown", False),
        ("crackdown", ["clampdown", "crackdown"], True),
        ("Pérez", "perez", True),
        ("Lety  Pérez", "lety perez", True),
        ("", "clampdown", False),
        (None, "clampdown", False),
        (["clampdown"], "clampdown", False),
        (42, "42", False),
    ],
)
def test_text_matches(typed, expected, result):
    assert text_matches(typed, expected) is result


@pytest.mark.parametrize(
    ("value", "expected", "tolerance", "result"),
    [
        (1.0, 1, 0, True),
        (1, 1, 0, True),
        (2.0, 1, 0, False),
        (0.1 + 0.2, 0.3, 0, True),
        (10.4, 10, 0.5, True),
        (10.6, 10, 0.5, False),
        (None, 1, 0, False),
        ("1", 1, 0, False),
        (True, 1, 0, False),
        (float("nan"), 1, 0, False),
        ([1], 1, 0, False),
    ],
)
def test_number_close(value, expected, tolerance, result):
    assert number_close(value, expected, tolerance=tolerance) is result


@given(st.text())
def test_normalise_text_is_idempotent_and_never_raises(text):
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert text_matches(text, text)


@given(st.one_of(st.none(), st.integers(), st.floats(), st.lists(st.text()), st.text()))
def test_checks_never_raise_on_any_recorded_value(value):
    assert text_matches(value, "clampdown") in (True, False)
    assert number_close(value, 1.0, tolerance=0.5) in (True, False)
