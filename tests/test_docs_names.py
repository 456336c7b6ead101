"""Every kit name the guides mention (`kit.module.name`, `kit/module.py`) exists: a renamed
module or function must not leave a reader with a name that fails to import."""

from __future__ import annotations

import importlib
import re

import pytest

from tests.conftest import REPO

GUIDES = sorted(
    str(path.relative_to(REPO))
    for folder in ("", "data", "data/lexicons", "kit", "kit/quiz", "notebooks", "solutions",
                   "tests/files/signals", "tests/files/attribution")  # fmt: skip
    for pattern in ("*.md", "*.ipynb")
    for path in (REPO / folder).glob(pattern)
)
DOTTED = re.compile(r"`(kit(?:\.[A-Za-z_]\w*)+)")
PATH = re.compile(r"`(kit/[\w/]+\.py)`")


def resolves(dotted: str) -> bool:
    """Whether the longest importable module prefix of a dotted name has the rest as
    attributes ('kit.wordfit.spin_survey' -> module kit.wordfit, attribute spin_survey)."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            target = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for attribute in parts[cut:]:
            if not hasattr(target, attribute):
                return False
            target = getattr(target, attribute)
        return True
    return False


@pytest.mark.parametrize("guide", GUIDES)
def test_every_kit_name_a_guide_mentions_exists(guide):
    text = (REPO / guide).read_text(encoding="utf-8")
    names = set(DOTTED.findall(text))
    missing = sorted(name for name in names if not resolves(name))
    missing += sorted(path for path in set(PATH.findall(text)) if not (REPO / path).is_file())
    assert not missing, f"{guide} mentions names that do not exist: {missing}"


def test_a_renamed_name_is_caught():
    assert resolves("kit.unseen.expected_answer") and resolves("kit.compare.collate")
    assert not resolves("kit.variants.expected_answer")
    assert not resolves("kit.nothing_here")
