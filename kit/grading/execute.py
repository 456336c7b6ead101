"""Run a grading plan in a fresh kernel, cell by cell, and report what happened to each test.

- Every cell has a time limit; a cell that runs over is interrupted, and if the kernel does not
  answer the interrupt it is killed and the remaining cells count as not run.
- A dead kernel (``os._exit``, a segfault, ``exit()``) ends the run; later tests score 0.
- Outputs are never kept: only the error name and message of each failing cell, so 50 MB of
  printing costs nothing but time.
- A test cell runs in up to three parts: the visible tests, then the hidden tests, then any
  visible code after them, each only if the previous part passed (the same outcome as running
  the cell whole). So the feedback can show a failing visible test's message and say no more
  than "hidden tests failed" for the others.
- Before each test cell a silent guard cell drops every ``kit`` module from ``sys.modules`` (a
  test's ``from kit.quiz import recorded_answer`` then reads the real code from disk, whatever a
  student assigned to ``kit.quiz.recorded_answer``), puts back IPython's input and AST
  transformers as they were before the first student cell, and returns to the notebook's folder.
"""

from __future__ import annotations

import secrets as random_tokens
from dataclasses import dataclass, field
from pathlib import Path

from kit.grading.kernelrun import TRIPWIRE, KernelRun
from kit.grading.prepare import Plan
from kit.grading.tripwire import seal_code

MESSAGE_LIMIT = 500

SETUP_CODE = """\
def __kit_grader_setup():
    ip = get_ipython()
    ip._kit_grader_saved = (
        list(ip.input_transformers_cleanup),
        list(ip.input_transformers_post),
        list(ip.ast_transformers),
    )
__kit_grader_setup()
del __kit_grader_setup
"""

GUARD_CODE = """\
def __kit_grader_guard(folder):
    import os, sys
    for name in [n for n in list(sys.modules) if n == "kit" or n.startswith("kit.")]:
        del sys.modules[name]
    ip = get_ipython()
    cleanup, post, ast = ip._kit_grader_saved
    ip.input_transformers_cleanup[:] = cleanup
    ip.input_transformers_post[:] = post
    ip.ast_transformers[:] = ast
    os.chdir(folder)
__kit_grader_guard({folder!r})
del __kit_grader_guard
"""


@dataclass
class TestOutcome:
    """How one test cell did."""

    grade_id: str
    points: float
    score: float
    outcome: str  # passed, failed-visible, failed-hidden, timeout, not-run
    message: str = ""


@dataclass
class RunResult:
    """What running a plan gave: test outcomes, the run's status and its notes."""

    tests: list[TestOutcome] = field(default_factory=list)
    status: str = "ok"
    notes: list[str] = field(default_factory=list)
    cell_errors: int = 0
    memory_errors: int = 0
    timeouts: int = 0
    events: list[str] = field(default_factory=list)  # what the tripwire reported

    @property
    def score(self) -> float:
        """Sum of the test cells' scores."""
        return sum(test.score for test in self.tests)


def _short(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= MESSAGE_LIMIT else text[: MESSAGE_LIMIT - 1] + "…"


def run_plan(
    plan: Plan,
    workdir: Path,
    timeout: float = 30.0,
    memory_bytes: int = 1 << 30,
    secrets: list[Path] | None = None,
    sandbox: bool = True,
    kernel: KernelRun | None = None,
    keep: set[int] | None = None,
) -> RunResult:
    """Execute plan in a fresh kernel working in workdir; score its test cells.

    ``kernel`` may be one launched earlier for this workdir (see :class:`KernelRun`); it is
    closed at the end either way (``keep`` as in :meth:`KernelRun.close`).
    """
    result = RunResult()
    pending = [step for step in plan.steps if step.role == "test"]
    try:
        kernel = kernel or KernelRun(workdir, memory_bytes, secrets or [], sandbox)
        kernel.wait_until_ready()
    except Exception as error:  # the kernel could not start: nothing runs
        if kernel is not None:
            kernel.close()
        result.status, result.notes = "kernel-died", [f"the kernel did not start ({error})"]
        result.tests = [TestOutcome(s.grade_id or "?", s.points, 0.0, "not-run") for s in pending]
        return result
    try:
        _run_steps(kernel, plan, result, timeout)
        token = random_tokens.token_hex(8)
        sealed = TRIPWIRE and kernel.alive()
        if sealed:
            kernel.execute(seal_code(token), timeout, silent=True)
    finally:
        kernel.close(keep)
    result.events = kernel.events
    if sealed and f"sealed\t{token}" not in kernel.lines and kernel_ran_to_the_end(result):
        result.events.append("tampered the tripwire did not answer at the end")
    return result


def kernel_ran_to_the_end(result: RunResult) -> bool:
    """Whether the kernel lived through every cell (so it should answer the seal)."""
    return result.status not in ("kernel-died", "timeout", "memory-limit")


def _run_steps(kernel: KernelRun, plan: Plan, result: RunResult, timeout: float) -> None:
    kernel.execute(kernel.tripwire_code + SETUP_CODE, timeout, silent=True)
    guard = GUARD_CODE.format(folder=str(kernel.workdir))
    dead = ""
    for step in plan.steps:
        if dead:
            if step.role == "test":
                result.tests.append(TestOutcome(step.grade_id, step.points, 0.0, "not-run", dead))
            continue
        if step.role != "test":
            reply = kernel.execute(step.source, timeout)
            dead = _note(reply, step.index, result, kernel)
            continue
        kernel.execute(guard, timeout, silent=True)
        outcome = TestOutcome(step.grade_id, step.points, step.points, "passed")
        for part_name, code in zip(("visible", "hidden", "visible"), step.parts, strict=True):
            if not code.strip():
                continue
            reply = kernel.execute(code, timeout)
            dead = _note(reply, step.index, result, kernel, counts_as_cell_error=False)
            if reply["status"] == "ok":
                continue
            outcome.score = 0.0
            if reply["status"] in ("timeout", "dead-timeout"):
                outcome.outcome, outcome.message = "timeout", f"ran over {timeout:g} s"
            elif dead:
                outcome.outcome, outcome.message = "not-run", dead
            elif part_name == "hidden":
                outcome.outcome = "failed-hidden"
            else:
                outcome.outcome = "failed-visible"
                outcome.message = _short(f"{reply['ename']}: {reply['evalue']}".rstrip(": "))
            break
        result.tests.append(outcome)
    _finish(result, dead)


def _note(reply: dict, index: int, result: RunResult, kernel: KernelRun, **kw) -> str:
    """Record a reply's trouble in result; return a reason when the kernel is gone."""
    status = reply["status"]
    if status == "error":
        if reply["ename"] == "MemoryError":
            result.memory_errors += 1
        elif kw.get("counts_as_cell_error", True):
            result.cell_errors += 1
        return ""
    if status == "timeout":
        result.timeouts += 1
        return ""
    if status == "dead-timeout":
        result.timeouts += 1
        return f"cell {index} ran over the time limit and the kernel had to be stopped"
    if status == "dead":
        return f"the kernel {kernel.exit_description()} while running cell {index}"
    return ""


def _finish(result: RunResult, dead: str) -> None:
    notes = []
    if result.timeouts:
        notes.append(f"{result.timeouts} cell(s) ran over the time limit")
    if result.memory_errors:
        notes.append(f"{result.memory_errors} cell(s) hit the memory limit")
    if result.cell_errors:
        notes.append(f"{result.cell_errors} non-test cell(s) raised an error")
    if dead:
        notes.insert(0, dead)
    result.notes = notes + result.notes
    if dead and result.memory_errors:
        result.status = "memory-limit"
    elif dead and not result.timeouts:
        result.status = "kernel-died"
    elif result.timeouts:
        result.status = "timeout"
    elif result.memory_errors:
        result.status = "memory-limit"
    elif result.cell_errors:
        result.status = "cell-errors"
