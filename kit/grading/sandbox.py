"""Isolation of a student's kernel: bubblewrap when it works here, a plain process otherwise.

With ``bwrap`` the kernel runs with no network (its own empty network namespace), its own
process and IPC namespaces, a read-only view of the system, and only its temporary folder
writable. The solutions, the repository that holds them (its .git and INSTRUCTORS.md
included), every student's submission, the grading output and the grader's temporary folders
are replaced by empty folders; the kit package, its data and the Python environment are
mounted back read-only so ``import kit`` still works. The kernel talks to the grader over ZMQ
``ipc`` sockets in its temporary folder (TCP on loopback would not cross the network namespace).

Without bwrap the kernel is an ordinary process of the grading user, with the memory cap of
:mod:`kit.grading.kernel`, a private copy of the kit to import (:func:`private_kit`) and the
tripwire of :mod:`kit.grading.tripwire`, which detects but does not prevent.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


@functools.lru_cache(maxsize=1)
def bwrap_path() -> str | None:
    """The bwrap executable if it exists and can create a sandbox here, else None."""
    if os.environ.get("KIT_GRADING_SANDBOX", "") == "off":
        return None
    found = shutil.which("bwrap")
    if found is None:
        return None
    try:
        probe = subprocess.run(
            [found, "--unshare-all", "--die-with-parent", "--ro-bind", "/", "/", "true"],
            capture_output=True,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return found if probe.returncode == 0 else None


def describe(sandbox: bool = True) -> str:
    """One line saying what isolation the grader will use, and what it cannot enforce."""
    missing = unenforced_limits()
    limits = f" Not enforced on this platform: {', '.join(missing)}." if missing else ""
    if sandbox and bwrap_path():
        return (
            "bubblewrap sandbox (no network, read-only system, solutions hidden); "
            "the tripwire also reports what student code touches." + limits
        )
    why = "turned off" if not sandbox and bwrap_path() else "bwrap not available here"
    return (
        f"NO SANDBOX ({why}): student code runs as the grading user and could read or change "
        "anything that user can. The tripwire DETECTS, it does not prevent: reads outside the "
        "notebook's folder, started processes and native code are flagged. Grading student "
        "code safely needs bubblewrap or a container." + limits
    )


def unenforced_limits() -> list[str]:
    """The limits this platform cannot enforce on a kernel (see INSTRUCTORS.md).

    >>> isinstance(unenforced_limits(), list)
    True
    """
    missing = []
    try:
        import resource  # noqa: F401  (POSIX only)
    except ImportError:
        missing += ["memory cap", "file-size cap"]
    if sys.platform == "darwin":
        missing.append("memory cap (macOS may ignore RLIMIT_AS)")
    if os.name != "posix":
        missing.append("tripwire")
    if not sys.platform.startswith("linux"):
        missing.append("ending processes a kernel detached (only its own tree is ended)")
    return missing


def environment_folders(kit_copy: str = "") -> list[Path]:
    """Folders a kernel may read without a tripwire report: the Python environment and the kit."""
    import site

    import kit

    folders = {Path(sys.prefix), Path(sys.base_prefix), Path(sys.exec_prefix)}
    folders.update(Path(p) for p in site.getsitepackages() if Path(p).is_dir())
    folders.update(Path(p) for p in sys.path if p.endswith("-packages") and Path(p).is_dir())
    if kit_copy:
        folders.add(Path(kit_copy))
    else:  # the package, and its data folder in a source checkout
        package = Path(kit.__file__).resolve().parent
        folders.update(p for p in (package, package.parent / "data") if p.is_dir())
    return sorted(folders)


def private_kit(root: Path) -> Path:
    """Copy the kit package and its data into root/kit (read-only, compiled); return root.

    Kernels import this copy, so ``kit.__file__`` in a kernel points to a folder with nothing
    beside it: not the repository where solutions/ lives in an editable install.
    """
    import compileall

    import kit

    package = Path(kit.__file__).resolve().parent
    target = root / "kit"
    shutil.copytree(package, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    data = package.parent / "data"
    if not (target / "_data").is_dir() and data.is_dir():
        for folder in sorted(p for p in data.iterdir() if p.is_dir()):
            shutil.copytree(folder, target / "_data" / folder.name)
    compileall.compile_dir(str(target), quiet=1, workers=1)
    for folder, _, files in os.walk(root):
        for name in files:
            os.chmod(os.path.join(folder, name), 0o444)
        os.chmod(folder, 0o555)
    return root


def remove_private_kit(root: Path) -> None:
    """Delete a copy made by :func:`private_kit` (its folders are read-only)."""
    for folder, _, _ in os.walk(root):
        os.chmod(folder, 0o755)
    shutil.rmtree(root, ignore_errors=True)


def _repository_root(folder: Path) -> Path:
    """The git repository holding folder, else the folder's parent."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder.parent


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def hidden_and_revealed(secrets: list[Path]) -> tuple[list[Path], list[Path]]:
    """Which folders to hide, and which of the kit's own folders to mount back inside them."""
    import kit

    package = Path(kit.__file__).resolve().parent
    needed = [package, package.parent / "data", Path(sys.prefix), Path(sys.base_prefix)]
    needed += [Path(p) for p in sys.path if p.endswith("-packages") and Path(p).is_dir()]
    needed = [p.resolve() for p in needed]
    # The temporary folders are replaced by empty ones too. The kit itself may live there (a
    # checkout under /tmp), so it is mounted back like any other needed folder.
    hidden: list[Path] = [Path("/tmp"), Path(tempfile.gettempdir()).resolve()]
    for secret in secrets:
        secret = secret.resolve()
        hidden.append(secret)
        root = _repository_root(secret)
        if root != Path("/") and root not in hidden:
            hidden.append(root)
    revealed = sorted(
        {p for p in needed if p.exists() and any(_inside(p, h) for h in hidden)},
        key=lambda p: len(p.parts),
    )
    # never reveal a folder that is (or holds) a secret itself
    revealed = [p for p in revealed if not any(_inside(s.resolve(), p) for s in secrets)]
    revealed = [p for i, p in enumerate(revealed) if not any(_inside(p, q) for q in revealed[:i])]
    return hidden, revealed


def bwrap_prefix(workdir: Path, secrets: list[Path]) -> list[str]:
    """The bwrap command line (up to the program to run) for a kernel working in workdir."""
    found = bwrap_path()
    if found is None:
        return []
    hidden, revealed = hidden_and_revealed(secrets)
    # ipykernel quits when its parent process seems gone; in a new PID namespace the parent
    # id it is given means nothing, and --die-with-parent already ends the kernel with us.
    command = [found, "--unshare-all", "--die-with-parent", "--new-session"]
    command += ["--unsetenv", "JPY_PARENT_PID"]
    command += ["--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"]
    hidden = sorted(set(hidden), key=lambda p: (len(p.parts), str(p)))
    for position, folder in enumerate(hidden):
        if folder.is_dir() and not any(_inside(folder, h) for h in hidden[:position]):
            command += ["--tmpfs", str(folder)]
    for folder in revealed:
        command += ["--ro-bind", str(folder), str(folder)]
    command += ["--bind", str(workdir), str(workdir), "--chdir", str(workdir)]
    return command


def kernel_environment(workdir: Path, kit_copy: str = "") -> dict[str, str]:
    """The environment of a grading kernel: minimal, HOME in its folder, no stray config.

    With ``kit_copy``, PYTHONPATH starts with it, and entries that hold another copy of the
    kit (a source checkout) are left out.
    """
    keep = ("PATH", "LANG", "LC_ALL", "PYTHONPATH", "NLTK_DATA", "VIRTUAL_ENV", "TZ")
    env = {name: os.environ[name] for name in keep if name in os.environ}
    if kit_copy:
        entries = [
            entry
            for entry in env.get("PYTHONPATH", "").split(os.pathsep)
            if entry and not (Path(entry) / "kit" / "__init__.py").is_file()
        ]
        env["PYTHONPATH"] = os.pathsep.join([kit_copy, *entries])
    env.update(
        HOME=str(workdir),
        IPYTHONDIR=str(workdir / ".ipython"),
        MPLCONFIGDIR=str(workdir / ".matplotlib"),
        MPLBACKEND="Agg",
        JUPYTER_PLATFORM_DIRS="1",
        MALLOC_ARENA_MAX="2",
        OPENBLAS_NUM_THREADS="1",
        OMP_NUM_THREADS="1",
        PYDEVD_DISABLE_FILE_VALIDATION="1",
        TMPDIR=str(workdir),
    )
    return env
