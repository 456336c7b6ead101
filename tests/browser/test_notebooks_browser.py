"""Every lesson and every exercise (the student version) in a real JupyterLab in Chromium.

One JupyterLab and one page for the whole run: each notebook is opened, Run All, checked,
then closed with its kernel shut down before the next one opens. For each notebook:

- Run All reaches the last cell (no error stops it);
- no output says "Error displaying widget", and every widget view is drawn;
- no error output and nothing on stderr, except in an exercise's graded test cells (tagged
  ``raises-exception``): there an ``AssertionError`` is how an unanswered question says
  "not answered yet", as the student sees it before answering. It is expected, not a kit error.
  Any other error there (a NameError, a kit exception) fails the test;
- no error in the browser console while the notebook is open (none is JupyterLab's own here,
  so any is taken as the kit's);
- axe-core finds no violation of impact serious or critical in the notebook, its outputs and
  the kit's widgets. JupyterLab's own violations are excluded by selector
  (:data:`tests.browser.jupyterlab.JUPYTERLAB_OWN`, each with its reason), never by rule.

The notebooks are found by globbing notebooks/ and exercises/, so a new one is covered.
"""

from __future__ import annotations

import shutil

import pytest

from tests.browser import jupyterlab as lab_page_tools
from tests.conftest import REPO

pytestmark = [pytest.mark.browser, pytest.mark.timeout(600)]
pytest.importorskip(
    "axe_playwright_python",
    reason="axe-playwright-python is not installed (pip install -e '.[test]')",
)

LESSONS = sorted((REPO / "notebooks").glob("*.ipynb"))
EXERCISES = sorted((REPO / "exercises").glob("*.ipynb"))
NOTEBOOKS = [*LESSONS, *EXERCISES]
SERIOUS = ("serious", "critical")
CONTINUE_TAG = "raises-exception"
EXPECTED_UNANSWERED = "AssertionError"


PARAMETERS = [pytest.param(path, id=f"{path.parent.name}/{path.stem}") for path in NOTEBOOKS]


@pytest.fixture(scope="module")
def lab_page(lab, browser):
    """One JupyterLab page, with the lessons and exercises copied into the server's root."""
    for folder in ("notebooks", "exercises"):
        (lab.root / folder).mkdir(exist_ok=True)
    for path in NOTEBOOKS:
        shutil.copy(path, lab.root / path.parent.name / path.name)
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda error: page.console_errors.append(f"page error: {error}"))
    # a workspace of its own, so the layout it leaves does not reopen in other tests' pages
    page.goto(f"{lab.url}/lab/workspaces/all-notebooks")
    lab_page_tools.wait_for_app(page)
    page.axe_script = lab_page_tools.axe_script()
    yield page
    page.close()


def _error_outputs(notebook: dict) -> list[tuple[int, dict, dict]]:
    found = []
    for number, cell in enumerate(notebook["cells"]):
        for output in cell.get("outputs", []):
            is_error = output["output_type"] == "error"
            is_stderr = output["output_type"] == "stream" and output.get("name") == "stderr"
            if is_error or is_stderr:
                found.append((number, cell, output))
    return found


def _unexpected_errors(notebook: dict, is_exercise: bool) -> list[str]:
    problems = []
    for number, cell, output in _error_outputs(notebook):
        tags = cell.get("metadata", {}).get("tags", [])
        expected = (
            is_exercise and CONTINUE_TAG in tags and output.get("ename") == EXPECTED_UNANSWERED
        )
        if not expected:
            text = output.get("text") or f"{output.get('ename')}: {output.get('evalue')}"
            problems.append(f"cell {number}: {str(text)[:300]}")
    return problems


@pytest.mark.parametrize("path", PARAMETERS)
def test_notebook_runs_all_cleanly_and_accessibly(lab_page, path, screenshot_on_failure):
    page = lab_page
    screenshot_on_failure(page)
    page.console_errors.clear()
    relative = f"{path.parent.name}/{path.name}"
    lab_page_tools.close_everything(page)  # the one before (left open for its screenshot)
    lab_page_tools.open_notebook(page, relative)
    lab_page_tools.run_all(page)
    notebook = lab_page_tools.notebook_json(page)

    code_cells = [
        (number, cell)
        for number, cell in enumerate(notebook["cells"])
        if cell["cell_type"] == "code"
    ]
    not_run = [number for number, cell in code_cells if not cell.get("execution_count")]
    assert not_run == [], (
        f"Run All stopped before cells {not_run}: an error stopped it\n"
        + "\n".join(_unexpected_errors(notebook, is_exercise=False))
    )

    shown = page.locator(lab_page_tools.OPEN_NOTEBOOK).inner_text()
    assert "Error displaying widget" not in shown
    assert _unexpected_errors(notebook, is_exercise=path.parent.name == "exercises") == []
    assert page.console_errors == [], page.console_errors

    violations = lab_page_tools.axe_violations(
        page,
        page.axe_script,
        lab_page_tools.CELLS,
        list(lab_page_tools.JUPYTERLAB_OWN),
    )
    serious = [v for v in violations if v["impact"] in SERIOUS]
    assert serious == [], lab_page_tools.describe_violations(serious)


# --------------------------------------------------------------------------- keyboard only

KEYBOARD_LESSON = "notebooks/01_meet_the_story.ipynb"
MAX_TABS = 10  # from the active cell to the first control of its output
MAX_CELLS = 200
START_AT_THE_TOP = """() => {
    const notebook = window.jupyterapp.shell.currentWidget.content;
    notebook.mode = 'command';
    notebook.activeCellIndex = 0;
    notebook.activeCell.node.focus();
}"""
#: The active cell is the first practice question, or the cell the arrow keys stop at just
#: above it. JupyterLab's ArrowDown/ArrowUp in command mode skip every cell whose input is
#: hidden, outputs and all, and the lessons hide the input of their practice cells (its
#: encoded answers say nothing to a learner): the arrows never select such a cell. Tab from
#: the cell above moves the focus into the question's options, and JupyterLab then makes the
#: question's cell the active one.
AT_THE_PRACTICE_OR_JUST_ABOVE = """() => {
    const notebook = window.jupyterapp.shell.currentWidget.content;
    const cells = notebook.widgets;
    const practice = cells.findIndex(
        cell => cell.model.sharedModel.getSource().startsWith('practice('));
    const here = notebook.activeCellIndex;
    return here === practice
        || (here < practice && cells.slice(here + 1, practice).every(cell => cell.inputHidden));
}"""
ACTIVE_CELL_IS_PRACTICE = """() => {
    const cell = window.jupyterapp.shell.currentWidget.content.activeCell;
    return cell.model.sharedModel.getSource().startsWith('practice(');
}"""

FOCUS_IN_FIRST_PRACTICE = """() => {
    const practice = document.querySelector('.kit-quiz-practice');
    return practice !== null && practice.contains(document.activeElement);
}"""
FOCUSED = """() => {
    const element = document.activeElement;
    return {tag: element.tagName.toLowerCase(), type: element.type || '',
            text: (element.innerText || element.value || '').trim(),
            checked: element.checked === true};
}"""


def _first_practice_spec() -> dict:
    """The first practice question of the keyboard lesson, decoded (to know the right answer)."""
    import re

    import nbformat

    from kit.quiz import decode_practice

    notebook = nbformat.read(REPO / KEYBOARD_LESSON, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code" and cell.source.startswith("practice("):
            return decode_practice("".join(re.findall(r'"([^"]*)"', cell.source)))
    raise AssertionError(f"{KEYBOARD_LESSON} has no practice question")


def test_a_practice_question_worked_through_by_keyboard_only(lab_page, screenshot_on_failure):
    """After Run All, keyboard only: go down the cells in command mode to the first practice
    question (or to the cell just above it: its input is hidden, and the arrow keys skip such
    a cell), Tab into it, Space to answer (wrong), Tab to Check, Enter, read the feedback in
    its live region; Shift+Tab back to the right option, Space, Tab to Check, Enter: correct.

    (Each option of ipywidgets' RadioButtons is a Tab stop of its own; the arrow keys are
    not used inside the question: in command mode JupyterLab takes ArrowDown to select the
    next cell.)"""
    spec = _first_practice_spec()
    texts = [option["text"] for option in spec["options"]]
    assert spec["kind"] == "single" and not spec["options"][0]["correct"], (
        "the walk-through answers a one-choice question whose first option is wrong"
    )
    right = next(option["text"] for option in spec["options"] if option["correct"])
    page = lab_page
    screenshot_on_failure(page)
    page.console_errors.clear()
    keys = page.keyboard
    lab_page_tools.close_everything(page)
    lab_page_tools.open_notebook(page, KEYBOARD_LESSON)
    lab_page_tools.run_all(page)
    page.evaluate(START_AT_THE_TOP)

    for _ in range(MAX_CELLS):  # command mode: ArrowDown selects the next cell it can select
        if page.evaluate(AT_THE_PRACTICE_OR_JUST_ABOVE):
            break
        keys.press("ArrowDown")
    else:
        raise AssertionError("ArrowDown in command mode never reached a practice question")
    for _ in range(MAX_TABS):
        keys.press("Tab")
        if page.evaluate(FOCUS_IN_FIRST_PRACTICE):
            break
    else:
        raise AssertionError(f"{MAX_TABS} presses of Tab never reached the practice question")
    assert page.evaluate(ACTIVE_CELL_IS_PRACTICE), "the question's cell is the active one"
    focused = page.evaluate(FOCUSED)
    assert focused["type"] == "radio", focused  # the group's first option: none is chosen yet
    practice = page.locator(".kit-quiz-practice").first
    radio = practice.get_by_role("radio")

    def tab_to(key: str, wanted) -> None:
        # each option is a stop of its own for Tab (Space ticks it), then the buttons
        for _ in range(len(texts) + 2):
            if wanted(page.evaluate(FOCUSED)):
                return
            keys.press(key)
        raise AssertionError(f"{key} never reached it; focus is on {page.evaluate(FOCUSED)}")

    keys.press("Space")
    assert radio.nth(0).is_checked() and texts[0] != right
    tab_to("Tab", lambda f: (f["tag"], f["text"]) == ("button", "Check"))
    keys.press("Enter")
    feedback = practice.get_by_role("status")
    feedback.get_by_text("Not quite", exact=False).wait_for(timeout=30_000)
    assert feedback.get_attribute("aria-live") == "polite"  # a screen reader reads it out
    assert "Try again." in feedback.inner_text()

    right_number = texts.index(right)
    tab_to("Shift+Tab", lambda f: f["type"] == "radio" and f["text"] == str(right_number))
    keys.press("Space")
    assert radio.nth(right_number).is_checked() and not radio.nth(0).is_checked()
    tab_to("Tab", lambda f: (f["tag"], f["text"]) == ("button", "Check"))
    keys.press("Enter")
    feedback.get_by_text("Correct", exact=False).wait_for(timeout=30_000)
    assert "Not quite" not in feedback.inner_text()
    assert page.console_errors == [], page.console_errors
