"""Nothing in the kit downloads anything at run time.

Each public entry point runs in a fresh interpreter with sockets refused, an empty NLTK data
path and an empty HOME, so a hidden download or a dependency on downloaded data fails loudly.
Where the machine allows it (`unshare -rn`), the same runs in a network namespace with no
network at all.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from tests.conftest import REPO

GUARD = textwrap.dedent(
    """
    import socket
    attempts = []
    def _refuse(self, address, *args, **kwargs):
        attempts.append(address)
        raise OSError(f"network blocked by the offline test: {address!r}")
    socket.socket.connect = _refuse
    socket.socket.connect_ex = _refuse
    def _no_dns(*args, **kwargs):
        attempts.append(args[:2])
        raise OSError("DNS blocked by the offline test")
    socket.getaddrinfo = _no_dns
    """
)

#: Code that exercises the kit's public functions. Each module adds its own entry points.
EXERCISE = textwrap.dedent(
    """
    import kit
    story = kit.load_story()
    for version in story:
        version.paragraphs, version.sentences, version.words, version.summary()
    str(story)
    import textstat
    for version in story:
        textstat.flesch_reading_ease(version.body)
        textstat.syllable_count(version.body)
        textstat.gunning_fog(version.body)
        textstat.dale_chall_readability_score(version.body)
    import tempfile
    from kit import quiz
    quiz_folder = tempfile.mkdtemp()
    book = quiz.AnswerBook("offline_quiz", folder=quiz_folder)
    book.single_choice("q1", "Which?", ["000", "001", "004"]).answer("004")
    book.multiple_choice("q2", "All?", ["a", "b", "c"]).answer(["a"])
    book.text("q3", "Word?").answer("clampdown")
    book.number("q4", "Count?").answer(1)
    book.progress()
    assert quiz.recorded_answer("offline_quiz", "q1", folder=quiz_folder) == "004"
    quiz.text_matches("Clampdown", "clampdown"), quiz.number_close(1.0, 1)
    spec = {"id": "p", "kind": "number", "prompt": "Count?", "answer": 1}
    quiz.practice(quiz.encode_practice(spec)).check()
    from kit import artifacts, attribution, compare, figures, framing, readability
    readability.readability_table(story)
    readability.paragraph_readability(story)
    figures.readability_figure(story)
    figures.lexical_choices_figure(story)
    attribution.sources_table(story)
    attribution.photo_credits(story["004"])
    attribution.datelines(story["001"])
    artifacts.find_artifacts(story)
    framing.concordance(story, "clampdown")
    framing.connotation(story)
    framing.word_connotations(story)
    framing.compare_headlines(story)
    framing.keyness(story["000"], story["001"])
    compare.align(story["000"], story["001"]).html()
    compare.collate(story).pair_summary()
    compare.immutables(story)
    import pathlib
    from kit.grading.release import release
    from kit.grading.source import check_source
    solutions = pathlib.Path(kit.__file__).parent.parent / "solutions"
    check_source(solutions), release(solutions, tempfile.mkdtemp())
    """
)

FINISH = textwrap.dedent(
    """
    assert not attempts, f"network use attempted: {attempts}"
    print("OFFLINE-OK")
    """
)


def _run(command: list[str], tmp_path) -> subprocess.CompletedProcess:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {
        **os.environ,
        "HOME": str(home),
        "NLTK_DATA": str(tmp_path / "no-nltk-data"),
        "MPLCONFIGDIR": str(tmp_path / "mpl"),
        "PYTHONPATH": str(REPO),
    }
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)


def test_public_functions_run_with_sockets_blocked(tmp_path):
    code = GUARD + EXERCISE + FINISH
    result = _run([sys.executable, "-c", code], tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "OFFLINE-OK" in result.stdout


def test_guard_catches_a_download(tmp_path):
    """The guard itself must fail when code reaches for the network."""
    code = GUARD + "import nltk\nnltk.download('cmudict', quiet=True)\n" + FINISH
    result = _run([sys.executable, "-c", code], tmp_path)
    assert "OFFLINE-OK" not in result.stdout


def test_public_functions_run_without_any_network(tmp_path):
    unshare = shutil.which("unshare")
    if unshare is None or subprocess.run([unshare, "-rn", "true"]).returncode != 0:
        pytest.skip("unshare -rn is not available here: cannot create a network namespace")
    result = _run(
        [unshare, "-rn", sys.executable, "-c", EXERCISE + "print('OFFLINE-OK')"], tmp_path
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "OFFLINE-OK" in result.stdout


RUN_LESSONS = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    import nbformat
    from nbclient import NotebookClient
    folder = Path(sys.argv[1])
    for path in sorted(folder.glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        NotebookClient(
            notebook, timeout=120, kernel_name="python3",
            resources={"metadata": {"path": str(folder)}},
        ).execute()
        errors = [
            output.get("ename")
            for cell in notebook.cells
            for output in cell.get("outputs", [])
            if output.get("output_type") == "error"
        ]
        assert not errors, f"{path.name}: {errors}"
        print("ran", path.name)
    print("OFFLINE-OK")
    """
)


@pytest.mark.notebook
@pytest.mark.slow
def test_every_lesson_runs_in_a_kernel_without_any_network(tmp_path):
    """The lessons, executed by a real kernel in a network namespace that has only loopback."""
    unshare, ip = shutil.which("unshare"), shutil.which("ip")
    if unshare is None or ip is None:
        pytest.skip("unshare and ip (iproute2) are needed to run a kernel with no network")
    if subprocess.run([unshare, "-rn", "true"]).returncode != 0:
        pytest.skip("unshare -rn is not permitted here: cannot create a network namespace")
    lessons = tmp_path / "notebooks"
    shutil.copytree(REPO / "notebooks", lessons)
    script = tmp_path / "run_lessons.py"
    script.write_text(RUN_LESSONS, encoding="utf-8")
    command = f"{ip} link set lo up && exec {sys.executable} {script} {lessons}"
    result = _run([unshare, "-rn", "sh", "-c", command], tmp_path)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    assert result.stdout.count("ran ") == len(list(lessons.glob("*.ipynb"))) >= 6
    assert "OFFLINE-OK" in result.stdout
