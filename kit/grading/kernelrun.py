"""One fresh kernel for one notebook, launched with the grader's command (public API only).

The kernel command is given to jupyter_client as a kernel spec, through a kernel spec manager
that knows only that one spec. The kernel inherits the write end of a pipe for the tripwire
(:mod:`kit.grading.tripwire`; POSIX only), whose read end stays here.
"""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import time
from pathlib import Path

from jupyter_client import KernelManager
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager

from kit.grading.processes import end_tree
from kit.grading.sandbox import bwrap_prefix, environment_folders, kernel_environment
from kit.grading.tripwire import install_code, parse_events

INTERRUPT_GRACE = 5.0
START_TIMEOUT = 60.0
#: Whether kernels can carry the tripwire here (it needs an inherited pipe: POSIX).
TRIPWIRE = os.name == "posix"


class _GraderSpecs(KernelSpecManager):
    """A kernel spec manager that knows one kernel: the grader's command for one notebook."""

    def __init__(self, spec: KernelSpec):
        super().__init__()
        self.spec = spec

    def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
        """The grader's kernel spec, whatever the name."""
        return self.spec


class KernelRun:
    """One fresh kernel for one notebook; execute code and wait with a deadline.

    Creating it launches the kernel without waiting for it, so a grader can start the next
    notebook's kernel while the current one runs; ``execute`` waits until it is ready. The
    tripwire's pipe is read while cells run; :attr:`events` holds what it reported.
    """

    def __init__(
        self,
        workdir: Path,
        memory_bytes: int,
        secrets: list[Path],
        sandbox: bool,
        kit_copy: str = "",
    ):
        self.workdir = workdir
        prefix = bwrap_prefix(workdir, secrets) if sandbox else []
        self.sandboxed = bool(prefix)
        kit_copy = "" if prefix else kit_copy  # the sandbox shows only the kit, read-only
        self.lines: list[str] = []
        self._buffer = b""
        self.reader, writer = os.pipe() if TRIPWIRE else (None, None)
        command = [*prefix, sys.executable, "-m", "kit.grading.kernel", "--memory"]
        command += [str(memory_bytes)]
        self.tripwire_code = ""
        if TRIPWIRE:
            os.set_blocking(self.reader, False)
            command += ["--tripwire", str(writer)]
            allowed = [str(folder) for folder in (workdir, *environment_folders(kit_copy))]
            self.tripwire_code = install_code(writer, allowed)
        command += ["-f", "{connection_file}", "--HistoryManager.enabled=False"]
        spec = KernelSpec(
            argv=command, display_name="grader", language="python", interrupt_mode="message"
        )
        self.manager = KernelManager(
            kernel_name="kit-grader",
            kernel_spec_manager=_GraderSpecs(spec),
            transport="ipc" if prefix else "tcp",
            ip=str(workdir / ".kernel-ipc") if prefix else "127.0.0.1",
            connection_file=str(workdir / ".kernel-connection.json"),
        )
        try:
            self.manager.start_kernel(
                env=kernel_environment(workdir, kit_copy),
                cwd=str(workdir),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                **({"pass_fds": (writer,)} if TRIPWIRE else {}),
            )
        finally:
            if TRIPWIRE:
                os.close(writer)
        process = getattr(self.manager.provisioner, "process", None)
        self.pid = process.pid if process is not None else None
        self.client = self.manager.client()
        self.client.start_channels()
        self.ready = False

    def read_tripwire(self) -> None:
        """Collect what the tripwire wrote since the last call (never blocks)."""
        while self.reader is not None:
            try:
                chunk = os.read(self.reader, 65536)
            except (BlockingIOError, InterruptedError):
                break
            except OSError:
                break
            if not chunk:
                break
            self._buffer += chunk
        *complete, self._buffer = self._buffer.split(b"\n")
        self.lines += [line.decode("utf-8", "replace") for line in complete]

    @property
    def events(self) -> list[str]:
        """What the tripwire reported, as 'kind detail' (e.g. 'read /x/solutions/ex1.ipynb')."""
        return parse_events(self.lines)

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
                except queue.Empty:
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
            except queue.Empty:  # nothing waiting
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
            self.read_tripwire()
            try:
                reply = self.client.get_shell_msg(timeout=0.1)
            except queue.Empty:
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

    def close(self, keep: set[int] | None = None) -> None:
        """Stop the kernel, its channels and every process it started (never raises).

        ``keep``: in a worker that is a child subreaper, the kernels still in use; every other
        process below the worker (a detached process this kernel left behind) is ended too.
        """
        try:
            self.client.stop_channels()
            if self.manager.has_kernel:
                self.manager.shutdown_kernel(now=True)
        except Exception:  # already gone: nothing left to stop
            pass
        end_tree(self.pid, keep)
        self.read_tripwire()
        if self.reader is not None:
            os.close(self.reader)
            self.reader = None
