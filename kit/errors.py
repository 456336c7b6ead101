"""Errors the kit raises, written for the person who has to fix the problem.

Every message names the file involved and says what to do next. Every error the kit raises
on purpose is a :class:`KitError` and is defined here, so ``except KitError`` catches them all
and no module has to import a higher layer to catch one:

- story data: :class:`StoryDataError` (:class:`ManifestError`, :class:`TextFileMissingError`,
  :class:`ChecksumMismatchError`, :class:`TextEncodingError`), :class:`UnknownVersionError`;
- the kit's own data: :class:`KitDataMissingError`, :class:`LexiconError`;
- quizzes: :class:`AnswersFileError` (:class:`AnswersSaveError`);
- grading: :class:`NotebookReadError`; the ``kit`` command: :class:`UsageError`.

>>> issubclass(LexiconError, KitError) and issubclass(NotebookReadError, KitError)
True
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


class KitDataMissingError(KitError, FileNotFoundError):
    """The kit's own data folder (its story or its lexicons) is not where it should be."""


class LexiconError(KitError, ValueError):
    """A lexicon file is missing or malformed."""


class AnswersFileError(KitError, ValueError):
    """An answers file exists but cannot be read or is not a kit answers file."""


class AnswersSaveError(AnswersFileError):
    """An answer cannot be written (folder not writable, disk full...); the file is intact."""


class NotebookReadError(KitError):
    """A notebook file cannot be read as a Jupyter notebook (message names the file)."""


class UsageError(KitError):
    """A mistake on the ``kit`` command line or a missing file (exit code 2)."""


class CollationInputError(KitError, ValueError):
    """The versions given to :func:`collate` cannot be collated as they are."""


class EmptyVersionError(CollationInputError):
    """A version has no words."""


class NotEnglishError(CollationInputError):
    """A version does not look like English text."""


class IdenticalVersionsError(CollationInputError):
    """Two versions have the same text: there is nothing to collate between them."""


class LengthMismatchError(CollationInputError):
    """One version is at least 100 times longer than another."""


class MarkingSheetError(KitError, ValueError):
    """A marking sheet that cannot be merged (a level or score out of range, a bad row...)."""


class StudentIdError(KitError, ValueError):
    """A STUDENT_ID that cannot be used (empty, with spaces, too long...)."""


class FigureDescriptionError(KitError, ValueError):
    """A figure was given no text alternative."""
