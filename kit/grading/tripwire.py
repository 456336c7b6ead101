"""A tripwire in every grading kernel: Python's audit hooks (PEP 578) report what student code
does outside its own folder. It detects; it does not prevent.

:func:`install` runs in the kernel, in the grader's first silent cell (:func:`install_code`),
before any student code (not earlier, so the kernel's own start-up runs without the hook).
From then on the hook writes one line per distinct suspicious event to a pipe the kernel
inherited and whose other end the grader holds, at the moment the event happens (before the
action itself), so what is written is out of the kernel's reach. An audit hook cannot be
removed once added. Reported:

- ``read``/``wrote``/``listed`` PATH: opening or listing a file or folder outside the notebook's
  folder, the Python environment and the system's shared read-only places (``/usr``, ...);
- ``started`` COMMAND: ``subprocess``, ``os.system``, ``os.exec*``, ``os.posix_spawn``,
  ``os.fork``;
- ``signalled`` PID: ``os.kill``/``os.killpg`` other than the kernel's own interrupt;
- ``native`` LIBRARY: ``ctypes`` loading a library or reading raw memory;
- ``tampered`` WHAT: ``gc.get_objects``/``get_referrers``/``get_referents`` (the way to reach
  the hook's own state) and adding another audit hook.

At the end the grader raises ``kit.tripwire.seal`` with a fresh random token; a kernel whose
pipe does not carry that token back (it was closed or rerouted) is reported as ``tampered``.

>>> parse_events(["read\\t/x/solutions/ex1.ipynb", "read\\t/x/solutions/ex1.ipynb", "bogus"])
['read /x/solutions/ex1.ipynb']
"""

from __future__ import annotations

import os
import sys

SEAL_EVENT = "kit.tripwire.seal"
#: Read-only places every program may read (time zones, fonts, devices, its own /proc entry).
SYSTEM_READ = ("/usr", "/etc", "/dev", "/sys", "/lib", "/lib64", "/bin", "/sbin", "/System")
#: The kinds of line the hook writes, in the words the gradebook uses.
KINDS = ("read", "wrote", "listed", "started", "signalled", "native", "tampered", "sealed")
MAX_LINES = 200
#: The audit events the hook looks at (every other event returns at once).
WATCHED = frozenset(
    (SEAL_EVENT, "open", "os.listdir", "os.scandir", "glob.glob")
    + ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn")
    + ("os.fork", "os.forkpty", "os.kill", "os.killpg", "ctypes.dlopen", "ctypes.string_at")
    + ("ctypes.cdata", "gc.get_objects", "gc.get_referrers", "gc.get_referents")
    + ("sys.addaudithook", "os.symlink", "os.link")
)


def install(fd: int, allowed: list[str]) -> None:
    """Add the audit hook to this process; it writes its lines to file descriptor fd.

    ``allowed`` are the folders whose files may be read and written without a report (the
    notebook's folder, the Python environment, the kit). Runs in the kernel, not the grader.
    """
    own = os.getpid()
    places = [p for p in allowed if p]
    roots = tuple(
        {os.path.abspath(p).rstrip(os.sep) + os.sep for p in places}
        | {os.path.realpath(p).rstrip(os.sep) + os.sep for p in places}
    )
    system = tuple(p + os.sep for p in SYSTEM_READ) + (f"/proc/{own}/", "/proc/self/")
    listable = frozenset(os.path.realpath(p or ".") for p in sys.path)
    seen: set = set()
    sigint = 2

    def inside(path: str, places: tuple) -> bool:
        """Whether path is in one of places: as written first (cheap), then with links
        resolved (a link made by student code is reported when it is made)."""
        absolute = os.path.abspath(path)
        if (absolute + os.sep).startswith(places):
            return True
        if absolute.startswith(("/proc/", "/dev/")):
            return False
        return (os.path.realpath(absolute) + os.sep).startswith(places)

    def write(kind: str, detail: str) -> None:
        line = f"{kind}\t{detail}".replace("\n", " ")[:1000]
        if line in seen or len(seen) >= MAX_LINES:
            return
        seen.add(line)
        try:
            os.write(fd, (line + "\n").encode("utf-8", "replace"))
        except OSError:
            pass

    def text(value) -> str | None:
        if type(value) is str:
            return value
        if type(value) is bytes:
            return value.decode("utf-8", "replace")
        return None  # an fd, or an object whose conversion could run student code

    def hook(event: str, args: tuple) -> None:
        if event not in WATCHED:
            return
        if event == SEAL_EVENT:
            write("sealed", str(args[0]) if args and type(args[0]) is str else "")
        elif event == "open":
            path = text(args[0])
            if path is None:
                return
            mode = args[1] if type(args[1]) is str else ""
            flags = args[2] if type(args[2]) is int else 0
            writing = any(ch in mode for ch in "wax+") or flags & (os.O_WRONLY | os.O_RDWR)
            if path == os.devnull or inside(path, roots):
                return
            if not writing and inside(path, roots + system):
                return
            write("wrote" if writing else "read", os.path.abspath(path))
        elif event in ("os.listdir", "os.scandir", "glob.glob"):
            path = text(args[0]) if args else "."
            if path is None:
                return
            path = path or "."
            if inside(path, roots + system) or os.path.realpath(path) in listable:
                return
            write("listed", os.path.abspath(path))
        elif event in ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn"):
            command = args[1] if event != "os.system" and len(args) > 1 else args[0]
            shown = command if type(command) in (str, bytes) else None
            if shown is None and type(command) in (list, tuple):
                shown = " ".join(text(part) or "?" for part in command)
            write("started", str(shown if shown is not None else event))
        elif event in ("os.fork", "os.forkpty"):
            write("started", event)
        elif event in ("os.kill", "os.killpg"):
            target, signal_number = args[0], args[1]
            if signal_number == sigint and target in (own, os.getpgid(own)):
                return  # ipykernel interrupting itself (the grader's time limit)
            write("signalled", f"{event}({target}, {signal_number})")
        elif event == "ctypes.dlopen" and args and args[0] is None:
            return  # the process's own symbols: nothing new is loaded
        elif event in ("ctypes.dlopen", "ctypes.string_at", "ctypes.cdata"):
            write("native", f"{event} {text(args[0]) if args else ''}".strip())
        elif event in ("gc.get_objects", "gc.get_referrers", "gc.get_referents"):
            write("tampered", event)
        elif event == "sys.addaudithook":
            write("tampered", event)
        elif event in ("os.symlink", "os.link"):
            target = text(args[0])
            if target is None or not inside(target, roots):
                write("wrote", f"{event} to {target}")

    sys.addaudithook(hook)


def parse_events(lines) -> list[str]:
    """The distinct, well-formed events among lines from the pipe, as 'kind detail'."""
    found: list[str] = []
    for line in lines:
        kind, _, detail = line.partition("\t")
        if kind in KINDS and kind != "sealed" and f"{kind} {detail}" not in found:
            found.append(f"{kind} {detail}")
    return found


def install_code(fd: int, allowed: list[str]) -> str:
    """The code of the grader's first silent cell: install the tripwire writing to fd.

    >>> print(install_code(5, ["/w"]), end="")
    from kit.grading.tripwire import install as __kit_install
    __kit_install(5, ['/w'])
    del __kit_install
    """
    folders = [str(folder) for folder in allowed]
    return (
        "from kit.grading.tripwire import install as __kit_install\n"
        f"__kit_install({fd}, {folders!r})\n"
        "del __kit_install\n"
    )


def seal_code(token: str) -> str:
    """The silent cell the grader runs last: the hook answers with token."""
    return f"import sys\nsys.audit({SEAL_EVENT!r}, {token!r})\n"
