"""The loader: the three versions arrive exactly as they are, and bad data gets a clear error."""

from __future__ import annotations

import hashlib

import pytest

import kit
from kit.errors import (
    ChecksumMismatchError,
    ManifestError,
    StoryDataError,
    TextEncodingError,
    TextFileMissingError,
    UnknownVersionError,
)
from tests.conftest import SHARED_STORY, STORY_DIR, write_story_folder

FILES = {
    "000": "000_91ea0a0067291ec9.txt",
    "001": "001_59ae3d18891d23f8.txt",
    "004": "004_33555d44f0cc9112.txt",
}


@pytest.mark.parametrize("version_id, name", FILES.items())
def test_texts_are_byte_identical_to_the_shared_originals(version_id, name):
    if not SHARED_STORY.is_dir():
        pytest.skip(f"no shared story folder at {SHARED_STORY} to compare with")
    assert (STORY_DIR / name).read_bytes() == (SHARED_STORY / name).read_bytes()


@pytest.mark.parametrize("version_id, name", FILES.items())
def test_version_text_is_the_file(story, version_id, name):
    assert story[version_id].text == (STORY_DIR / name).read_bytes().decode("utf-8")
    assert (
        story[version_id].metadata["sha256"]
        == hashlib.sha256((STORY_DIR / name).read_bytes()).hexdigest()
    )


def test_versions_in_order_and_by_id(story):
    assert story.ids == ("000", "001", "004")
    assert [v.id for v in story] == list(story.ids)
    assert len(story) == 3
    assert story["001"] is story.versions[1]


def test_unknown_id_lists_the_valid_ones(story):
    with pytest.raises(UnknownVersionError, match=r"'000', '001', '004'"):
        story["002"]


def test_headlines_and_bodies(story):
    v000, v001, v004 = story.versions
    assert v000.headline_count == 2
    assert v000.body.startswith("Lilly Perez, crying")
    assert v001.body.startswith("MEXICO CITY, July 25( Reuters)")
    assert v004.body.startswith("ledy pérez grasped six year old son")
    for version in story:
        assert version.headline not in version.body[: len(version.headline)]


def test_paragraphs_sentences_words(story):
    v000, v001, v004 = story.versions
    assert len(v001.paragraphs) == 9
    assert len(v004.paragraphs) == 1
    assert v001.sentences[2].startswith("“The woman prayed and pleaded")
    assert "United Country" in " ".join(v001.words[:80]) or "Country" in v001.words
    assert "USUU" in v000.words
    assert "pérez" in v004.words


def test_004_says_it_has_no_sentences(story):
    v004 = story["004"]
    assert v004.has_sentence_punctuation is False
    assert v004.sentences == ()
    assert "no sentence punctuation" in v004.summary()
    assert story["000"].has_sentence_punctuation and story["001"].has_sentence_punctuation


def test_metadata_and_provenance(story):
    for version in story:
        assert version.language == "en"
        assert version.form
        assert version.provenance, f"{version.id} has no provenance notes"
        for note in version.provenance:
            assert note["note"] and note["source"] and note["certainty"]
    assert any("not verified" in n["certainty"] for n in story["000"].provenance)


def test_summary_is_readable(story):
    text = str(story)
    for version in story:
        assert version.id in text and version.headline in text
    assert "<table>" in story._repr_html_()


def test_bring_your_own_story(tmp_path):
    folder = write_story_folder(
        tmp_path / "mine", {"a": "Headline a\n\nFirst. Second.", "b": "Headline b\n\nthird fourth"}
    )
    mine = kit.load_story(folder)
    assert mine.ids == ("a", "b")
    assert mine["a"].sentences == ("First.", "Second.")
    assert mine["b"].has_sentence_punctuation is False
    assert mine.title == "A story of my own"


# --- tampered data ---------------------------------------------------------------------------


def test_changed_text_names_the_file(story_copy):
    path = story_copy / FILES["001"]
    path.write_bytes(path.read_bytes().replace(b"clampdown", b"crackdown"))
    with pytest.raises(ChecksumMismatchError, match=FILES["001"]) as info:
        kit.load_story(story_copy)
    assert "git checkout -- data/story" in str(info.value)


def test_truncated_text(story_copy):
    path = story_copy / FILES["000"]
    path.write_bytes(path.read_bytes()[:100])
    with pytest.raises(ChecksumMismatchError, match="100 bytes now"):
        kit.load_story(story_copy)


def test_missing_text(story_copy):
    (story_copy / FILES["004"]).unlink()
    with pytest.raises(TextFileMissingError, match=f"{FILES['004']}.*missing"):
        kit.load_story(story_copy)


def test_missing_manifest(story_copy):
    (story_copy / "manifest.toml").unlink()
    with pytest.raises(ManifestError, match="No manifest.toml"):
        kit.load_story(story_copy)


@pytest.mark.parametrize(
    "manifest, message",
    [
        ("this is = = not toml", "not valid TOML"),
        ('format = "kit-story/1"\n', "lists no versions"),
        ('format = "other/9"\n[[versions]]\nid = "x"\n', "format 'other/9'"),
        ('[[versions]]\nid = "a"\nfile = "a.txt"\n', "lacks the field"),
        (
            '[[versions]]\nid = "a"\nfile = "a.txt"\nsha256 = "abc"\nheadline = "h"\n'
            'language = "en"\nform = "f"\n',
            "not 64 lower-case hex",
        ),
        (
            '[[versions]]\nid = "a"\nfile = "../a.txt"\nsha256 = "' + "0" * 64 + '"\n'
            'headline = "h"\nlanguage = "en"\nform = "f"\n',
            "plain file name",
        ),
        ("versions = [1, 2]\n", "is not a table"),
    ],
)
def test_malformed_manifest(tmp_path, manifest, message):
    (tmp_path / "manifest.toml").write_text(manifest, encoding="utf-8")
    with pytest.raises(ManifestError, match=message) as info:
        kit.load_story(tmp_path)
    assert "manifest.toml" in str(info.value)


def test_duplicate_ids(tmp_path):
    folder = write_story_folder(tmp_path, {"a": "x", "b": "y"}, b={"id": "a", "file": "b.txt"})
    with pytest.raises(ManifestError, match="used twice"):
        kit.load_story(folder)


def test_manifest_not_utf8(tmp_path):
    (tmp_path / "manifest.toml").write_bytes(b'title = "\xff\xfe"\n')
    with pytest.raises(ManifestError, match="not UTF-8"):
        kit.load_story(tmp_path)


def test_text_not_utf8(tmp_path):
    folder = write_story_folder(tmp_path, {"a": "Caf\xe9".encode("latin-1")})
    with pytest.raises(TextEncodingError, match=r"a\.txt.*not UTF-8"):
        kit.load_story(folder)


def test_not_a_folder(tmp_path):
    with pytest.raises(ManifestError, match="is not a folder"):
        kit.load_story(tmp_path / "nowhere")


def test_every_data_error_is_a_story_data_error():
    for error in (ManifestError, ChecksumMismatchError, TextEncodingError, TextFileMissingError):
        assert issubclass(error, StoryDataError)
