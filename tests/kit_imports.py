"""Read the imports of every module in kit/ from its source (AST), without importing anything.

Every import counts: at the top, inside functions, under ``if TYPE_CHECKING:`` and in
``try``/``except`` fallbacks, because each one is a dependency a reader has to know about.
Used by tests/test_layers.py (import cycles, layer order) and tests/test_dependencies.py.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

KIT = Path(__file__).resolve().parent.parent / "kit"


@dataclass(frozen=True)
class Import:
    """One imported module: who imports it, where, and the full dotted name."""

    importer: str
    name: str
    line: int

    @property
    def top_level(self) -> str:
        """The first part of the dotted name (what a distribution provides)."""
        return self.name.split(".")[0]


def module_name(path: Path, root: Path = KIT) -> str:
    """The dotted module name of a file under ``root`` (``kit/quiz/__init__.py`` -> kit.quiz)."""
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def kit_modules(root: Path = KIT) -> dict[str, Path]:
    """Every module of the package at ``root``, by dotted name."""
    return {module_name(path, root): path for path in sorted(root.rglob("*.py"))}


def _imported_names(node: ast.AST, importer: str, is_package: bool, modules) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    assert isinstance(node, ast.ImportFrom)
    base = node.module or ""
    if node.level:  # a relative import: resolve it against the importing package
        package = importer.split(".")
        package = package if is_package else package[:-1]
        package = package[: len(package) - (node.level - 1)]
        base = ".".join(package + ([base] if base else []))
    # "from kit import text" imports the module kit.text; "from kit.quiz import AnswerBook"
    # imports the package kit.quiz (its __init__), which holds the name.
    names = [f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in modules]
    return names or [base]


def imports_of(root: Path = KIT) -> list[Import]:
    """All imports made by the modules of the package at ``root``."""
    modules = kit_modules(root)
    found = []
    for importer, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                is_package = path.name == "__init__.py"
                for name in _imported_names(node, importer, is_package, modules):
                    found.append(Import(importer, name, node.lineno))
    return found
