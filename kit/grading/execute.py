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

import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from kit.grading.prepare import Plan
from kit.grading.sandbox import bwrap_prefix, kernel_environment

MESSAGE_LIMIT = 500
INTERRUPT_GRACE = 5.0
START_TIMEOUT = 60.0

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

    @property
    def score(self) -> float:
        """Sum of the test cells' scores."""
        return sum(test.score for test in self.tests)


def _short(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= MESSAGE_LIMIT else text[: MESSAGE_LIMIT - 1] + "…"


class KernelRun:
    """One fresh kernel for one notebook; execute code and wait with a deadline.

    Creating it launches the kernel without waiting for it, so a grader can start the next
    notebook's kernel while the current one runs; ``execute`` waits until it is ready.
    """

    def __init__(self, workdir: Path, memory_bytes: int, secrets: list[Path], sandbox: bool):
        from jupyter_client import KernelManager
        from jupyter_client.kernelspec import KernelSpec

        self.workdir = workdir
        prefix = bwrap_prefix(workdir, secrets) if sandbox else []
        command = [*prefix, sys.executable, "-m", "kit.grading.kernel", "--memory"]
        command += [str(memory_bytes), "-f", "{connection_file}", "--HistoryManager.enabled=False"]
        self.sandboxed = bool(prefix)
        self.manager = KernelManager(
            transport="ipc" if prefix else "tcp",
            ip=str(workdir / ".kernel-ipc") if prefix else "127.0.0.1",
            connection_file=str(workdir / ".kernel-connection.json"),
        )
        self.manager._kernel_spec = KernelSpec(
            argv=command, display_name="grader", language="python", interrupt_mode="message"
        )
        self.manager.start_kernel(
            env=kernel_environment(workdir),
            cwd=str(workdir),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.client = self.manager.client()
        self.client.start_channels()
        self.ready = False

    def wait_until_ready(self) -> None:
        """Wait for the kernel's first kernel_info reply (outputs are not needed, so unlike
        jupyter_client's wait_for_ready this does not wait for IOPub to settle)."""
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            msg_id = self.client.kernel_info()
            answer_by = time.monotonic() + 2.0
            while time.monotonic() < answer_by:
                try:
                    reply = self.client.get_shell_msg(timeout=0.05)
                except Exception:  # queue.Empty
                    if not self.alive():
                        raise RuntimeError("the kernel died while starting") from None
                    continue
                if reply.get("parent_header", {}).get("msg_id") == msg_id:
                    self.ready = True
                    return
        raise RuntimeError(f"the kernel did not answer within {START_TIMEOUT:g} s")

    def alive(self) -> bool:
        """Whether the kernel process is still running."""
        return self.manager.is_alive()

    def exit_description(self) -> str:
        """How the kernel ended, e.g. 'killed by signal 11' (best effort)."""
        process = getattr(self.manager.provisioner, "process", None)
        code = process.poll() if process is not None else None
        if code is None:
            return "stopped"
        if code < 0 or code > 128:
            number = -code if code < 0 else code - 128
            names = {6: "abort", 9: "kill", 11: "segmentation fault", 25: "file too large"}
            return f"killed by signal {number} ({names.get(number, 'signal')})"
        return f"exited with code {code}"

    def _drain_iopub(self) -> None:
        while True:
            try:
                self.client.get_iopub_msg(timeout=0)
            except Exception:  # queue.Empty: nothing waiting
                return

    def execute(self, code: str, timeout: float, silent: bool = False) -> dict:
        """Run code; return {'status': ok|error|timeout|dead, 'ename', 'evalue'}."""
        if not self.ready:
            self.wait_until_ready()
        msg_id = self.client.execute(
            code, silent=silent, store_history=not silent, stop_on_error=False
        )
        deadline = time.monotonic() + timeout
        interrupted = False
        while True:
            self._drain_iopub()
            try:
                reply = self.client.get_shell_msg(timeout=0.1)
            except Exception:  # queue.Empty
                reply = None
            if reply is not None and reply.get("parent_header", {}).get("msg_id") == msg_id:
                content = reply["content"]
                if interrupted:
                    return {"status": "timeout", "ename": "", "evalue": ""}
                return {
                    "status": content.get("status", "error"),
                    "ename": content.get("ename", ""),
                    "evalue": content.get("evalue", ""),
                }
            if reply is None and not self.alive():
                return {"status": "dead", "ename": "", "evalue": ""}
            now = time.monotonic()
            if now > deadline and not interrupted:
                self.manager.interrupt_kernel()
                interrupted, deadline = True, now + INTERRUPT_GRACE
            elif now > deadline:
                self.manager.shutdown_kernel(now=True)
                return {"status": "dead-timeout", "ename": "", "evalue": ""}

    def close(self) -> None:
        """Stop the kernel and its channels (never raises)."""
        try:
            self.client.stop_channels()
            if self.manager.has_kernel:
                self.manager.shutdown_kernel(now=True)
        except Exception:  # already gone: nothing left to stop
            pass


def run_plan(
    plan: Plan,
    workdir: Path,
    timeout: float = 30.0,
    memory_bytes: int = 1 << 30,
    secrets: list[Path] | None = None,
    sandbox: bool = True,
    kernel: KernelRun | None = None,
) -> RunResult:
    """Execute plan in a fresh kernel working in workdir; score its test cells.

    ``kernel`` may be one launched earlier for this workdir (see :class:`KernelRun`); it is
    closed at the end either way.
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
    finally:
        kernel.close()
    return result


def _run_steps(kernel: KernelRun, plan: Plan, result: RunResult, timeout: float) -> None:
    kernel.execute(SETUP_CODE, timeout, silent=True)
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
