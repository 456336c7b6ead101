"""kit.fileio: atomic writes that concurrent writers cannot spoil, and the kit's data folders."""

from __future__ import annotations

import threading

import pytest

from kit.errors import KitDataMissingError, KitError
from kit.fileio import data_folder, write_atomic


def test_concurrent_writers_never_share_a_temporary_file(tmp_path):
    """With one fixed temporary name, one writer's os.replace would take the other's file."""
    target = tmp_path / "gradebook.csv"
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def writer(text: str) -> None:
        start.wait()
        try:
            for _ in range(50):
                write_atomic(target, text * 1000)
        except BaseException as error:  # collected and reported below
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(letter,)) for letter in "abcd"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert target.read_text() in {letter * 1000 for letter in "abcd"}
    assert [p.name for p in tmp_path.iterdir()] == ["gradebook.csv"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "page.html"
    target.mkdir()  # os.replace cannot put a file where a folder is
    with pytest.raises(OSError):
        write_atomic(target, "<p>new</p>")
    assert target.is_dir() and [p.name for p in tmp_path.iterdir()] == ["page.html"]


def test_text_is_written_as_utf8_and_readable_by_others(tmp_path):
    target = tmp_path / "answers.json"
    write_atomic(target, "represión — “clampdown”")
    assert target.read_bytes() == "represión — “clampdown”".encode()
    assert target.stat().st_mode & 0o777 == 0o644


def test_data_folder_names_both_places_when_missing():
    assert data_folder("story", "manifest.toml").joinpath("manifest.toml").is_file()
    with pytest.raises(KitDataMissingError, match=r"_data/no-such-data.*data/no-such-data"):
        data_folder("no-such-data", "*")
    assert issubclass(KitDataMissingError, KitError)
