"""The modules of kit/ form layers without import cycles (README.md, "Architecture").

A module may import modules of its own layer or of lower layers, never of a higher one, and
no chain of imports may lead back to where it started. Imports inside functions and under
``if TYPE_CHECKING:`` count: they hide a cycle, they do not remove it.
"""

from __future__ import annotations

import re

from tests.conftest import REPO
from tests.kit_imports import Import, imports_of, kit_modules

#: The layers from the bottom up. A module under kit/quiz/ or kit/grading/ belongs to that
#: layer; any other module not listed here is an analysis module.
LAYERS: dict[str, tuple[str, ...]] = {
    "base": ("kit.errors", "kit.text", "kit.fileio", "kit.accessible"),
    "story": ("kit.story", "kit"),  # the package re-exports the story API
    "lookup": ("kit.lexicons", "kit.synonyms", "kit.locate"),
    "findings": ("kit.findings",),
    "analysis": (),  # readability, attribution, credits, artifacts, crosscheck, framing, compare
    "figures": ("kit.figures",),
    "quiz": ("kit.quiz",),
    "grading": ("kit.grading",),
    "commands": ("kit.cli", "kit.__main__"),
}
PACKAGE_LAYERS = {"kit.quiz": "quiz", "kit.grading": "grading"}

def layer_of(module: str) -> str:
    """The layer name of a module of kit/."""
    for name, members in LAYERS.items():
        if module in members:
            return name
    for package, name in PACKAGE_LAYERS.items():
        if module.startswith(package + "."):
            return name
    return "analysis"


def internal_imports() -> list[Import]:
    """The imports of kit modules by kit modules."""
    modules = kit_modules()
    return [found for found in imports_of() if found.name in modules]


def import_cycles(edges: list[Import]) -> list[list[str]]:
    """The strongly connected components with more than one module (or a self-import)."""
    graph: dict[str, set[str]] = {}
    for edge in edges:
        graph.setdefault(edge.importer, set()).add(edge.name)
        graph.setdefault(edge.name, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles = []

    def visit(node: str) -> None:  # Tarjan's algorithm; kit/ is far too small to recurse deep
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in graph[node]:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return cycles


def _describe(cycle: list[str], edges: list[Import]) -> str:
    members = set(cycle)
    lines = [
        f"  {e.importer} imports {e.name} (line {e.line})"
        for e in edges
        if e.importer in members and e.name in members
    ]
    return " <-> ".join(cycle) + ":\n" + "\n".join(sorted(set(lines)))


def test_the_cycle_finder_finds_a_cycle_hidden_in_a_function(tmp_path):
    """The AST reader and the cycle finder on a small package of their own (the test can fail)."""
    from tests.kit_imports import imports_of as read

    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from pkg.b import thing\n")
    (package / "b.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from . import c\n"
        "def thing():\n    from pkg import a\n"
    )
    (package / "c.py").write_text("import os\n")
    edges = [e for e in read(package) if e.top_level == "pkg"]
    assert {(e.importer, e.name) for e in edges} == {
        ("pkg.a", "pkg.b"),
        ("pkg.b", "pkg.c"),
        ("pkg.b", "pkg.a"),
    }
    assert import_cycles(edges) == [["pkg.a", "pkg.b"]]


def test_no_import_cycle_inside_kit():
    edges = internal_imports()
    cycles = import_cycles(edges)
    assert not cycles, "import cycles in kit/ (move the shared part to a lower module):\n" + (
        "\n".join(_describe(cycle, edges) for cycle in cycles)
    )


def test_no_module_imports_a_higher_layer():
    order = list(LAYERS)
    wrong = [
        f"{e.importer} ({layer_of(e.importer)}) imports {e.name} ({layer_of(e.name)}), "
        f"line {e.line}"
        for e in internal_imports()
        if order.index(layer_of(e.name)) > order.index(layer_of(e.importer))
    ]
    assert not wrong, "imports against the layer order (README.md, Architecture):\n" + "\n".join(
        wrong
    )


def test_bench_does_not_import_tests():
    """Benchmarks stand on their own: what tests and benchmarks share lives in bench/."""
    bench = REPO / "bench"
    wrong = [
        f"{e.importer}:{e.line} imports {e.name}"
        for e in imports_of(bench)
        if e.top_level == "tests"
    ]
    assert not wrong, wrong


def test_every_listed_module_exists():
    modules = set(kit_modules())
    listed = {m for members in LAYERS.values() for m in members}
    # kit.findings is added by the work that removes the artifacts <-> crosscheck cycle
    assert listed - modules <= {"kit.findings"}, listed - modules


def test_readme_names_the_layers_in_this_order():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^## Architecture\n(.*?)(?=^## |\Z)", readme, re.MULTILINE | re.DOTALL)
    assert match, "README.md has no '## Architecture' section"
    section = match.group(1)
    positions = [section.find(f"**{name}**") for name in LAYERS]
    assert -1 not in positions, f"a layer is not named in bold in the section: {list(LAYERS)}"
    assert positions == sorted(positions), "the README lists the layers in another order"
