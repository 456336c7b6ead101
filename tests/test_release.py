"""`kit release`: solutions/ -> exercises/, deterministic, with nothing secret left in.

The golden files in tests/files/grading/golden/ are the expected release of the fixture
sources in tests/files/grading/source/, committed and compared byte for byte. After an
intended change to what a release writes, regenerate them with ``make golden`` (it runs
``python -m kit release`` on the fixture sources) and review the diff before committing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import nbformat
import pytest

from kit.grading import notebooks as nbs
from kit.grading.release import release, release_notebook, source_notebooks
from tests.conftest import REPO

FIXTURES = REPO / "tests" / "files" / "grading"
SOURCE = FIXTURES / "source"
GOLDEN = FIXTURES / "golden"


def _kit(*args, cwd=REPO):
    return subprocess.run(
        [sys.executable, "-m", "kit", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def released(tmp_path):
    """The fixture sources released into a fresh folder."""
    release(SOURCE, tmp_path / "exercises")
    return tmp_path / "exercises"


def test_release_matches_the_golden_files_byte_for_byte(released):
    names = sorted(p.name for p in GOLDEN.glob("*.ipynb"))
    assert (
        names
        == sorted(p.name for p in released.glob("*.ipynb"))
        == ["ex1_demo.ipynb", "ex2_demo.ipynb"]
    )
    for name in names:
        assert (released / name).read_bytes() == (GOLDEN / name).read_bytes(), name


def test_releasing_again_changes_nothing(released):
    before = {p.name: p.read_bytes() for p in released.iterdir()}
    result = release(SOURCE, released)
    assert result.written == [] and len(result.unchanged) == 2
    assert {p.name: p.read_bytes() for p in released.iterdir()} == before


def test_released_notebooks_hold_no_solution_and_no_hidden_test(released):
    for path in released.glob("*.ipynb"):
        text = path.read_text(encoding="utf-8")
        for secret in (*nbs.MARKERS, "hidden-key-001", 'q1.answer("004")', "len(story[version_id]"):
            assert secret not in text, f"{secret!r} leaked into {path.name}"
        assert nbs.CODE_STUB in text


def test_locked_and_test_cells_are_protected_answer_cells_are_not(released):
    notebook = nbs.read_notebook(released / "ex1_demo.ipynb")
    for cell in notebook.cells:
        protected = nbs.role(cell) in ("test", "locked")
        assert cell.metadata.get("editable", True) is (not protected), nbs.grade_id(cell)
        assert cell.metadata.get("deletable", True) is (not protected), nbs.grade_id(cell)


def test_outputs_counts_and_metadata_noise_are_dropped(tmp_path):
    notebook = nbs.read_notebook(SOURCE / "ex1_demo.ipynb")
    notebook.cells[1].outputs = [nbformat.v4.new_output("stream", name="stdout", text="hi")]
    notebook.cells[1].execution_count = 7
    notebook.cells[1].metadata["collapsed"] = True
    notebook.cells[1].metadata["nbgrader"]["checksum"] = "abc"
    notebook.metadata["widgets"] = {"state": {}}
    out = release_notebook(notebook)
    assert out.cells[1].outputs == [] and out.cells[1].execution_count is None
    assert "collapsed" not in out.cells[1].metadata
    assert "checksum" not in out.cells[1].metadata["nbgrader"]
    assert set(out.metadata) == {"kernelspec", "language_info"}
    data = json.loads(nbs.notebook_bytes(out))
    assert (data["nbformat"], data["nbformat_minor"]) == (4, 5)


def test_release_removes_saved_answers(released):
    (released / "ex1_demo.answers.json").write_text("{}", encoding="utf-8")
    assert (
        _kit("release", "--check", "--source", str(SOURCE), "--dest", str(released)).returncode == 1
    )
    result = release(SOURCE, released)
    assert [p.name for p in result.removed] == ["ex1_demo.answers.json"]
    assert not (released / "ex1_demo.answers.json").exists()


@pytest.mark.parametrize("damage", ["edit", "delete", "extra"])
def test_check_names_the_stale_file(released, damage):
    target = released / "ex2_demo.ipynb"
    if damage == "edit":
        target.write_bytes(target.read_bytes().replace(b"headline_words", b"headline_word"))
    elif damage == "delete":
        target.unlink()
    else:
        shutil.copy(released / "ex1_demo.ipynb", released / "ex9_old.ipynb")
        target = released / "ex9_old.ipynb"
    result = _kit("release", "--check", "--source", str(SOURCE), "--dest", str(released))
    assert result.returncode == 1, result.stdout + result.stderr
    assert target.name in result.stdout
    assert "ex1_demo.ipynb" not in result.stdout.replace("ex9_old", "")


def test_check_passes_on_a_fresh_release(released):
    result = _kit("release", "--check", "--source", str(SOURCE), "--dest", str(released))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_repository_exercises_are_up_to_date():
    if not source_notebooks(REPO / "solutions"):
        pytest.skip("solutions/ has no notebooks yet, so there is nothing to release")
    result = _kit("release", "--check")
    assert result.returncode == 0, (
        f"exercises/ is stale; run `python -m kit release`:\n{result.stdout}{result.stderr}"
    )


def test_release_cli_writes_and_reports(tmp_path):
    result = _kit("release", "--source", str(SOURCE), "--dest", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "2 written" in result.stdout
    missing = _kit("release", "--source", str(tmp_path / "nope"), "--dest", str(tmp_path / "x"))
    assert missing.returncode == 2 and "nope" in missing.stderr


def test_make_golden_releases_the_fixture_sources_into_the_golden_folder():
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    dry_run = subprocess.run(
        ["make", "--no-print-directory", "-n", "-o", "setup", "golden"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert dry_run.returncode == 0, dry_run.stderr
    command = dry_run.stdout.strip().splitlines()[-1].split()
    assert command[1:4] == ["-m", "kit", "release"]
    options = dict(zip(command[4::2], command[5::2], strict=True))
    assert REPO / options["--source"] == SOURCE and REPO / options["--dest"] == GOLDEN
