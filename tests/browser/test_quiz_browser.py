"""The quizzes in a real JupyterLab in Chromium, answered as a student would, then graded.

One long scenario (JupyterLab starts once): open the student version of the fixture notebook,
run all, answer every graded question by clicking and typing (some by keyboard only), use the
practice question's Check button, save, restart the kernel and run all again, see every answer
back in its widget, then hand the folder to ``python -m kit grade`` and get full marks.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
import time

import pytest

from tests.browser.notebooks import QUIZ_BOOK, QUIZ_SOURCE, write_student_notebook
from tests.conftest import REPO

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

TIMEOUT_MS = 120_000  # generous: JupyterLab and kernels are slow on 2 busy cores
NOTEBOOK = f"{QUIZ_BOOK}.ipynb"

#: Console errors that are not the kit's and do not affect the page. Each needs a reason.
KNOWN_HARMLESS_CONSOLE_ERRORS: tuple[str, ...] = ()


def run_command(page, command: str) -> None:
    """Start a JupyterLab command (the app is exposed by --LabApp.expose_app_in_browser).

    Does not wait for the command to finish: some open a dialog first.
    """
    page.evaluate("(command) => { window.jupyterapp.commands.execute(command); }", command)


def wait_until_all_ran(page) -> None:
    """Wait until every code cell has an execution number and the kernel is idle."""
    page.wait_for_function(
        """() => {
            const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
            return prompts.length > 0
                && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
        }""",
        timeout=TIMEOUT_MS,
    )
    page.wait_for_selector("#jp-main-statusbar >> text=Idle", timeout=TIMEOUT_MS)


def question(page, number: int):
    return page.locator(".kit-quiz-question").nth(number)


def expect_text(locator, text: str) -> None:
    locator.get_by_text(text, exact=False).first.wait_for(timeout=30_000)


def read_answers(folder):
    return json.loads((folder / f"{QUIZ_BOOK}.answers.json").read_text(encoding="utf-8"))


def test_answer_save_restart_restore_and_grade(lab, browser, screenshot_on_failure, tmp_path):
    write_student_notebook(lab.root)
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    screenshot_on_failure(page)
    console_errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and console_errors.append(m.text))
    page.on("pageerror", lambda error: console_errors.append(f"page error: {error}"))

    page.goto(f"{lab.url}/lab/tree/{NOTEBOOK}")
    page.wait_for_selector("#jp-main-statusbar >> text=Idle", timeout=TIMEOUT_MS)
    run_command(page, "notebook:run-all-cells")
    page.wait_for_selector(".kit-quiz-progress", timeout=TIMEOUT_MS)
    expect_text(page.locator(".kit-quiz-progress"), "0 of 4 questions answered")
    assert page.locator(".kit-quiz-question").count() == 4

    # q1, single choice: first by keyboard (focus, Space), then changed with a click
    q1 = question(page, 0)
    q1.get_by_role("radio", name="000").focus()
    page.keyboard.press("Space")
    expect_text(q1, "✔ Saved: 000")
    q1.get_by_role("radio", name="004").check()
    expect_text(q1, "✔ Saved: 004")
    # q2, select all that apply: a click, then the keyboard only (Tab to the next box, Space)
    q2 = question(page, 1)
    q2.get_by_role("checkbox", name="United Country").check()
    expect_text(q2, "✔ Saved: United Country")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect_text(q2, "✔ Saved: United Country, therapy")
    # q3, text: type and press Enter
    q3 = question(page, 2)
    q3.get_by_role("textbox", name="Answer").fill(" Clampdown")
    q3.get_by_role("textbox", name="Answer").press("Enter")
    expect_text(q3, "✔ Saved:  Clampdown")
    # q4, number: a typo is refused in words, then the number is sent by leaving the box (Tab)
    q4_box = question(page, 3).get_by_role("textbox", name="Answer")
    q4_box.fill("one")
    q4_box.press("Enter")
    expect_text(question(page, 3), "is not a number")
    q4_box.fill("1")
    q4_box.press("Tab")
    expect_text(question(page, 3), "✔ Saved: 1")
    expect_text(page.locator(".kit-quiz-progress"), "4 of 4 questions answered")
    # graded mode never tells right from wrong
    for number in range(4):
        text = question(page, number).inner_text()
        assert "Correct" not in text and "Not quite" not in text

    # practice: wrong, feedback in words; retry, right
    practice = page.locator(".kit-quiz-practice")
    practice.get_by_role("radio", name="An editor chose a harsher frame").check()
    practice.get_by_role("button", name="Check").click()
    expect_text(practice, "✘ Not quite.")
    expect_text(practice, "Try again.")
    practice.get_by_role("radio", name="A translation step (Spanish represión)").check()
    practice.get_by_role("button", name="Check").click()
    expect_text(practice, "✔ Correct.")

    answers = read_answers(lab.root)["answers"]
    assert {key: entry["value"] for key, entry in answers.items()} == {
        "q1": "004",
        "q2": ["United Country", "therapy"],
        "q3": " Clampdown",
        "q4": 1.0,
    }
    assert set(read_answers(lab.root)["answers"]) == {"q1", "q2", "q3", "q4"}  # no practice

    # save with the keyboard, as a student would
    saved_before = (lab.root / NOTEBOOK).stat().st_mtime_ns
    page.locator(".jp-Notebook").first.click(position={"x": 5, "y": 5})
    page.keyboard.press("Control+s")
    deadline = time.monotonic() + 30
    while (lab.root / NOTEBOOK).stat().st_mtime_ns == saved_before:
        assert time.monotonic() < deadline, "the notebook was not saved"
        time.sleep(0.2)

    # restart the kernel, clear what was shown, run all again: answers come back
    run_command(page, "notebook:clear-all-cell-outputs")
    assert page.locator(".kit-quiz-question").count() == 0
    run_command(page, "notebook:restart-run-all")
    page.locator(".jp-Dialog .jp-mod-accept").click(timeout=30_000)
    page.wait_for_selector(".kit-quiz-progress", timeout=TIMEOUT_MS)
    wait_until_all_ran(page)
    expect_text(page.locator(".kit-quiz-progress"), "4 of 4 questions answered")
    assert question(page, 0).get_by_role("radio", name="004").is_checked()
    assert not question(page, 0).get_by_role("radio", name="000").is_checked()
    q2 = question(page, 1)
    assert q2.get_by_role("checkbox", name="United Country").is_checked()
    assert q2.get_by_role("checkbox", name="therapy").is_checked()
    assert not q2.get_by_role("checkbox", name="clampdown").is_checked()
    assert question(page, 2).get_by_role("textbox", name="Answer").input_value() == " Clampdown"
    assert question(page, 3).get_by_role("textbox", name="Answer").input_value() == "1"
    expect_text(question(page, 0), "✔ Saved: 004")
    # every visible test passed this time
    assert page.locator('[data-mime-type="application/vnd.jupyter.stderr"]').count() == 0
    page_text = page.locator(".jp-Notebook").inner_text()
    assert "Error displaying widget" not in page_text
    assert "Traceback" not in page_text
    unexpected = [
        error
        for error in console_errors
        if not any(known in error for known in KNOWN_HARMLESS_CONSOLE_ERRORS)
    ]
    assert unexpected == [], unexpected
    assert page.get_by_text("official Jupyter news").count() == 0  # settings honoured
    page.close()

    # hand in the folder (notebook + answers file) and grade it with the kit's grader
    source, student = tmp_path / "source", tmp_path / "submissions" / "student-1"
    source.mkdir()
    student.mkdir(parents=True)
    shutil.copy(QUIZ_SOURCE, source)
    for name in (NOTEBOOK, f"{QUIZ_BOOK}.answers.json"):
        shutil.copy(lab.root / name, student)
    out = tmp_path / "graded"
    result = subprocess.run(
        [sys.executable, "-m", "kit", "grade", str(student.parent), "--out", str(out),
         "--source", str(source), "--quiet"],
        capture_output=True, text=True, cwd=REPO, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    with (out / "gradebook.csv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert [(row["student"], row["notebook"]) for row in rows] == [("student-1", NOTEBOOK)]
    assert (float(rows[0]["score"]), float(rows[0]["max_score"])) == (5.0, 5.0), rows[0]
