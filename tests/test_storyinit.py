"""'python -m kit story init FOLDER': a manifest for a folder of .txt files."""

from __future__ import annotations

import hashlib

import pytest

import kit
from kit.cli import main
from kit.errors import ManifestError
from kit.storyinit import FILL_IN, init_story


def test_init_writes_a_manifest_that_loads(tmp_path, capsys):
    (tmp_path / "reuters copy.txt").write_text("The headline\n\nThe body.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("one line without a headline", encoding="utf-8")
    assert main(["story", "init", str(tmp_path), "--title", "My story"]) == 0
    assert FILL_IN in capsys.readouterr().out
    story = kit.load_story(tmp_path)
    assert story.title == "My story"
    assert story.ids == ("b", "reuters-copy")
    assert story["reuters-copy"].headline == "The headline"
    assert story["reuters-copy"].body.strip() == "The body."
    assert story["b"].headline == ""  # a one-line text has no headline line
    data = (tmp_path / "b.txt").read_bytes()
    assert story["b"].metadata["sha256"] == hashlib.sha256(data).hexdigest()
    assert story["b"].form.startswith(FILL_IN)


def test_init_refuses_to_overwrite_and_flags_other_languages(tmp_path, capsys):
    (tmp_path / "es.txt").write_text(
        "Titular\n\nLa madre le pidió al soldado que la dejara pasar con su hijo.", "utf-8"
    )
    init_story(tmp_path)
    assert kit.load_story(tmp_path)["es"].language.startswith(f"{FILL_IN}: not English?")
    assert main(["story", "init", str(tmp_path)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["story", "init", str(tmp_path), "--force"]) == 0


def test_init_explains_an_empty_folder(tmp_path):
    with pytest.raises(ManifestError, match="no .txt files"):
        init_story(tmp_path)
