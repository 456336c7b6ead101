"""`python -m kit` and the `kit` console script: help, exit codes, validate."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kit.cli import build_parser, main, parse_memory
from tests.conftest import REPO

FIXTURES = REPO / "tests" / "files" / "grading"
COMMANDS = ("release", "check-source", "grade", "validate", "story", "marks")


def _kit(*args, cwd=REPO):
    return subprocess.run(
        [sys.executable, "-m", "kit", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


@pytest.mark.parametrize("command", ("", *COMMANDS))
def test_every_command_has_help_with_exit_codes(command):
    result = _kit(*([command] if command else []), "--help")
    assert result.returncode == 0, result.stderr
    assert "exit codes:" in result.stdout and "2  usage error" in result.stdout


def test_the_parser_knows_exactly_the_documented_commands():
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command")
    assert tuple(commands.choices) == COMMANDS


@pytest.mark.parametrize(
    "args", [(), ("frobnicate",), ("grade",), ("grade", "x"), ("release", "--bogus")]
)
def test_usage_errors_exit_2(args):
    assert _kit(*args).returncode == 2


def test_the_console_script_is_installed():
    script = Path(sys.executable).with_name("kit")
    if not script.exists():
        pytest.skip("the kit console script is not installed (pip install -e . creates it)")
    result = subprocess.run([str(script), "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "release" in result.stdout


def test_memory_sizes():
    assert parse_memory("2g") == 2 << 30 and parse_memory("1.5G") == 3 << 29
    with pytest.raises(Exception, match="not a size"):
        parse_memory("lots")


def test_validate_passes_a_complete_notebook(tmp_path):
    shutil.copy(FIXTURES / "source" / "ex1_demo.ipynb", tmp_path)
    result = _kit("validate", str(tmp_path / "ex1_demo.ipynb"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "PASS q1-test" in result.stdout and "FAIL" not in result.stdout


def test_validate_reports_failing_visible_tests(tmp_path):
    shutil.copy(FIXTURES / "golden" / "ex1_demo.ipynb", tmp_path)
    result = _kit("validate", str(tmp_path / "ex1_demo.ipynb"))
    assert result.returncode == 1
    assert "FAIL q1-test" in result.stdout and "Answer q1 with the widget above." in result.stdout
    assert not (tmp_path / "ex1_demo.answers.json").exists(), "validate must work on a copy"


def test_validate_of_a_missing_or_broken_file(tmp_path):
    assert _kit("validate", str(tmp_path / "nope.ipynb")).returncode == 2
    (tmp_path / "bad.ipynb").write_text("{", encoding="utf-8")
    broken = _kit("validate", str(tmp_path / "bad.ipynb"))
    assert broken.returncode == 1 and "not JSON" in broken.stdout


def test_grade_only_the_named_assignment(tmp_path):
    student = tmp_path / "subs" / "ana"
    student.mkdir(parents=True)
    shutil.copy(FIXTURES / "source" / "ex1_demo.ipynb", student)
    source = str(FIXTURES / "source")
    out = tmp_path / "out"
    result = _kit(
        "grade",
        str(tmp_path / "subs"),
        "--out",
        str(out),
        "--source",
        source,
        "--notebook",
        "ex1_demo",
        "--quiet",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    rows = (out / "gradebook.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 2 and rows[1].startswith("ana,ex1_demo.ipynb,") and ",ok," in rows[1]
    wrong = _kit(
        "grade",
        str(tmp_path / "subs"),
        "--out",
        str(tmp_path / "o2"),
        "--source",
        source,
        "--notebook",
        "ex9",
    )
    assert wrong.returncode == 2
    assert "No assignment ex9.ipynb" in wrong.stderr and "ex1_demo, ex2_demo" in wrong.stderr


def test_a_kit_error_exits_1_with_its_message_and_no_traceback(tmp_path, capsys):
    source = tmp_path / "solutions"
    source.mkdir()
    (source / "ex9_broken.ipynb").write_text("{", encoding="utf-8")
    code = main(["release", "--source", str(source), "--dest", str(tmp_path / "exercises")])
    error = capsys.readouterr().err
    assert code == 1
    assert error.startswith("kit release: ") and "ex9_broken.ipynb" in error
    assert "Traceback" not in error
