"""Start an IPython kernel with resource limits and the tripwire (the grader's kernel command).

``python -m kit.grading.kernel --memory BYTES [--tripwire FD] -f FILE``

1. caps the address space (``RLIMIT_AS``) and the size of files written (``RLIMIT_FSIZE``) and
   switches core dumps off, where the platform has ``resource`` (not on Windows);
2. on POSIX forks: the parent stays as a small *keeper* that only waits, the child becomes the
   kernel. ``os.kill(os.getppid(), ...)`` from student code then reaches the keeper, not the
   grader; on Linux the kernel dies with its keeper (``PR_SET_PDEATHSIG``);
3. runs the ordinary ipykernel, which keeps the inherited pipe FD open: the grader's first
   silent cell installs the audit-hook tripwire (:mod:`kit.grading.tripwire`) writing to it.

A memory bomb then raises MemoryError (or kills only this kernel) instead of taking the
machine down; the grader's own process has no cap.
"""

from __future__ import annotations

import os
import signal
import sys

#: Files a kernel writes may not grow beyond this (answers files are a few kB).
FILE_SIZE_LIMIT = 256 * 1024 * 1024


def apply_limits(memory_bytes: int) -> bool:
    """Cap this process's address space and file sizes (never raising an existing lower cap).

    Returns False where the platform cannot (Windows has no ``resource`` module).
    """
    try:
        import resource
    except ImportError:
        return False
    for limit, value in (
        (resource.RLIMIT_AS, memory_bytes),
        (resource.RLIMIT_FSIZE, FILE_SIZE_LIMIT),
        (resource.RLIMIT_CORE, 0),
    ):
        soft, hard = resource.getrlimit(limit)
        if value > 0:
            value = value if hard == resource.RLIM_INFINITY else min(value, hard)
            resource.setrlimit(limit, (value, value))
    return True


def parse(argv: list[str]) -> tuple[int, int | None, list[str]]:
    """(memory bytes, tripwire fd, ipykernel arguments) from the command line.

    >>> parse(["--memory", "5", "--tripwire", "7", "-f", "c.json"])
    (5, 7, ['-f', 'c.json'])
    """
    memory, fd, rest = 0, None, []
    position = 0
    while position < len(argv):
        name = argv[position]
        if name in ("--memory", "--tripwire") and position + 1 < len(argv):
            if name == "--memory":
                memory = int(argv[position + 1])
            else:
                fd = int(argv[position + 1])
            position += 2
        else:
            rest.append(name)
            position += 1
    return memory, fd, rest


def keep_until_child_ends(child: int, fd: int | None) -> None:
    """The keeper: wait for the kernel, then exit as it did (128 + signal when killed)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # ipykernel interrupts its whole group
    if fd is not None:
        os.close(fd)
    while True:
        try:
            _, status = os.waitpid(child, 0)
            break
        except ChildProcessError:
            os._exit(1)
        except InterruptedError:
            continue
    if os.WIFSIGNALED(status):
        os._exit(128 + os.WTERMSIG(status))
    os._exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 1)


def main(argv: list[str]) -> None:
    """Apply the limits, fork the keeper, hand over to ipykernel."""
    memory, fd, rest = parse(argv)
    apply_limits(memory)
    if hasattr(os, "fork"):
        child = os.fork()
        if child:
            keep_until_child_ends(child, fd)
        from kit.grading.processes import die_with_parent

        die_with_parent()
        os.environ["JPY_PARENT_PID"] = str(os.getppid())
    from ipykernel.kernelapp import launch_new_instance

    sys.argv = [sys.argv[0], *rest]
    launch_new_instance()


if __name__ == "__main__":
    main(sys.argv[1:])
