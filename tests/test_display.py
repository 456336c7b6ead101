"""What a learner sees when a kit table is displayed in a notebook: text cells readable in full
or, where pandas must cut them, cut after the words that matter."""

from __future__ import annotations

import pandas as pd

from kit import artifacts
from kit.readability import FORMULAS, formula_guide


def test_formula_guide_cells_fit_pandas_default_column_width():
    default_width = pd.get_option("display.max_colwidth")  # 50 unless a notebook changes it
    longest = max(len(cell) for row in FORMULAS for cell in row)
    assert longest <= default_width, longest
    with pd.option_context("display.max_colwidth", 50):
        html = formula_guide()._repr_html_()
    assert "..." not in html
    assert "9.0-9.9: college" in html


def test_formula_guide_rows_are_the_formulas():
    guide = formula_guide()
    assert list(guide.index) == [row[0] for row in FORMULAS]
    assert guide.loc["Dale-Chall", "textstat function"] == "dale_chall_readability_score"


def test_altered_quotation_evidence_starts_with_the_findings_own_version(story):
    changed = [
        finding
        for finding in artifacts.find_artifacts(story)
        if finding.signal == "quotation differs between versions"
    ]
    assert changed, "the story has quotations reworded between versions"
    for finding in changed:
        assert finding.evidence.startswith(f"{finding.version}: “"), finding.evidence
    # cut to 60 characters as lesson 4's tables are, 001's row still shows 001's wording
    table = artifacts.find_artifacts(story).to_frame()
    rows = table[(table["version"] == "001") & (table["signal"].str.startswith("quotation"))]
    with pd.option_context("display.max_colwidth", 60):
        html = rows._repr_html_()
    assert "prayed and pleaded" in html


def test_practice_try_again_is_a_line_below_the_explanations_not_a_bullet():
    from kit.quiz import practice
    from kit.quiz.practice import encode_practice

    spec = {
        "id": "punctuation",
        "kind": "single",
        "prompt": "Which version has no sentence punctuation?",
        "options": [
            {"text": "000", "correct": False, "explain": "000 keeps its full stops."},
            {"text": "004", "correct": True, "explain": "004 lost its punctuation."},
        ],
    }
    question = practice(encode_practice(spec))
    question.choose("000")
    assert question.check() is False
    shown = question._feedback.value
    assert "<li>000: 000 keeps its full stops.</li>" in shown
    assert "<li>Try again.</li>" not in shown
    assert shown.index("</ul>") < shown.index("<p>Try again.</p>")
    assert question.feedback == "✘ Not quite. 000: 000 keeps its full stops. Try again."
