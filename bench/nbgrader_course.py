"""A throw-away nbgrader course folder for comparing real nbgrader with `kit grade`.

One assignment per notebook (assignment name = notebook stem), the kit's code stub, the
database and exchange inside the folder. Used by bench/bench_grading.py and by
tests/test_nbgrader_compat.py (tests may use bench/; bench/ never imports tests/).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from kit.grading import notebooks as nbs
from kit.grading.release import release_notebook

CONFIG = """\
c = get_config()
c.CourseDirectory.root = {root!r}
c.CourseDirectory.course_id = "kit"
c.CourseDirectory.db_url = "sqlite:///{root}/gradebook.db"
c.Exchange.root = {exchange!r}
c.ClearSolutions.code_stub = {{"python": "# YOUR ANSWER HERE"}}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
c.ExecutePreprocessor.timeout = {timeout}
"""


def nbgrader_command() -> list[str]:
    """How to run nbgrader with the interpreter running the tests."""
    script = Path(sys.executable).with_name("nbgrader")
    return [str(script)] if script.exists() else [sys.executable, "-m", "nbgrader"]


def make_course(root: Path, sources: list[Path], timeout: int = 60) -> Path:
    """Create the course folder with one assignment per source notebook; return root."""
    root.mkdir(parents=True, exist_ok=True)
    exchange = root / "exchange"
    exchange.mkdir(exist_ok=True)
    config = CONFIG.format(root=str(root), exchange=str(exchange), timeout=timeout)
    (root / "nbgrader_config.py").write_text(config, encoding="utf-8")
    for source in sources:
        folder = root / "source" / source.stem
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, folder / source.name)
    return root


def run(root: Path, *args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    """Run one nbgrader command in the course folder; raise with its output if it fails."""
    # nbgrader runs the `alembic` script of its environment, so that must be on PATH
    path = os.pathsep.join((str(Path(sys.executable).parent), os.environ.get("PATH", "")))
    env = {**os.environ, "JUPYTER_PLATFORM_DIRS": "1", "HOME": str(root / "home"), "PATH": path}
    (root / "home").mkdir(exist_ok=True)
    result = subprocess.run(
        [*nbgrader_command(), *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise RuntimeError(f"nbgrader {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def generate(root: Path, stems: list[str]) -> None:
    """nbgrader generate_assignment for each assignment (this also fills the database)."""
    for stem in stems:
        run(root, "generate_assignment", stem, "--force")


def submit(root: Path, student: str, notebook: Path | bytes, name: str, extra: dict) -> Path:
    """Place a submission as nbgrader expects: submitted/<student>/<assignment>/<name>."""
    folder = root / "submitted" / student / Path(name).stem
    folder.mkdir(parents=True, exist_ok=True)
    data = notebook if isinstance(notebook, bytes) else Path(notebook).read_bytes()
    (folder / name).write_bytes(data)
    for file_name, content in extra.items():
        (folder / file_name).write_bytes(content)
    return folder


def autograde(root: Path, stems: list[str]) -> None:
    """nbgrader autograde every submission of each assignment."""
    for stem in stems:
        run(root, "autograde", stem, "--create", "--force")


def scores(root: Path) -> dict[tuple[str, str], float]:
    """(student, notebook file name) -> score, read from nbgrader's gradebook database."""
    from nbgrader.api import Gradebook

    found = {}
    with Gradebook(f"sqlite:///{root}/gradebook.db") as gradebook:
        for assignment in gradebook.assignments:
            for submission in gradebook.assignment_submissions(assignment.name):
                for notebook in submission.notebooks:
                    found[(submission.student.id, notebook.name + ".ipynb")] = notebook.score
    return found


def partly_wrong(path):
    """The solution with its first answer cell left as the exercise has it."""
    notebook = nbs.read_notebook(path)
    released = release_notebook(notebook)
    for index, cell in enumerate(notebook.cells):
        if nbs.role(cell) == "answer" and cell.cell_type == "code":
            notebook.cells[index] = released.cells[index]
            break
    return nbs.notebook_bytes(notebook)
