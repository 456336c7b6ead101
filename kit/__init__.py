"""A media-literacy teaching kit built on one news story in three versions.

>>> import kit
>>> story = kit.load_story()
>>> story.ids
('000', '001', '004')

Heavy libraries (NLTK, textstat, pandas, matplotlib, ipywidgets) are imported only when a
function needs them, so ``import kit`` is quick.
"""

from kit.errors import (
    ChecksumMismatchError,
    KitError,
    ManifestError,
    StoryDataError,
    TextEncodingError,
    TextFileMissingError,
    UnknownVersionError,
)
from kit.story import Story, Version, load_story

__all__ = [
    "ChecksumMismatchError",
    "KitError",
    "ManifestError",
    "Story",
    "StoryDataError",
    "TextEncodingError",
    "TextFileMissingError",
    "UnknownVersionError",
    "Version",
    "load_story",
]
#: The kit's version, written only here: pyproject.toml reads it ([tool.hatch.version]).
__version__ = "0.1.0"
