"""The processes a grading kernel starts, and ending all of them after each notebook.

On Linux a grading worker makes itself a *child subreaper* (``prctl(PR_SET_CHILD_SUBREAPER)``):
a process a kernel starts and abandons, even one detached with ``start_new_session=True`` or a
double fork, then becomes the worker's child instead of init's, so the worker still sees it.
After each notebook :func:`end_tree` ends the kernel and all its descendants (``psutil``), then
every other child of the worker that is not a kernel still in use. Elsewhere (macOS, Windows)
only processes still in the kernel's tree can be found and ended.
"""

from __future__ import annotations

import os
import sys

PR_SET_PDEATHSIG = 1
PR_SET_CHILD_SUBREAPER = 36


def _prctl(option: int, value: int) -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(option, value, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def become_subreaper(enabled: bool = True) -> bool:
    """Make orphaned descendants of this process its children (Linux); True if it worked.

    ``become_subreaper(False)`` undoes it.
    """
    return _prctl(PR_SET_CHILD_SUBREAPER, 1 if enabled else 0)


def die_with_parent(signal_number: int = 9) -> bool:
    """Have the kernel killed as soon as its parent ends (Linux); True if it worked."""
    return _prctl(PR_SET_PDEATHSIG, signal_number)


def end_tree(root_pid: int | None, keep: set[int] | None = None, timeout: float = 3.0) -> int:
    """Kill root_pid and all its descendants; with keep, also every other descendant of this
    process outside the trees of the processes in keep (a subreaper's orphans).

    Returns how many processes were ended. Never raises. Repeats until nothing new appears,
    so processes forked while the first ones were being killed are found too.

    >>> end_tree(None)
    0
    """
    import psutil

    ended = 0
    sweep, keep = keep is not None, set(keep or ())
    for _ in range(10):
        children = _children_by_parent()
        found = _tree(root_pid, children) if root_pid is not None else set()
        if sweep:
            kept = set().union(*(_tree(pid, children) for pid in keep))
            found |= _tree(os.getpid(), children) - kept - {os.getpid()}
        processes = []
        for pid in found:
            try:
                process = psutil.Process(pid)
                process.kill()
                processes.append(process)
            except psutil.Error:
                pass
        if not processes:
            return ended
        psutil.wait_procs(processes, timeout=timeout)
        ended += len(processes)
        root_pid = None
    return ended


def _children_by_parent() -> dict[int, list[int]]:
    """{parent pid: [child pids]} for this process's descendants now."""
    import psutil

    children: dict[int, list[int]] = {}
    for process in psutil.Process().children(recursive=True):
        try:
            children.setdefault(process.ppid(), []).append(process.pid)
        except psutil.Error:
            pass
    return children


def _tree(pid: int, children: dict[int, list[int]]) -> set[int]:
    """A process and all its descendants, from a snapshot of the process table."""
    found, todo = set(), [pid]
    while todo:
        current = todo.pop()
        if current not in found:
            found.add(current)
            todo.extend(children.get(current, ()))
    return found


def running(pid: int) -> bool:
    """Whether a process with this id exists and has not ended (zombies count as ended).

    >>> running(os.getpid())
    True
    """
    import psutil

    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False
