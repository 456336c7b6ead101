"""pyproject.toml and environment.yml list the same runtime packages with the same bounds."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from packaging.requirements import Requirement

from tests.conftest import REPO

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

CONDA_ONLY = {"python", "pip"}


def _normal(name: str) -> str:
    """A package name as pip compares them (jupyter_client and Jupyter-Client are one)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _pyproject_requirements() -> dict[str, Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {_normal(Requirement(spec).name): Requirement(spec) for spec in project["dependencies"]}


def _conda_requirements() -> dict[str, str]:
    """Parse the dependency list of environment.yml: 'name<op>version' entries, those of its
    pip subsection included (packages that conda-forge lacks)."""
    specs, in_deps = {}, False
    for line in (REPO / "environment.yml").read_text(encoding="utf-8").splitlines():
        if re.match(r"^dependencies:\s*$", line):
            in_deps = True
            continue
        if in_deps and re.match(r"^\S", line):
            break
        match = re.match(r"^\s+-\s+([A-Za-z0-9_.-]+)\s*(.*)$", line) if in_deps else None
        if match:
            specs[_normal(match.group(1))] = match.group(2).replace(" ", "")
    return specs


def _python_floor(conda: dict[str, str]) -> tuple[int, int]:
    match = re.match(r">=(\d+)\.(\d+)", conda.get("python", ""))
    assert match, "environment.yml must pin a minimum python (python>=3.x)"
    return int(match.group(1)), int(match.group(2))


def test_same_runtime_packages_and_bounds():
    pip = _pyproject_requirements()
    conda = _conda_requirements()
    floor = _python_floor(conda)
    needed = {
        name: str(req.specifier)
        for name, req in pip.items()
        if req.marker is None or req.marker.evaluate({"python_version": f"{floor[0]}.{floor[1]}"})
    }
    listed = {name: spec for name, spec in conda.items() if name not in CONDA_ONLY}
    assert listed == needed, "environment.yml and pyproject.toml disagree"


def test_core_packages_are_there():
    assert {"jupyterlab", "ipywidgets", "matplotlib", "textstat", "nltk"} <= set(
        _pyproject_requirements()
    )


def test_textstat_is_pinned_below_the_downloading_releases():
    spec = _pyproject_requirements()["textstat"].specifier
    assert "0.7.8" in spec and "0.7.9" not in spec and "0.7.10" not in spec


def test_conda_environment_needs_no_marker_only_package():
    # tomli is needed only below Python 3.11; the conda environment starts at 3.11.
    assert _python_floor(_conda_requirements()) >= (3, 11)


def test_installed_versions_satisfy_the_requirements():
    from importlib.metadata import version

    for name, req in _pyproject_requirements().items():
        if req.marker is not None and not req.marker.evaluate():
            continue
        assert req.specifier.contains(version(name), prereleases=True), (name, version(name))


def test_make_setup_is_idempotent():
    """After `make test` has set up .venv, a second set-up has nothing to do."""
    if sys.prefix != str(REPO / ".venv"):
        pytest.skip("the suite is not running from the .venv that make sets up")
    result = subprocess.run(
        ["make", "-q", "setup-test", "setup"], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0, "make would reinstall: " + result.stdout + result.stderr


def test_ci_script_is_strict_bash_and_runs_make_test():
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert script.startswith("#!/usr/bin/env bash")
    assert "set -euo pipefail" in script and "make test" in script
    subprocess.run(["bash", "-n", str(REPO / ".ci" / "run")], check=True)
