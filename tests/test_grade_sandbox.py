"""The grading kernel's isolation and limits, tried for real.

A test cell that snoops (solutions, another student's folder, the repository, the network,
files outside its folder) must find nothing inside bubblewrap; the same cell run without the
sandbox finds things, which shows the probes can fail.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from kit.grading.execute import run_plan
from kit.grading.prepare import Plan, Step
from kit.grading.sandbox import bwrap_path
from tests.conftest import REPO

needs_bwrap = pytest.mark.skipif(
    bwrap_path() is None,
    reason="bubblewrap (bwrap) is missing or cannot create a sandbox here; see INSTRUCTORS.md",
)


def _plan(tests: dict[str, str]) -> Plan:
    steps = [Step(0, "free", "import kit\nstory = kit.load_story()")]
    for number, (name, code) in enumerate(tests.items(), start=1):
        code = textwrap.dedent(code)
        steps.append(Step(number, "test", code, name, 1.0, (code, "", "")))
    return Plan(steps)


@pytest.fixture
def places(tmp_path):
    """A secret solutions folder, a class with two students, and a work folder."""
    solutions = tmp_path / "solutions"
    solutions.mkdir()
    (solutions / "x.ipynb").write_text("the key", encoding="utf-8")
    other = tmp_path / "submitted" / "bea"
    other.mkdir(parents=True)
    (other / "ex1.ipynb").write_text("bea's work", encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    return solutions, other, work


def _probes(solutions: Path, other: Path) -> dict[str, str]:
    absent = "import os\nassert not os.path.exists({!r})"
    return {
        "solutions-hidden": absent.format(str(solutions / "x.ipynb")),
        "other-student-hidden": absent.format(str(other / "ex1.ipynb")),
        "repository-hidden": (
            f"import os\nassert not os.path.exists({str(REPO / '.git')!r})\n"
            f"assert not os.path.exists({str(REPO / 'INSTRUCTORS.md')!r})"
        ),
        "no-network": """
            import socket
            probe = socket.socket()
            probe.settimeout(3)
            assert probe.connect_ex(("1.1.1.1", 53)) != 0
            assert socket.if_nameindex() in ([], [(1, "lo")])
        """,
        "read-only-system": f"""
            for path in ({str(REPO / "kit" / "planted.py")!r}, "/usr/planted", "/etc/planted"):
                try:
                    open(path, "w").close()
                except OSError:
                    pass
                else:
                    raise AssertionError(f"could write {{path}}")
        """,
        "own-folder-writable": "open('mine.txt', 'w').write('ok')\nassert open('mine.txt').read()",
        "kit-still-works": "import kit\nassert len(kit.load_story().ids) == 3",
    }


@needs_bwrap
def test_inside_bubblewrap_a_student_sees_nothing_secret(places):
    solutions, other, work = places
    plan = _plan(_probes(solutions, other))
    # as `kit grade --source solutions` does: the repository holding the solutions is hidden
    secrets = [solutions, other.parent, REPO / "solutions"]
    result = run_plan(plan, work, timeout=20, secrets=secrets, sandbox=True)
    failed = {t.grade_id: t.message for t in result.tests if t.outcome != "passed"}
    assert failed == {}
    assert len(result.tests) == len(plan.steps) - 1


def test_without_the_sandbox_the_probes_do_find_things(places):
    solutions, other, work = places
    probes = _probes(solutions, other)
    del probes["read-only-system"]  # outside the sandbox it would really write those files
    plan = _plan(probes)
    result = run_plan(plan, work, timeout=20, secrets=[solutions], sandbox=False)
    outcomes = {t.grade_id: t.outcome for t in result.tests}
    assert outcomes["solutions-hidden"] == outcomes["other-student-hidden"] == "failed-visible"
    assert outcomes["repository-hidden"] == "failed-visible"
    assert outcomes["kit-still-works"] == "passed"


@pytest.mark.parametrize("sandbox", [True, False], ids=["bwrap", "plain"])
def test_the_memory_cap_applies_to_the_kernel_and_normal_work_fits(places, sandbox):
    if sandbox and bwrap_path() is None:
        pytest.skip("bubblewrap is not available here")
    _, _, work = places
    cap = 1 << 30
    plan = _plan(
        {
            "cap-set": f"import resource as r\nassert r.getrlimit(r.RLIMIT_AS)[0] == {cap}",
            "heavy-imports-fit": "import pandas, matplotlib.pyplot, nltk, textstat, ipywidgets",
            "bomb-refused": "try:\n    bytearray(2 * 1024**3)\nexcept MemoryError:\n    pass\n"
            "else:\n    raise AssertionError('2 GB were allocated')",
        }
    )
    result = run_plan(plan, work, timeout=60, memory_bytes=cap, sandbox=sandbox)
    assert {t.grade_id: t.outcome for t in result.tests} == dict.fromkeys(
        ("cap-set", "heavy-imports-fit", "bomb-refused"), "passed"
    ), [t.message for t in result.tests]


def test_a_rebound_quiz_api_does_not_fake_a_pass(tmp_path):
    (tmp_path / "ex1_demo.answers.json").write_text(
        '{"format": "kit-answers/1", "book": "ex1_demo", "answers": {}}', encoding="utf-8"
    )
    cheat = (
        "import kit.quiz, kit.quiz.store\n"
        "kit.quiz.recorded_answer = lambda *a, **k: '004'\n"
        "kit.quiz.store.recorded_answer = lambda *a, **k: '004'\n"
        "import os\nos.chdir('/')\n"
    )
    check = (
        "from kit.quiz import recorded_answer\nassert recorded_answer('ex1_demo', 'q1') == '004'"
    )
    plan = Plan([Step(0, "answer", cheat), Step(1, "test", check, "q1-test", 1.0, (check, "", ""))])
    result = run_plan(plan, tmp_path, timeout=20, sandbox=False)
    assert result.tests[0].outcome == "failed-visible"
    # the same check passes when the answer is really there (the test can pass)
    plan.steps[0] = Step(0, "answer", "from kit.quiz import AnswerBook")
    (tmp_path / "ex1_demo.answers.json").write_text(
        '{"format": "kit-answers/1", "book": "ex1_demo", "answers": {"q1": {"value": "004", '
        '"saved": "2026-01-01T00:00:00"}}}',
        encoding="utf-8",
    )
    assert run_plan(plan, tmp_path, timeout=20, sandbox=False).tests[0].outcome == "passed"


def test_a_kernel_that_ignores_interrupts_is_stopped(tmp_path):
    stubborn = "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass"
    check = "assert True"
    plan = Plan([Step(0, "answer", stubborn), Step(1, "test", check, "t", 1.0, (check, "", ""))])
    result = run_plan(plan, tmp_path, timeout=2, sandbox=False)
    assert result.status == "timeout"
    assert [(t.outcome, t.score) for t in result.tests] == [("not-run", 0.0)]
    assert "stopped" in result.notes[0]


def test_a_symlinked_notebook_is_not_followed(tmp_path):
    from kit.grading.submissions import locate

    secret = tmp_path / "solutions" / "ex1.ipynb"
    secret.parent.mkdir()
    secret.write_text("{}", encoding="utf-8")
    student = tmp_path / "ana"
    student.mkdir()
    (student / "ex1.ipynb").symlink_to(secret)
    path, note = locate(student, "ex1.ipynb", {"ex1.ipynb"})
    assert path is None and "symbolic link" in note
