"""Finding a class's submissions and copying one student's folder for a grading run.

Two layouts are accepted::

    SUBMISSIONS/<student>/<notebook>.ipynb                      (the kit's: a folder per student)
    SUBMISSIONS/<student>/<assignment>/<notebook>.ipynb          (nbgrader's submitted/ folder)

A notebook's answers file (``<notebook stem>.answers.json``) sits beside it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

from kit.quiz.store import ANSWERS_SUFFIX

_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(name: str) -> str:
    """A file-name-safe form of a student's name (for feedback files).

    >>> safe_name("Ana María/../x")
    'Ana_Mar_a_.._x'
    """
    return _SAFE.sub("_", name).strip() or "_"


def find_students(submissions: Path) -> list[str]:
    """The student folders of a submissions folder, sorted (hidden and _-folders skipped)."""
    return sorted(
        entry.name
        for entry in submissions.iterdir()
        if entry.is_dir() and not entry.is_symlink() and not entry.name.startswith((".", "_"))
    )


def _candidates(folder: Path) -> list[Path]:
    found = [p for p in folder.glob("*.ipynb") if p.is_file() and not p.is_symlink()]
    found += [
        p for p in folder.glob("*/*.ipynb") if p.is_file() and ".ipynb_checkpoints" not in p.parts
    ]
    return sorted(found)


def locate(student_folder: Path, notebook: str, known: set[str]) -> tuple[Path | None, str]:
    """(path of the student's copy of notebook, note); note is '' for an exact match.

    A renamed copy (e.g. ``ex1_readability-Copy1.ipynb`` or ``ex1_readability (1).ipynb``)
    is used when it is the only notebook whose name starts with the expected stem; the note
    then says so. With no match, the path is None and the note lists what was found.
    """
    stem = Path(notebook).stem
    for path in (student_folder / notebook, *sorted(student_folder.glob(f"*/{notebook}"))):
        if path.is_symlink():
            return None, f"'{path.name}' is a symbolic link, not a notebook: hand in the file"
        if path.is_file():
            return path, ""
    others = [p for p in _candidates(student_folder) if p.name not in known]
    renamed = [p for p in others if p.stem.lower().startswith(stem.lower())]
    stems = [Path(name).stem.lower() for name in known]
    others = [p for p in others if not p.stem.lower().startswith(tuple(stems)) or p in renamed]
    if len(renamed) == 1:
        found = renamed[0].relative_to(student_folder)
        return renamed[0], f"graded '{found}' (renamed: the expected name is '{notebook}')"
    if others:
        names = ", ".join(f"'{p.relative_to(student_folder)}'" for p in others[:5])
        return None, f"no '{notebook}'; unmatched notebook(s) found: {names}"
    return None, f"no '{notebook}' in the submission"


def copy_submission(source: Path, target: Path) -> list[str]:
    """Copy a student's folder (regular files only; links are skipped) with normal permissions.

    Returns the names of files that could not be read (e.g. chmod 000 when not root).
    """
    unreadable: list[str] = []
    target.mkdir(parents=True, exist_ok=True)
    for root, folders, files in os.walk(source):
        folders[:] = [
            f for f in folders if not Path(root, f).is_symlink() and f != ".ipynb_checkpoints"
        ]
        relative = Path(root).relative_to(source)
        (target / relative).mkdir(parents=True, exist_ok=True)
        os.chmod(target / relative, 0o755)
        for name in files:
            origin = Path(root, name)
            if origin.is_symlink() or not origin.is_file():
                continue
            try:
                shutil.copyfile(origin, target / relative / name)
                os.chmod(target / relative / name, 0o644)
            except OSError:
                unreadable.append(str(relative / name))
    return unreadable


def answers_problem(folder: Path, stem: str, unreadable: list[str]) -> str:
    """A note when the notebook's answers file exists but cannot be used, else ''."""
    name = stem + ANSWERS_SUFFIX
    if name in unreadable:
        return f"{name} could not be read (permissions?): its answers count as missing"
    path = folder / name
    if not path.is_file():
        return ""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return f"{name} is damaged ({type(error).__name__}): its answers count as missing"
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
        return f"{name} is not a kit answers file: its answers count as missing"
    return ""
