"""Shared fixtures: the shipped story, a factory for story folders, sample texts."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

REPO = Path(__file__).resolve().parent.parent
STORY_DIR = REPO / "data" / "story"
SHARED_STORY = REPO.parent / "shared" / "story"

# Jupyter warns about its data-path migration unless told which convention to use; the
# suite runs with warnings as errors, so choose the new one explicitly.
os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")

# Property tests are the same on every run and never fail on time: Hypothesis's default
# 200 ms deadline and its too-slow health check are wall-clock checks that a busy machine
# fails at random, and random examples would make a failure impossible to reproduce.
# HYPOTHESIS_PROFILE=explore searches with fresh random examples (to look for new bugs).
settings.register_profile(
    "kit",
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("explore", deadline=None, max_examples=500)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "kit"))

#: Tricky texts every text function must survive (shared by parametrized tests).
TRICKY_TEXTS = {
    "empty": "",
    "whitespace": " \n\t\n ",
    "only-punctuation": "... !!! ?? ,;: — “ ” ( )",
    "emoji-and-accents": "Ledy Pérez 🙂 cruzó el río… ¿Por qué? Señor Díaz dijo: «¡no!» 👍🏽",
    "long-line": ("palabra " * 12_500)[:100_000],
    "long-sentences": ("The guard said no. " * 5_000)[:100_000],
    "control-and-rtl": "a\u200bb\u202ec\x00d\u0301 שלום 中文。",
}


@pytest.fixture(scope="session")
def story():
    """The story shipped with the kit, loaded once."""
    import kit

    return kit.load_story()


def write_story_folder(folder: Path, texts: dict[str, str | bytes], **overrides) -> Path:
    """Write a story folder with a valid manifest for ``texts`` (id -> text or bytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = ['format = "kit-story/1"', 'title = "A story of my own"', ""]
    for version_id, content in texts.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        name = f"{version_id}.txt"
        (folder / name).write_bytes(data)
        fields = {
            "id": version_id,
            "file": name,
            "sha256": hashlib.sha256(data).hexdigest(),
            "headline": f"Headline {version_id}",
            "language": "en",
            "form": "plain text",
        }
        fields.update(overrides.get(version_id, {}))
        lines.append("[[versions]]")
        lines += [f"{key} = {value!r}".replace("'", '"') for key, value in fields.items()]
        lines.append("")
    (folder / "manifest.toml").write_text("\n".join(lines), encoding="utf-8")
    return folder


@pytest.fixture
def story_copy(tmp_path):
    """A writable copy of the shipped story folder."""
    return Path(shutil.copytree(STORY_DIR, tmp_path / "story"))


def execute_notebook(notebook, folder: Path, timeout: int = 120):
    """Run a notebook object top to bottom in a fresh python3 kernel, cwd = folder.

    Errors stop the run (as Run All does) unless a cell is tagged ``raises-exception``.
    Returns the notebook, now holding its outputs.
    """
    from nbclient import NotebookClient

    NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(folder)}},
    ).execute()
    return notebook


def output_problems(notebook) -> list[str]:
    """Error outputs, stderr and warnings in an executed notebook, one line each."""
    problems = []
    for number, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            kind = output.get("output_type")
            if kind == "error":
                problems.append(f"cell {number}: {output['ename']}: {output['evalue']}")
            elif kind == "stream" and output.get("name") == "stderr":
                problems.append(f"cell {number} wrote to stderr: {output['text'][:300]}")
            text = output.get("text", "") + str(output.get("data", {}).get("text/plain", ""))
            if "Warning" in text:
                problems.append(f"cell {number} shows a warning: {text[:300]}")
    return problems


def shows_a_figure(cell) -> bool:
    """Whether a code cell of an executed notebook shows an image."""
    return any("image/png" in output.get("data", {}) for output in cell.get("outputs", []))
