"""Load a story: a folder of texts plus a ``manifest.toml`` that describes each version.

The kit ships one story (``data/story``), but any folder with the same kind of manifest loads
the same way, so instructors can bring their own. Every text is checked against the sha256
in the manifest, so learners see exactly the bytes the lessons talk about.

>>> story = load_story()
>>> story.ids
('000', '001', '004')
>>> story["001"].headline
'Haunting Photo Captures Guatemalan Mother Begging Soldier To Let Her Into U.S.'
>>> story["004"].has_sentence_punctuation
False
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any

from kit import text as textlayer
from kit.errors import (
    ChecksumMismatchError,
    ManifestError,
    TextEncodingError,
    TextFileMissingError,
    UnknownVersionError,
)
from kit.fileio import data_folder, parse_toml

MANIFEST_NAME = "manifest.toml"
MANIFEST_FORMAT = "kit-story/1"
REQUIRED_FIELDS = ("id", "file", "sha256", "headline", "language", "form")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_ID = re.compile(r"[A-Za-z0-9_-]+")


def default_story_path() -> Path:
    """Return the folder of the story shipped with the kit.

    An installed wheel carries it inside the package (``kit/_data/story``); a source checkout
    keeps it in ``data/story`` at the top of the repository.
    """
    return data_folder("story", MANIFEST_NAME, "or pass a story folder: kit.load_story(path)")


@dataclass(frozen=True)
class Version:
    """One version of the story: its text and what the manifest says about it.

    ``text`` is the file exactly as stored; ``body`` is the text without the headline at the
    top; ``paragraphs``, ``sentences`` and ``words`` are computed from the body on first use.
    """

    id: str
    headline: str
    text: str
    metadata: Mapping[str, Any] = field(repr=False)

    @cached_property
    def _headline_split(self) -> tuple[int, str]:
        """(how many times the headline opens the text, the text after those headlines)."""
        rest, count = self.text.lstrip(), 0
        while self.headline and rest.startswith(self.headline):
            rest, count = rest[len(self.headline) :].lstrip(), count + 1
        return count, rest

    @property
    def body(self) -> str:
        """The text without the headline line(s) at its top (a repeated headline goes too)."""
        return self._headline_split[1]

    @property
    def headline_count(self) -> int:
        """How many times the headline opens the text (2 in version 000, where it is doubled)."""
        return self._headline_split[0]

    @property
    def body_start(self) -> int:
        """The offset in ``text`` where ``body`` begins (``text[body_start:] == body``)."""
        return len(self.text) - len(self.body)

    @cached_property
    def has_capital_letters(self) -> bool:
        """False when the body was lower-cased (004), so names look like ordinary words."""
        return any(char.isupper() for char in self.body)

    @cached_property
    def paragraphs(self) -> tuple[str, ...]:
        """The body's paragraphs (blank-line separated)."""
        return tuple(textlayer.split_paragraphs(self.body))

    @cached_property
    def has_sentence_punctuation(self) -> bool:
        """False when the body has no sentence punctuation, so sentences cannot be found."""
        return textlayer.has_sentence_punctuation(self.body)

    @cached_property
    def sentences(self) -> tuple[str, ...]:
        """The body's sentences; empty when ``has_sentence_punctuation`` is False."""
        return tuple(textlayer.split_sentences(self.body))

    @cached_property
    def words(self) -> tuple[str, ...]:
        """The body's word tokens (punctuation left out)."""
        return tuple(textlayer.tokenize_words(self.body))

    @cached_property
    def word_windows(self) -> tuple[str, ...]:
        """The body cut into windows of 25 words: the units used where there are no sentences."""
        return tuple(textlayer.word_windows(self.body))

    @property
    def label(self) -> str:
        """A short description of what this version is, from the manifest."""
        return str(self.metadata.get("label", ""))

    @property
    def form(self) -> str:
        """What was done to the text, as far as the text shows."""
        return str(self.metadata["form"])

    @property
    def language(self) -> str:
        """The language code of the text (e.g. ``en``)."""
        return str(self.metadata["language"])

    @property
    def provenance(self) -> tuple[Mapping[str, str], ...]:
        """Provenance notes, each with ``note``, ``source`` and ``certainty``."""
        return tuple(self.metadata.get("provenance", ()))

    def summary(self) -> str:
        """One paragraph describing this version for a reader."""
        sentences = (
            textlayer.plural(len(self.sentences), "sentence")
            if self.has_sentence_punctuation
            else "no sentence punctuation, so sentences are not split"
        )
        return (
            f"{self.id}  {self.label or self.form}\n"
            f"     headline: {self.headline!r}"
            + (f" (appears {self.headline_count} times)" if self.headline_count > 1 else "")
            + f"\n     {textlayer.plural(len(self.words), 'word')}, "
            + f"{textlayer.plural(len(self.paragraphs), 'paragraph')}, "
            + sentences
        )

    def __repr__(self) -> str:
        return f"Version(id={self.id!r}, headline={self.headline!r}, words={len(self.words)})"


@dataclass(frozen=True)
class Story:
    """The versions of one story, in manifest order and by id.

    >>> story = load_story()
    >>> [version.id for version in story]
    ['000', '001', '004']
    >>> story["999"]
    Traceback (most recent call last):
    ...
    kit.errors.UnknownVersionError: No version '999' in this story. Valid ids: '000', '001', '004'.
    """

    title: str
    versions: tuple[Version, ...]
    path: Path
    summary_text: str = ""

    @property
    def ids(self) -> tuple[str, ...]:
        """The version ids in order."""
        return tuple(version.id for version in self.versions)

    def __getitem__(self, version_id: str) -> Version:
        for version in self.versions:
            if version.id == version_id:
                return version
        valid = ", ".join(repr(i) for i in self.ids)
        raise UnknownVersionError(f"No version {version_id!r} in this story. Valid ids: {valid}.")

    def __iter__(self) -> Iterator[Version]:
        return iter(self.versions)

    def __len__(self) -> int:
        return len(self.versions)

    def __str__(self) -> str:
        lines = [f"Story: {self.title}", f"{len(self)} versions from {self.path}", ""]
        lines += [version.summary() for version in self.versions]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from html import escape

        rows = "".join(
            f"<tr><td>{escape(v.id)}</td><td>{escape(v.headline)}</td><td>{escape(v.label)}</td>"
            f"<td>{len(v.words)}</td><td>{len(v.sentences) if v.has_sentence_punctuation else '—'}"
            "</td></tr>"
            for v in self.versions
        )
        return (
            f"<p><strong>{escape(self.title)}</strong></p><table><thead><tr><th>id</th>"
            "<th>headline</th><th>what it is</th><th>words</th><th>sentences</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )


def sha256_of(path: Path) -> str:
    """Return the hex sha256 of a file's bytes (use it when writing a manifest)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _read_manifest(folder: Path) -> dict:
    manifest_path = folder / MANIFEST_NAME
    if not manifest_path.is_file():
        raise ManifestError(
            f"No {MANIFEST_NAME} in {folder}. A story folder needs a manifest that lists its "
            "texts; see data/README.md ('Bring your own story')."
        )
    try:
        manifest = parse_toml(manifest_path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ManifestError(
            f"{manifest_path} is not UTF-8 text ({error}). Save it as UTF-8."
        ) from None
    except ValueError as error:  # tomllib.TOMLDecodeError is a ValueError
        raise ManifestError(
            f"{manifest_path} is not valid TOML: {error}. Fix that line, or restore the file "
            "with 'git checkout -- data/story' if it is the kit's own story."
        ) from None
    if manifest.get("format", MANIFEST_FORMAT) != MANIFEST_FORMAT:
        raise ManifestError(
            f"{manifest_path} has format {manifest.get('format')!r}; "
            f"this kit reads {MANIFEST_FORMAT!r}."
        )
    entries = manifest.get("versions")
    if not isinstance(entries, list) or not entries:
        raise ManifestError(
            f"{manifest_path} lists no versions. Add one [[versions]] table per text with the "
            f"fields {', '.join(REQUIRED_FIELDS)}."
        )
    return manifest


def _check_entry(entry: Any, position: int, manifest_path: Path, seen: set[str]) -> dict:
    where = f"{manifest_path}, version #{position}"
    if not isinstance(entry, dict):
        raise ManifestError(
            f"{where} is not a table; write it as [[versions]] with key = value lines."
        )
    missing = [name for name in REQUIRED_FIELDS if not isinstance(entry.get(name), str)]
    if missing:
        raise ManifestError(
            f"{where} lacks the field(s) {', '.join(missing)} (each a string). Required: "
            f"{', '.join(REQUIRED_FIELDS)}."
        )
    if not _ID.fullmatch(entry["id"]):
        raise ManifestError(
            f"{where}: id {entry['id']!r} may use only letters, digits, '-' and '_'."
        )
    if entry["id"] in seen:
        raise ManifestError(f"{where}: id {entry['id']!r} is used twice; ids must be unique.")
    if not _SHA256.fullmatch(entry["sha256"]):
        raise ManifestError(
            f"{where}: sha256 {entry['sha256']!r} is not 64 lower-case hex digits. Compute it "
            "with 'sha256sum FILE' or kit.story.sha256_of(path)."
        )
    file_name = entry["file"]
    if Path(file_name).name != file_name or file_name in ("", ".", ".."):
        raise ManifestError(
            f"{where}: file {file_name!r} must be a plain file name inside the story folder."
        )
    return entry


def _read_text(folder: Path, entry: dict) -> str:
    path = folder / entry["file"]
    if not path.is_file():
        raise TextFileMissingError(
            f"{path} is listed in the manifest (version {entry['id']}) but is missing. Restore "
            "it (for the kit's own story: 'git checkout -- data/story') or remove its entry."
        )
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != entry["sha256"]:
        raise ChecksumMismatchError(
            f"{path} (version {entry['id']}) has changed: its sha256 is {digest}, the manifest "
            f"records {entry['sha256']} ({len(data)} bytes now; changed or truncated). The "
            "lessons depend on the exact text: restore the file ('git checkout -- data/story'), "
            "or, if you changed it on purpose in your own story, update the sha256 in the manifest."
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise TextEncodingError(
            f"{path} (version {entry['id']}) is not UTF-8: byte {error.start} cannot be decoded. "
            "Re-save the file as UTF-8 and update its sha256 in the manifest."
        ) from None


def load_story(path: str | Path | None = None) -> Story:
    """Load and check a story folder; with no path, the story shipped with the kit.

    Raises a :class:`kit.errors.StoryDataError` subclass, naming the file, when the manifest
    is missing or malformed, a text is missing, changed, truncated or not UTF-8.

    >>> print(load_story())  # doctest: +ELLIPSIS
    Story: Guatemalan mother pleads with a Mexican National Guard soldier (July 2019)
    3 versions from ...
    <BLANKLINE>
    000  machine-translated copy of the Reuters report
    ...
    """
    folder = Path(path) if path is not None else default_story_path()
    if not folder.is_dir():
        raise ManifestError(
            f"{folder} is not a folder. Pass the folder that holds {MANIFEST_NAME}."
        )
    manifest = _read_manifest(folder)
    manifest_path = folder / MANIFEST_NAME
    versions, seen = [], set()
    for position, raw in enumerate(manifest["versions"], start=1):
        entry = _check_entry(raw, position, manifest_path, seen)
        seen.add(entry["id"])
        versions.append(
            Version(
                id=entry["id"],
                headline=entry["headline"],
                text=_read_text(folder, entry),
                metadata=MappingProxyType(dict(entry)),
            )
        )
    return Story(
        title=str(manifest.get("title", folder.name)),
        versions=tuple(versions),
        path=folder,
        summary_text=str(manifest.get("summary", "")).strip(),
    )
