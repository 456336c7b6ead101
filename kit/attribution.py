"""Source attribution: who is quoted, who is reported, and with which verb.

News reports attribute information: a direct quotation in quotation marks, reported speech
("X said the soldier ..."), or "according to X". The verb carries a stance: "said" is
neutral, "claimed" casts doubt, "admitted" implies a concession (see
``data/lexicons/reporting_verbs.toml``). These functions find attributions with patterns, not
with a grammar: read them as a first pass to check against the text.

Main entry points:

- :func:`quotations` (version) -> DataFrame: each direct quotation and its speaker
- :func:`attributions` (version) -> DataFrame: every attribution, direct or indirect, with stance
- :func:`sources_table` (story) -> DataFrame: which named source appears how in which version
- :func:`attribution_limits` (version) -> list of what this text no longer lets us tell
- :func:`datelines` / :func:`photo_credits` (version) -> DataFrames (in ``kit.credits``)

>>> import kit
>>> story = kit.load_story()
>>> table = sources_table(story).set_index("source")
>>> table.loc["Jesus Ramirez", ["000", "001", "004"]].tolist()
['—', 'quoted directly', '—']
>>> quotes = quotations(story["000"])
>>> quotes.loc[quotes["speaker"].str.contains("Calderon"), "quotation"].iloc[0][:26]
'It is a matter of shame, t'
"""

from __future__ import annotations

import re

from kit.accessible import label_headers
from kit.credits import datelines, photo_credits
from kit.lexicons import reporting_verb_forms
from kit.locate import as_version, as_versions, fold, paragraph_number, paragraph_starts, snippet
from kit.quotes import QUOTE_MARKS, quotation_spans
from kit.quoting import analysed, quotation_rows, quoted_ranges, reporting_verbs
from kit.speakers import DETERMINERS, NAME_RUN, PRONOUNS, speaker_from_subject
from kit.story import Story, Version

__all__ = [
    "attribution_limits",
    "attributions",
    "datelines",
    "photo_credits",
    "quotations",
    "sources_table",
]

_PRONOUNS = PRONOUNS | {"it"}
#: Role words that may stand for a speaker in text without capitals (version 004).
ROLE_WORDS = frozenset(
    "photographer spokesman spokeswoman spokesperson official officer soldier president "
    "agent minister journalist reporter advocate guard witness".split()
)
_PERSON_WORDS = ROLE_WORDS | frozenset(
    "woman man mother father people police agents migrant migrants ministry office government "
    "embassy court judge spokesmen officials authorities mayor governor senator lawyer doctor "
    "teacher chief director commander leader expert analyst source sources resident residents "
    "neighbour neighbor friend relative son daughter husband wife".split()
)


def _name_key(speaker: str) -> str:
    words = fold(speaker).split()
    if not words or speaker.split()[0].lower() in DETERMINERS | _PRONOUNS:
        return ""
    return re.sub(r"[^\w]", "", words[-1])


def quotations(target: Version | str):
    """Each direct quotation with its speaker, its reporting verb and how the speaker was found.

    Quotations in double or single marks, straight or curly, are found; a quotation inside
    another stays in its text; one that runs over several paragraphs (each opening with a
    mark, only the last closing) is one row. Apostrophes (don't, migrants') are not marks.

    Columns: version, paragraph, offset, quotation, speaker, verb, attributed (where the
    speaker was found: "after the quotation", "before the quotation", "same speaker as the
    previous quotation", "no speaker: a quoted term" or "no speaker found"), resolved_by
    ("named", "named in apposition", "description" such as "a spokesman", "pronoun: she ->
    NAME (previous sentence)", "previous quotation"). Text without quotation marks gives no
    rows: see :func:`attribution_limits`.

    >>> table = quotations("“We will stay,” said Ana Ruiz.")
    >>> table[["quotation", "speaker", "verb", "resolved_by"]].values.tolist()
    [['We will stay,', 'Ana Ruiz', 'said', 'named']]
    >>> text = "Ana Ruiz, a nurse, waited. ‘We don’t know,’ she says."
    >>> quotations(text).loc[0, ["speaker", "resolved_by"]].tolist()
    ['Ana Ruiz', 'pronoun: she -> Ana Ruiz (previous sentence)']
    """
    import pandas as pd

    version = as_version(target)
    columns = ["version", "paragraph", "offset", "quotation", "speaker", "verb", "attributed"]
    return label_headers(pd.DataFrame(quotation_rows(version), columns=[*columns, "resolved_by"]))


def _is_person(speaker: str) -> bool:
    if speaker.startswith("("):
        return False
    return bool(_name_key(speaker)) or bool(_PERSON_WORDS & set(fold(speaker).split()))


def _lowercase_speaker(words_before: list[str], known: set[str]) -> str:
    for word in reversed(words_before[-3:]):
        if fold(word) in known or word in ROLE_WORDS or word in _PRONOUNS:
            return word
    return "(unclear)"


def _reported_speaker(paragraph: str, verb: re.Match, cased: bool, known: set[str]):
    """(kind, speaker, how) for a reporting verb outside quotation marks."""
    if fold(verb.group()) == "according to":
        after = re.split(r"[,.;:]|\bthat\b", paragraph[verb.end() : verb.end() + 60])[0]
        words = " ".join(after.split()[:5])
        speaker, how = speaker_from_subject(words, False)
        return "according to", speaker or words, how or "description"
    if not cased:
        before = paragraph[max(0, verb.start() - 200) : verb.start()]
        return "reported speech", _lowercase_speaker(before.split(), known), ""
    window = max(0, verb.start() - 400)
    clause_start = max(paragraph.rfind(".", window, verb.start()) + 1, window)
    speaker, how = speaker_from_subject(paragraph[clause_start : verb.start()])
    after = re.match(rf"\s+({NAME_RUN.pattern})", paragraph[verb.end() :])
    if not speaker and after:
        speaker, how = after.group(1), "named"
    return "reported speech", speaker, how


def attributions(target: Version | str, known_names: tuple[str, ...] = ()):
    """Every attribution: direct quotations and reported speech, with verb and stance.

    Columns: version, paragraph, offset, kind ("direct quotation", "reported speech",
    "according to"), speaker, verb, stance, evidence (the words around it), resolved_by
    (how the speaker was found, as in :func:`quotations`). Verbs that only report a
    quotation ("sobbed", "calling it") count only next to one.

    In text without capitals (version 004) names cannot be told from words: a speaker is
    given only where one of ``known_names`` (e.g. found in other versions) or a role word
    ("photographer") stands just before the verb; otherwise "(unclear)".

    >>> table = attributions("The minister claimed the border was calm.")
    >>> table[["speaker", "verb", "stance"]].values.tolist()
    [['The minister', 'claimed', 'casts doubt']]
    """
    import pandas as pd

    version = as_version(target)
    lexicon = reporting_verb_forms()
    cased = version.has_capital_letters
    known = {_name_key(name) for name in known_names} - {""}
    spans = quotation_spans(version.paragraphs)
    quotes, mentions = analysed(version) if cased or spans else ([], None)
    ranges = quoted_ranges(spans, version.paragraphs)
    rows = []

    def add(number, offset, kind, speaker, verb, paragraph, position, how):
        entry = lexicon.get(" ".join(verb.lower().split()), {})
        rows.append(
            {
                "version": version.id,
                "paragraph": number,
                "offset": offset,
                "kind": kind,
                "speaker": speaker,
                "verb": verb,
                "stance": entry.get("stance", ""),
                "evidence": snippet(paragraph, position, position + len(verb), 45),
                "resolved_by": how,
            }
        )

    used = {quote["verb_offset"] for quote in quotes}
    starts = paragraph_starts(version)
    for quote in quotes:
        if quote["verb"]:
            number = paragraph_number(version, quote["verb_offset"])
            paragraph, at = (
                version.paragraphs[number - 1],
                quote["verb_offset"] - starts[number - 1],
            )
            add(
                quote["paragraph"],
                quote["offset"],
                "direct quotation",
                quote["speaker"],
                quote["verb"],
                paragraph,
                at,
                quote["resolved_by"],
            )
    for number, paragraph in enumerate(version.paragraphs, start=1):
        base = starts[number - 1]
        inside = ranges.get(number - 1, [])
        for verb in reporting_verbs(paragraph, quote_only=False):
            if any(a < verb.start() < b for a, b in inside) or base + verb.start() in used:
                continue
            word = fold(verb.group())
            entry = lexicon.get(word, {})
            if not cased and entry and word == entry["forms"][0] and word != "according to":
                continue  # a bare "claim" or "ask" is as often a noun or infinitive
            kind, speaker, how = _reported_speaker(paragraph, verb, cased, known)
            if how == "pronoun" and cased:
                name, distance = mentions.resolve(speaker, base + verb.start())
                how = (
                    f"pronoun: {speaker} -> {name} ({distance})"
                    if name
                    else (f"pronoun: {speaker} (not resolved: {distance})")
                )
                speaker = f"{speaker} (= {name})" if name else speaker
            if not speaker:
                continue
            add(
                number,
                base + verb.start(),
                kind,
                speaker,
                verb.group(),
                paragraph,
                verb.start(),
                how,
            )
    columns = ["version", "paragraph", "offset", "kind", "speaker", "verb", "stance", "evidence"]
    table = pd.DataFrame(rows, columns=[*columns, "resolved_by"])
    return label_headers(table.sort_values("offset", kind="stable").reset_index(drop=True))


def attribution_limits(target: Version | str) -> list[str]:
    """What this text no longer lets a reader tell about who said what (empty if nothing).

    >>> attribution_limits("gonzalez told reuters soldier said following order")[0][:40]
    'No quotation marks: direct quotations ca'
    """
    version = as_version(target)
    body = version.body
    limits = []
    if (
        body.strip()
        and not quotation_spans(version.paragraphs)
        and not any(mark in body for mark in QUOTE_MARKS if mark not in "'’")
    ):
        limits.append(
            "No quotation marks: direct quotations cannot be told from the writer's paraphrase, "
            "so who said exactly what is lost."
        )
    if body.strip() and not version.has_capital_letters:
        limits.append(
            "No capital letters: names cannot be told from ordinary words, so speakers are "
            "only guessed where a known name or a role word stands next to the verb."
        )
    folded = f" {fold(body)} "
    if len(body.split()) >= 50 and folded.count(" that ") + folded.count(" the ") < 2:
        limits.append(
            "Stop words such as 'that' and 'the' are gone: reported speech ('said that ...') "
            "cannot be separated from the writer's own words."
        )
    return limits


def sources_table(target: Story | Version | str):
    """Which named source appears in which version, and how: one row per source.

    A cell says "quoted directly", "reported speech", "named only" or "—" (absent). Names
    are matched by surname, ignoring case and accents; in text without capitals a speaker
    counts only next to a name found in another version (see :func:`attributions`).

    >>> import kit
    >>> table = sources_table(kit.load_story()).set_index("source")
    >>> table.loc["Gonzalez", "004"]
    'reported speech'
    """
    import pandas as pd

    versions = as_versions(target)
    found: dict[str, dict] = {}
    tables = {}
    for version in versions:
        table = attributions(version)
        tables[version.id] = table
        if not version.has_capital_letters:
            continue  # speakers in text without capitals are guesses, not names
        for speaker in table["speaker"]:
            key = _name_key(speaker)
            if key and "(" not in speaker:
                entry = found.setdefault(key, {"source": speaker})
                if len(speaker) > len(entry["source"]):
                    entry["source"] = speaker
    names = tuple(entry["source"] for entry in found.values())
    per_version = []  # worked out once, not once per source
    for version in versions:
        table = tables[version.id]
        if not version.has_capital_letters:
            table = attributions(version, known_names=names)
        words = set(re.findall(r"[^\W_]+", fold(version.body)))
        per_version.append((version.id, table, table["speaker"].map(_name_key), words))
    rows = []
    for key, entry in found.items():
        row = {"source": entry["source"]}
        for version_id, table, keys, words in per_version:
            mine = table[keys == key]
            if (mine["kind"] == "direct quotation").any():
                row[version_id] = "quoted directly"
            elif len(mine):
                row[version_id] = "reported speech"
            elif key in words:
                row[version_id] = "named only"
            else:
                row[version_id] = "—"
        rows.append(row)
    return label_headers(pd.DataFrame(rows, columns=["source", *[v.id for v in versions]]))
