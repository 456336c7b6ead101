"""The workbench notebook (07_your_own_story) runs on the kit's story and on a new folder."""

from __future__ import annotations

import nbformat
import pytest

from tests.conftest import (
    REPO,
    execute_notebook,
    output_problems,
    shows_a_figure,
    write_story_folder,
)

NOTEBOOK = REPO / "notebooks" / "07_your_own_story.ipynb"
MATERIAL = REPO / "tests" / "files" / "collation"
FOLDER_LINE = "STORY_FOLDER = None"


def _read():
    return nbformat.read(NOTEBOOK, as_version=4)


def _text(notebook) -> str:
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            parts.append(str(output.get("data", {}).get("text/plain", "")))
    return "\n".join(parts)


def test_workbench_is_committed_clean_with_the_folder_variable_at_the_top():
    notebook = _read()
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code[0].source.startswith(FOLDER_LINE)
    for cell in code:
        assert cell.outputs == [] and cell.execution_count is None
    source = "\n".join(cell.source for cell in code)
    for instrument in ("readability", "sources_table", "find_artifacts", "framing.", "collate"):
        assert instrument in source, f"the workbench does not run {instrument}"


@pytest.mark.notebook
def test_workbench_runs_on_the_kits_story():
    notebook = execute_notebook(_read(), NOTEBOOK.parent, timeout=120)
    assert output_problems(notebook) == []
    assert "Versions 000 and 001 are closest" in _text(notebook)
    figures = [cell for cell in notebook.cells if "_figure(" in cell.source]
    assert len(figures) == 2 and all(shows_a_figure(cell) for cell in figures)


@pytest.mark.notebook
def test_workbench_runs_on_a_story_folder_of_its_own(tmp_path):
    texts = {
        name: (MATERIAL / f"{name}.txt").read_text(encoding="utf-8")
        for name in ("original", "spun", "facts")
    }
    folder = write_story_folder(tmp_path / "hartwell", texts)
    notebook = _read()
    notebook.cells[1].source = notebook.cells[1].source.replace(
        FOLDER_LINE, f"STORY_FOLDER = {str(folder)!r}"
    )
    notebook = execute_notebook(notebook, tmp_path, timeout=120)
    assert output_problems(notebook) == []
    output = _text(notebook)
    assert "Story: A story of my own" in output
    assert "Versions original and spun are closest" in output
