"""A pronoun that disagrees with a first name, found on a single copy (kit.crosscheck with the
census first names of kit.lexicons)."""

from __future__ import annotations

import pytest

from kit import lexicons
from kit.artifacts import find_artifacts
from kit.crosscheck import pronoun_disagreements
from kit.errors import LexiconError
from kit.locate import as_version

# Sentences written for these tests: a translation slip turns "her" into "his".
SLIP = "Dr Helen Marsh, 52, told reporters that his clinic would stay open."
RIGHT = "Dr Helen Marsh, 52, told reporters that her clinic would stay open."


def _leads(text: str, **kwargs) -> list[str]:
    return [f.evidence for f in pronoun_disagreements((as_version(text),), **kwargs)]


def test_a_pronoun_that_disagrees_with_the_first_name_is_a_lead():
    (lead,) = pronoun_disagreements((as_version(SLIP),))
    assert lead.evidence.endswith("his") and "'Helen'" in lead.explanation
    assert lead.category == "translation" and "someone else" in lead.explanation
    assert _leads(RIGHT) == []


def test_names_of_both_sexes_and_given_genders_are_respected():
    assert _leads("Jean Dupont said his team had won.") == []  # Jean: both sexes
    assert _leads("Kim Lee said his team had won.") == []
    assert _leads(SLIP, genders={"Marsh": "male"}) == []  # the teacher knows better
    assert [f.signal for f in find_artifacts(SLIP)] == ["pronoun gender disagrees"]


def test_a_pronoun_after_a_full_stop_is_not_linked():
    assert _leads("Helen Marsh left. His clinic stayed open.") == []


@pytest.mark.parametrize(
    ("name", "sex"), [("Margaret", "female"), ("JOSÉ", "male"), ("Guadalupe", None), ("Xq", None)]
)
def test_first_name_sex(name, sex):
    assert lexicons.first_name_sex(name) == sex


def test_a_damaged_first_name_table_names_the_file_and_the_fix(tmp_path, monkeypatch):
    (tmp_path / "first_names.tsv").write_text("helen\tfemale\nmarsh\tunknown\n", "utf-8")
    monkeypatch.setattr(lexicons, "lexicon_dir", lambda: tmp_path)
    lexicons.first_name_table.cache_clear()
    try:
        with pytest.raises(LexiconError, match=r"first_names\.tsv, line 2.*make_first_names"):
            lexicons.first_name_sex("Helen")
    finally:
        monkeypatch.undo()
        lexicons.first_name_table.cache_clear()
    assert lexicons.first_name_sex("Helen") == "female"
