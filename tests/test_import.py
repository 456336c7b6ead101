"""`import kit` stays light: the heavy libraries are imported only when needed.

(How fast the import is gets measured in bench/, not here: timed tests are flaky.)
"""

from __future__ import annotations

import subprocess
import sys

HEAVY = (
    "nltk",
    "textstat",
    "pandas",
    "matplotlib",
    "ipywidgets",
    "numpy",
    "nbclient",
    "vaderSentiment",
)


def test_import_kit_loads_no_heavy_library():
    code = (
        "import sys, kit\n"
        f"heavy = [m for m in {HEAVY!r} if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"import kit pulled in: {result.stdout.strip()}"


def test_loading_the_story_needs_no_heavy_library():
    code = (
        "import sys, kit\nkit.load_story()\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
