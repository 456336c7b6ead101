"""Reading and writing files the same way everywhere in the kit (a bottom-layer module).

- :func:`write_atomic`: replace a file in one step, so a reader never sees half a file and two
  writers never share a temporary file.
- :func:`parse_toml`: TOML with the standard library (``tomli`` on Python 3.10).
- :func:`data_folder`: where the kit's own data (the story, the lexicons) is, installed or not.

>>> import tempfile
>>> from pathlib import Path
>>> target = Path(tempfile.mkdtemp()) / "notes.txt"
>>> write_atomic(target, "first\\n"); write_atomic(target, "second\\n")
>>> target.read_text(), [p.name for p in target.parent.iterdir()]
('second\\n', ['notes.txt'])
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kit.errors import KitDataMissingError

#: The folder of the installed package; a wheel carries the data in ``_data`` inside it.
PACKAGE_FOLDER = Path(__file__).resolve().parent


def write_atomic(path: str | os.PathLike, data: str | bytes, mode: int = 0o644) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` atomically; the file gets permissions ``mode``.

    The data goes to a temporary file with a unique name in the same folder (so two processes
    writing at once never share it), is flushed to disk, then ``os.replace`` puts it in place:
    readers see the old file or the new one, never a mix. On any error the temporary file is
    removed and the old file is left as it was; the ``OSError`` is raised to the caller.

    >>> import tempfile
    >>> from pathlib import Path
    >>> target = Path(tempfile.mkdtemp()) / "data.bin"
    >>> write_atomic(target, b"\\x00\\x01")
    >>> target.read_bytes(), oct(target.stat().st_mode & 0o777)
    (b'\\x00\\x01', '0o644')
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)  # mkstemp makes the file private to its owner
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def parse_toml(text: str) -> dict:
    """Parse TOML text with tomllib (tomli on Python 3.10); invalid TOML raises ValueError.

    >>> parse_toml('format = "kit-story/1"')
    {'format': 'kit-story/1'}
    >>> try:
    ...     parse_toml("format = ")
    ... except ValueError:
    ...     print("not valid TOML")
    not valid TOML
    """
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    return tomllib.loads(text)


def data_folder(name: str, required: str, hint: str = "") -> Path:
    """Return the kit's data folder ``name``: ``kit/_data/<name>`` in an installed wheel, else
    ``data/<name>`` at the top of a source checkout; the first that has a file matching the
    glob pattern ``required``. Raises :class:`kit.errors.KitDataMissingError` naming both
    places (``hint`` is added to the message).

    >>> data_folder("lexicons", "*.toml").name
    'lexicons'
    >>> data_folder("nothing-here", "*.toml")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kit.errors.KitDataMissingError: The kit's nothing-here data was not found (looked in ...
    """
    candidates = (PACKAGE_FOLDER / "_data" / name, PACKAGE_FOLDER.parent / "data" / name)
    for candidate in candidates:
        if candidate.is_dir() and any(candidate.glob(required)):
            return candidate
    raise KitDataMissingError(
        f"The kit's {name} data was not found (looked in {candidates[0]} and {candidates[1]}). "
        "Reinstall the kit from a full copy of the repository" + (f", {hint}" if hint else "") + "."
    )
