"""Datelines, agency tags and photo credits: where a text says it comes from.

A dateline ("MEXICO CITY, July 25 (Reuters) –") says where and when a news agency filed the
story; a photo credit ("Photograph: José Luis González/Reuters") names who took a picture. A
copy that keeps them shows whose work it is; a scraped copy may keep them in damaged form,
such as a credit glued to the next word ("reutersthe"). Both functions are also available
from :mod:`kit.attribution`.

>>> import kit
>>> story = kit.load_story()
>>> datelines(story["001"])[["place", "date", "agency"]].values.tolist()
[['MEXICO CITY', 'July 25', 'Reuters']]
>>> credits = photo_credits(story["004"])
>>> credits.loc[credits["kind"] == "photo credit", "glued to"].tolist()
['families', 'the', 'the', 'it']
"""

from __future__ import annotations

import re

from kit.accessible import label_headers
from kit.lexicons import agency_alternation
from kit.locate import as_version, paragraph_number, snippet
from kit.story import Version

_AGENCY_NAMES = r"Reuters|AP|AFP|Associated\s+Press|Bloomberg|EFE|dpa"
DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z .'’\-]{2,}?),\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*"
    rf"\(\s*(?P<agency>{_AGENCY_NAMES})\s*\)\s*(?P<dash>[–—-])?"
)
AGENCY_TAG = re.compile(rf"\(\s*(?P<agency>{_AGENCY_NAMES})\s*\)")
PHOTOGRAPHER = re.compile(
    rf"\b(?P<agency>{_AGENCY_NAMES})\s+photographer\s+(?P<name>(?:[A-ZÀ-Þ][^\W_]+\s?){{1,4}})"
)


def datelines(target: Version | str):
    """Datelines and agency tags such as "(Reuters)", with place, date and agency.

    Columns: version, paragraph, offset, kind ("dateline" or "agency tag"), place, date,
    agency, text.

    >>> datelines("LIMA, May 3 (Reuters) - Rain fell.")[["place", "agency"]].values.tolist()
    [['LIMA', 'Reuters']]
    """
    import pandas as pd

    version = as_version(target)
    text = version.text
    rows, seen = [], set()
    for found in DATELINE.finditer(text):
        seen.add(found.start("agency"))
        rows.append(
            {
                "version": version.id,
                "paragraph": paragraph_number(version, found.start()),
                "offset": found.start(),
                "kind": "dateline",
                "place": found.group("place").strip(),
                "date": found.group("date") or "",
                "agency": found.group("agency"),
                "text": found.group().strip(),
            }
        )
    for found in AGENCY_TAG.finditer(text):
        if found.start("agency") in seen:
            continue
        rows.append(
            {
                "version": version.id,
                "paragraph": paragraph_number(version, found.start()),
                "offset": found.start(),
                "kind": "agency tag",
                "place": "",
                "date": "",
                "agency": found.group("agency"),
                "text": found.group(),
            }
        )
    columns = ["version", "paragraph", "offset", "kind", "place", "date", "agency", "text"]
    table = pd.DataFrame(rows, columns=columns).sort_values("offset")
    return label_headers(table.reset_index(drop=True))


def photo_credits(target: Version | str):
    """Photo credits and captions, and photographers named in the text.

    Finds "photograph(:) NAME(/)AGENCY" credits, also in lower-cased text where the credit is
    glued to the next word ("reutersthe": column ``glued to``), the caption before a credit
    when share-button residue ("facebook twitter pinterest") marks where it starts, and
    "AGENCY photographer NAME" in running text.

    Columns: version, paragraph, offset, kind, photographer, agency, glued to, caption, text.

    >>> row = photo_credits("a boy waves photograph ana ruiz afpthe rain").iloc[0]
    >>> row["photographer"], row["agency"], row["glued to"]
    ('ana ruiz', 'afp', 'the')
    """
    import pandas as pd

    version = as_version(target)
    text = version.text
    agencies = agency_alternation()
    credit = re.compile(
        r"\bphotograph(?:ed by|:)?\s+(?P<name>(?:[^\W\d_]+\s+){1,4}?)/?\s*"
        rf"(?P<agency>{agencies})(?P<glued>[^\W\d_]*)",
        re.I,
    )
    residue = re.compile(r"facebook\s+twitter\s+pinterest\s+", re.I)
    rows = []
    for found in credit.finditer(text):
        glued = found.group("glued")
        caption = ""
        before = text[max(0, found.start() - 400) : found.start()]
        marks = list(residue.finditer(before))
        if marks:
            caption = " ".join(before[marks[-1].end() :].split())
        rows.append(
            {
                "version": version.id,
                "paragraph": paragraph_number(version, found.start()),
                "offset": found.start(),
                "kind": "photo credit",
                "photographer": " ".join(found.group("name").split()),
                "agency": found.group("agency"),
                "glued to": glued,
                "caption": caption,
                "text": snippet(text, found.start(), found.end(), 0),
            }
        )
    for found in PHOTOGRAPHER.finditer(text):
        rows.append(
            {
                "version": version.id,
                "paragraph": paragraph_number(version, found.start()),
                "offset": found.start(),
                "kind": "photographer named in the text",
                "photographer": found.group("name").strip(),
                "agency": found.group("agency"),
                "glued to": "",
                "caption": "",
                "text": found.group().strip(),
            }
        )
    columns = ["version", "paragraph", "offset", "kind", "photographer", "agency", "glued to"]
    columns += ["caption", "text"]
    table = pd.DataFrame(rows, columns=columns).sort_values("offset")
    return label_headers(table.reset_index(drop=True))
