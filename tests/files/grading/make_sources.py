"""Write the small fixture assignments in source/ (run once; the results are committed).

python tests/files/grading/make_sources.py
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent


def meta(grade_id, kind, points=None):
    flags = {
        "locked": {"locked": True, "solution": False, "grade": False},
        "answer": {"locked": False, "solution": True, "grade": False},
        "test": {"locked": True, "solution": False, "grade": True},
    }[kind]
    data = {"schema_version": 3, "grade_id": grade_id, "task": False, **flags}
    if points is not None:
        data["points"] = points
    return {"nbgrader": data}


def cell(maker, source, grade_id, kind, points=None, cell_id=None):
    made = maker(source, metadata=meta(grade_id, kind, points))
    made.id = cell_id or grade_id
    return made


def ex1_demo():
    cells = [
        cell(
            new_markdown_cell,
            "# Demo assignment\n\nAnswer the question and write the function.",
            "intro",
            "locked",
        ),
        cell(
            new_code_cell,
            'import kit\nfrom kit.quiz import AnswerBook\n\nbook = AnswerBook("ex1_demo")\n'
            "story = kit.load_story()",
            "setup",
            "locked",
        ),
        cell(
            new_code_cell,
            'q1 = book.single_choice(\n    "q1", "Which version has no sentence '
            'punctuation?", ["000", "001", "004"], points=1\n)\n### BEGIN SOLUTION\n'
            'q1.answer("004")\n### END SOLUTION',
            "q1-answer",
            "answer",
        ),
        cell(
            new_code_cell,
            "from kit.quiz import recorded_answer\n\n"
            'assert recorded_answer("ex1_demo", "q1") is not None, '
            '"Answer q1 with the widget above."\n'
            "### BEGIN HIDDEN TESTS\n"
            'assert recorded_answer("ex1_demo", "q1") == "004"\n'
            "### END HIDDEN TESTS",
            "q1-test",
            "test",
            1,
        ),
        cell(
            new_markdown_cell,
            "Write `count_words(version_id)`: the number of words of a version.",
            "words-intro",
            "locked",
        ),
        cell(
            new_code_cell,
            "def count_words(version_id):\n    ### BEGIN SOLUTION\n"
            "    return len(story[version_id].words)\n    ### END SOLUTION",
            "words-answer",
            "answer",
        ),
        cell(
            new_code_cell,
            'assert isinstance(count_words("000"), int), "count_words must return an int"\n'
            "### BEGIN HIDDEN TESTS\n"
            'assert count_words("001") == len(kit.load_story()["001"].words), "hidden-key-001"\n'
            "### END HIDDEN TESTS",
            "words-test",
            "test",
            2,
        ),
        cell(
            new_code_cell,
            "### BEGIN HIDDEN TESTS\n"
            'assert count_words("004") == len(kit.load_story()["004"].words)\n'
            "### END HIDDEN TESTS",
            "words-test-004",
            "test",
            1,
        ),
        cell(new_code_cell, "book.progress()", "progress", "locked"),
    ]
    notebook = new_notebook(cells=cells)
    notebook.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python", "version": "3.11.7"},
        "widgets": {"application/vnd.jupyter.widget-state+json": {"state": {}}},
    }
    return notebook


def ex2_demo():
    cells = [
        cell(new_code_cell, "import kit\n\nstory = kit.load_story()", "setup", "locked"),
        cell(
            new_code_cell,
            "def headline_words(version_id):\n    ### BEGIN SOLUTION\n"
            "    return len(story[version_id].headline.split())\n    ### END SOLUTION",
            "headline-answer",
            "answer",
        ),
        cell(
            new_code_cell,
            'assert headline_words("001") > 0, "headline_words must count words"\n'
            "### BEGIN HIDDEN TESTS\n"
            'assert headline_words("001") == len(kit.load_story()["001"].headline.split())\n'
            "### END HIDDEN TESTS",
            "headline-test",
            "test",
            1,
        ),
    ]
    notebook = new_notebook(cells=cells)
    notebook.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}
    }
    return notebook


if __name__ == "__main__":
    for name, build in (("ex1_demo", ex1_demo), ("ex2_demo", ex2_demo)):
        nbformat.write(build(), HERE / "source" / f"{name}.ipynb")
