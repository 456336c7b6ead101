"""pyproject.toml declares the third-party packages that kit/ imports, and no others.

The imports are read from the source (tests/kit_imports.py: every import, also those inside
functions); each declared distribution is turned into the names it can be imported by with
importlib.metadata.packages_distributions().
"""

from __future__ import annotations

import re
import sys
from importlib.metadata import PackageNotFoundError, distribution, packages_distributions

from packaging.requirements import Requirement

from tests.conftest import REPO
from tests.kit_imports import imports_of

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

#: Runtime packages that kit/ needs without importing them, and why.
NOT_IMPORTED = {"jupyterlab": "the lessons and exercises run in JupyterLab (make lab)"}


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _project() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def declared_runtime() -> dict[str, Requirement]:
    """The runtime requirements of pyproject.toml, by normalised distribution name."""
    return {_normal(Requirement(s).name): Requirement(s) for s in _project()["dependencies"]}


def import_names(distribution_name: str) -> set[str]:
    """The top-level names a distribution provides (its own name when it is not installed)."""
    provided = {
        top
        for top, distributions in packages_distributions().items()
        if any(_normal(d) == _normal(distribution_name) for d in distributions)
    }
    return provided or {distribution_name.replace("-", "_")}


def third_party_imports() -> dict[str, list[str]]:
    """Top-level names kit/ imports that are neither kit nor the standard library -> where."""
    found: dict[str, list[str]] = {}
    for item in imports_of():
        if item.top_level != "kit" and item.top_level not in sys.stdlib_module_names:
            found.setdefault(item.top_level, []).append(f"{item.importer}:{item.line}")
    return found


def test_every_third_party_import_is_declared():
    provided = {name for dist in declared_runtime() for name in import_names(dist)}
    missing = {name: where for name, where in third_party_imports().items() if name not in provided}
    assert not missing, f"imported by kit/ but not in [project].dependencies: {missing}"


def test_every_declared_package_is_imported_or_explained():
    imported = set(third_party_imports())
    unused = [
        dist
        for dist in declared_runtime()
        if dist not in NOT_IMPORTED and not import_names(dist) & imported
    ]
    assert not unused, f"declared in [project].dependencies but never imported by kit/: {unused}"


def test_the_declared_names_are_the_installed_distributions():
    """A declared name that is installed maps to import names (the checks above can fail)."""
    for name, requirement in declared_runtime().items():
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        try:
            distribution(name)
        except PackageNotFoundError:  # pragma: no cover - the environment is incomplete
            raise AssertionError(f"{name} is declared but not installed") from None
        assert import_names(name), name
    assert import_names("vadersentiment") == {"vaderSentiment"}
    assert "IPython" in import_names("ipython")


def test_the_version_is_written_once():
    project = _project()
    assert "version" not in project and "version" in project.get("dynamic", [])
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["tool"]["hatch"]["version"]["path"] == "kit/__init__.py"
    source = (REPO / "kit" / "__init__.py").read_text(encoding="utf-8")
    assert len(re.findall(r'^__version__ = "[^"]+"$', source, re.MULTILINE)) == 1
