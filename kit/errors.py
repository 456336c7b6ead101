"""Errors the kit raises, written for the person who has to fix the problem.

Every message names the file involved and says what to do next.
"""

from __future__ import annotations


class KitError(Exception):
    """Base class of every error the kit raises on purpose."""


class StoryDataError(KitError, ValueError):
    """A story folder, its manifest or one of its texts cannot be used as it is."""


class ManifestError(StoryDataError):
    """The manifest is missing, is not valid TOML, or lacks a required field."""


class TextFileMissingError(StoryDataError, FileNotFoundError):
    """A text listed in the manifest is not in the story folder."""


class ChecksumMismatchError(StoryDataError):
    """A text's bytes differ from the sha256 recorded in the manifest (changed or truncated)."""


class TextEncodingError(StoryDataError, UnicodeError):
    """A text file is not valid UTF-8."""


class UnknownVersionError(KitError, KeyError):
    """A version id was asked for that the story does not have."""

    def __str__(self) -> str:  # KeyError would otherwise show the message in quotes
        return str(self.args[0]) if self.args else ""
