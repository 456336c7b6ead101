"""Per-student variants (kit.unseen): same id, same task; ids spread over the keys; each
procedure does what it says (checked by undoing it, not by re-running it)."""

from __future__ import annotations

import re

import pytest

from kit import unseen
from kit.lexicons import stop_words

IDS = [f"student{n}" for n in range(40)]


def test_the_id_is_checked_for_form_and_the_message_lists_what_is_valid():
    assert unseen.check_student_id("  ana.garcia  ") == "ana.garcia"
    for bad in ("", "a", "ana garcia", "x" * 65, None, "../etc"):
        with pytest.raises(unseen.StudentIdError, match="Valid: 2 to 64 letters"):
            unseen.check_student_id(bad)


def test_same_id_same_task_and_ids_spread_over_the_keys():
    for assignment in unseen.ASSIGNMENT_PROCEDURES:
        assert unseen.variant("ana", assignment) == unseen.variant("ana", assignment)
        keys = [unseen.expected_answer(i, assignment) for i in IDS]
        assert len(set(map(str, keys))) >= 2, assignment
        most = max(keys.count(key) for key in keys)
        assert most <= 0.7 * len(IDS), (assignment, most)  # a neighbour's key is often wrong


def _undo(text: str, changes) -> str:
    for old, new in reversed(changes):
        text = text.replace(new, old, 1) if new else text
    return text


@pytest.mark.parametrize("procedure", ["spun", "translated and back", "edited"])
def test_undoing_the_recorded_changes_gives_back_the_brief(procedure):
    for student in IDS[:12]:
        task = unseen.variant(student, "ex3_artifacts", procedure=procedure)
        assert task.changes and task.text != task.original
        if procedure != "translated and back":  # the round trip's rules may overlap
            assert _undo(task.text, task.changes) == task.original, (student, task.changes)
        for old, new in task.changes:
            assert old in task.original and new in task.text


def test_the_round_trip_leaves_the_traces_of_000():
    for brief in unseen.BRIEFS:
        text, _ = unseen.round_trip(brief)
        assert "She said" in brief and not re.search(r"\b[Ss]he\b", text)  # "his" for a woman
        assert any(word in text for word in ("repressed", "ancient", "starving"))


def test_stripping_drops_stop_words_punctuation_and_the_negations():
    for brief in unseen.BRIEFS:
        text, lost = unseen.strip(brief)
        words = text.split()
        assert text == text.lower() and not re.search(r"[^\w\s]", text)
        assert not set(words) & stop_words()
        negations = re.findall(r"\b(?:no|not|No)\b", brief)
        assert len(lost) == len(negations) > 0


def test_the_ex1_key_is_zero_exactly_without_sentence_punctuation():
    for student in IDS:
        task, key = unseen.variant(student, "ex1_readability"), None
        key = unseen.expected_answer(student, "ex1_readability")
        assert (key == 0) == (task.procedure == "stripped")
        assert key == 0 or 8 < key < 30


def test_every_wire_phrase_is_in_a_brief_and_every_procedure_breaks_some():
    briefs = " ".join(unseen.BRIEFS)
    assert all(phrase in briefs for phrase in unseen.WIRE_PHRASES)
    for procedure in ("spun", "translated and back", "stripped"):
        kept = [
            sum(p in unseen.variant(i, "ex5_trace", procedure).text.lower()
                for p in unseen.WIRE_PHRASES)
            for i in IDS[:12]
        ]
        full = [
            sum(p in unseen.variant(i, "ex5_trace", procedure).original.lower()
                for p in unseen.WIRE_PHRASES)
            for i in IDS[:12]
        ]
        assert sum(kept) < sum(full), procedure


def test_the_graded_id_comes_from_the_grader_not_the_student(tmp_path, monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    assert unseen.graded_student_id("ana", tmp_path) == "ana"
    (tmp_path / unseen.STUDENT_ID_FILE).write_text("ben\n", encoding="utf-8")
    assert unseen.graded_student_id("ana", tmp_path) == "ben"
    folder = tmp_path / "autograded" / "carla" / "ex1_readability"
    folder.mkdir(parents=True)
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert unseen.graded_student_id("ana", folder) == "carla"
