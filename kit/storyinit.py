"""Write the manifest of a story folder from its .txt files (``python -m kit story init``).

Nobody should compute checksums by hand: :func:`init_story` reads every ``*.txt`` file of a
folder, records its sha256, takes the headline from its first line, guesses the language,
and marks every field a person has to fill in with ``FILL IN``. The manifest it writes loads
with :func:`kit.load_story` as it is, so the folder is usable at once.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "copy-a.txt").write_text("A headline\\n\\nThe body of the story.\\n")
>>> _ = init_story(folder)
>>> import kit
>>> story = kit.load_story(folder)
>>> story.ids, story["copy-a"].headline
(('copy-a',), 'A headline')
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from kit.errors import ManifestError
from kit.story import MANIFEST_FORMAT, MANIFEST_NAME, sha256_of

FILL_IN = "FILL IN"
HEADLINE_MAX = 200


def _toml_string(text: str) -> str:
    """A TOML basic string (JSON's escaping is valid TOML for these characters)."""
    return json.dumps(text, ensure_ascii=False)


def _version_id(path: Path, used: set[str]) -> str:
    base = re.sub(r"[^A-Za-z0-9_-]+", "-", path.stem).strip("-") or "version"
    candidate, number = base, 2
    while candidate in used:
        candidate, number = f"{base}-{number}", number + 1
    used.add(candidate)
    return candidate


def _headline(text: str) -> tuple[str, str]:
    """(headline, comment): the first line when it looks like a headline, else ''."""
    lines = [line.strip() for line in text.splitlines()]
    filled = [line for line in lines if line]
    if len(filled) >= 2 and len(filled[0]) <= HEADLINE_MAX and text.lstrip().startswith(filled[0]):
        return filled[0], "headline = the file's first line"
    return (
        "",
        f"{FILL_IN}: no headline line found (one line, or a first line over "
        f"{HEADLINE_MAX} characters)",
    )


def manifest_text(folder: Path, title: str | None = None) -> str:
    """The text of a manifest for the .txt files of ``folder`` (sorted by name).

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Headline\\n\\nBody.")
    >>> print(manifest_text(folder, "Demo").splitlines()[4])
    title = "Demo"
    """
    from kit.collation import language_check
    from kit.locate import as_version

    files = sorted(path for path in Path(folder).glob("*.txt") if path.is_file())
    if not files:
        raise ManifestError(
            f"{folder} has no .txt files. Put each version of the story in its own UTF-8 "
            ".txt file in that folder, then run 'python -m kit story init' again."
        )
    lines = [
        "# Manifest written by 'python -m kit story init'. Replace every FILL IN; keep the",
        "# sha256 values (re-run 'story init --force' after changing a text).",
        "",
        f"format = {_toml_string(MANIFEST_FORMAT)}",
        f"title = {_toml_string(title or f'{FILL_IN}: what the story is about')}",
        "",
    ]
    used: set[str] = set()
    for path in files:
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise ManifestError(
                f"{path} is not UTF-8 (byte {error.start}). Re-save it as UTF-8 and run "
                "'python -m kit story init' again."
            ) from None
        headline, comment = _headline(text)
        problem = language_check(as_version(text))
        language = "en" if problem is None else f"{FILL_IN}: not English? {problem}"
        lines += [
            "[[versions]]",
            f"id = {_toml_string(_version_id(path, used))}",
            f"file = {_toml_string(path.name)}",
            f"sha256 = {_toml_string(sha256_of(path))}",
            f"headline = {_toml_string(headline)}  # {comment}",
            f"language = {_toml_string(language)}",
            f"label = {_toml_string(f'{FILL_IN}: a short description of this copy')}",
            f"form = {_toml_string(f'{FILL_IN}: what was done to the text, as far as it shows')}",
            "  [[versions.provenance]]",
            f"  note = {_toml_string(f'{FILL_IN}: where this copy was found')}",
            f"  source = {_toml_string(f'{FILL_IN}: how you know')}",
            f"  certainty = {_toml_string(f'{FILL_IN}: established / likely / not verified')}",
            "",
        ]
    return "\n".join(lines)


def init_story(folder: str | Path, title: str | None = None, force: bool = False) -> Path:
    """Write ``manifest.toml`` for the .txt files of ``folder``; return its path.

    Refuses to replace an existing manifest unless ``force`` is true.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise ManifestError(f"{folder} is not a folder. Pass the folder that holds the .txt files.")
    target = folder / MANIFEST_NAME
    if target.exists() and not force:
        raise ManifestError(
            f"{target} already exists. Pass --force to replace it (the FILL IN fields you "
            "filled in will be lost), or edit it by hand."
        )
    text = manifest_text(folder, title)
    target.write_text(text, encoding="utf-8")
    return target
