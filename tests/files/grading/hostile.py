"""A class of hostile submissions with innocent neighbours, for the isolation tests.

Students are named so that sorting puts an innocent (who hands in the solution of ex1_demo)
between every two attackers: graded with two workers, innocents share a worker with attackers.
Each attacker answers q1 and writes count_words correctly (so it could earn 4 of 4), then
attacks in the same cell. ``MARKER`` is in the command line of every process an attacker
starts, so a test can look for survivors.
"""

from __future__ import annotations

from pathlib import Path

from tests.files.grading.build import EX1, GOOD_COUNT, SOURCE, _write, answer, released, source

MARKER = "kit-hostile-survivor"
CLASS_FILE = "class.txt"
Q1 = 'q1 = book.single_choice("q1", "Which?", ["000", "001", "004"], points=1)\nq1.answer("004")\n'

ATTACKS = {
    # ends its own process group: the kernel, and in the report the whole worker pool
    "a-killpg": "import os, signal\nos.killpg(os.getpgid(0), signal.SIGKILL)\n",
    # kills the process that started the kernel
    "c-killparent": "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n",
    # leaves a detached process behind
    "e-detached": (
        "import subprocess, sys\n"
        f"subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)  # {MARKER}'],"
        " start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    ),
    # looks for the key beside the installed kit (an editable install keeps it there)
    "g-thief-kitpath": (
        "import json, os, kit\nfrom pathlib import Path\n"
        "here = Path(kit.__file__).resolve().parent\n"
        "found = []\n"
        "for top in (here.parent, here.parent.parent):\n"
        "    for folder, dirs, files in os.walk(top):\n"
        "        dirs[:] = [d for d in dirs if not d.startswith('.')]  # skip .venv, .git\n"
        "        path = Path(folder) / '{name}'\n"
        "        if '{name}' in files and 'BEGIN SOLUTION' in path.read_text(errors='ignore'):\n"
        "            found.append(path)\n"
        "    if found:\n"
        "        break\n"
        "for cell in json.loads(found[0].read_text())['cells']:\n"
        "    if cell['metadata'].get('nbgrader', {{}}).get('solution'):\n"
        "        exec(''.join(cell['source']), globals())\n"
    ),
    # knows where the key is (a shared machine) and runs its answer cells
    "i-thief-knownpath": (
        "import json\n"
        "for cell in json.loads(open({path!r}).read())['cells']:\n"
        "    if cell['metadata'].get('nbgrader', {{}}).get('solution'):\n"
        "        exec(''.join(cell['source']), globals())\n"
    ),
    # finds the grading worker above its kernel and kills it
    "k-killworker": (
        "import os, signal, psutil\n"
        "os.kill(psutil.Process().parent().parent().pid, signal.SIGKILL)\n"
    ),
}
INNOCENTS = ("b-innocent", "d-innocent", "f-innocent", "h-innocent", "j-innocent", "l-innocent")


def make_hostile_class(folder: Path) -> Path:
    """Write the attackers and their innocent neighbours into folder; return folder."""
    for name, code in ATTACKS.items():
        code = code.format(name=EX1, path=str(SOURCE / EX1))
        if name.startswith(("g-", "i-")):  # thieves: nothing of their own, only the key
            notebook = answer(answer(released(), "words-answer", "pass\n"), "q1-answer", code)
        else:
            notebook = answer(
                answer(released(), "words-answer", GOOD_COUNT), "q1-answer", Q1 + code
            )
        _write(folder / name, notebook)
    for name in INNOCENTS:
        _write(folder / name, source())
    for student in (*ATTACKS, *INNOCENTS):  # marks the private copies of this class's folders
        (folder / student / CLASS_FILE).write_text(str(folder), encoding="utf-8")
    return folder
