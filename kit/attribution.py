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
from kit.locate import as_version, as_versions, fold, paragraph_starts, snippet
from kit.story import Story, Version

__all__ = [
    "attribution_limits",
    "attributions",
    "datelines",
    "photo_credits",
    "quotations",
    "sources_table",
]

_UPPER = "A-ZÀ-ÖØ-Þ"
_CAP_WORD = rf"[{_UPPER}][^\W_]*(?:['’\-][^\W_]+)*"
NAME_RUN = re.compile(rf"{_CAP_WORD}(?:\s+(?:de|del|la|van|von|y)?\s*{_CAP_WORD})*")
_QUOTE_MARKS = re.compile(r"[\"“”„«»]")
_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")
_DETERMINERS = frozenset({"a", "an", "the", "one", "another"})
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
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


def _verb_pattern() -> re.Pattern:
    forms = sorted(reporting_verb_forms(), key=len, reverse=True)
    return re.compile(
        r"(?<![^\W_])(" + "|".join(r"\s+".join(f.split()) for f in forms) + r")(?![^\W_])", re.I
    )


def _quote_spans(paragraph: str) -> list[tuple[int, int]]:
    marks = [m.start() for m in _QUOTE_MARKS.finditer(paragraph)]
    spans = [(marks[i], marks[i + 1] + 1) for i in range(0, len(marks) - 1, 2)]
    if len(marks) % 2:  # an unclosed quotation runs to the end of the paragraph
        spans.append((marks[-1], len(paragraph)))
    return spans


def _speaker_from_part(part: str, person_required: bool) -> str:
    part = re.split(r"\b(?:that|when|while|and|but)\s", part)[-1]
    words = " ".join(part.split()).strip(" ,;:–—-").split()
    if not words or len(words) > 8:
        return ""
    if words[0].lower() in _DETERMINERS and len(words) > 1:
        if words[1][:1].islower() or words[-1][:1].islower():
            if not person_required or _PERSON_WORDS & {fold(w) for w in words}:
                return " ".join(words)
            return ""
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return words[0]
    runs = NAME_RUN.findall(" ".join(words))
    return re.sub(r"['’]s$", "", runs[-1]) if runs else ""


def _speaker_from_subject(subject: str, person_required: bool = True) -> str:
    """The speaker named in the words before a reporting verb ("" when none is clear)."""
    subject = re.split(r",\s+(?:who|which|whose)\b", subject)[0]
    for part in reversed(subject.split(",")):
        speaker = _speaker_from_part(part, person_required)
        if speaker:
            return speaker
    return ""


def _name_key(speaker: str) -> str:
    words = fold(speaker).split()
    if not words or speaker.split()[0].lower() in _DETERMINERS | _PRONOUNS:
        return ""
    return re.sub(r"[^\w]", "", words[-1])


def _find_speaker(paragraph: str, start: int, end: int, verbs: re.Pattern):
    """Return (speaker, verb, where, verb position) for the quotation at paragraph[start:end]."""
    next_mark = _QUOTE_MARKS.search(paragraph, end)
    stop = _SENTENCE_END.search(paragraph, end)
    tail_end = (
        min(x.start() for x in (next_mark, stop) if x) if (next_mark or stop) else len(paragraph)
    )
    tail = paragraph[end:tail_end]
    inverted = re.match(
        rf"\s*,?\s*({verbs.pattern})\s+({NAME_RUN.pattern}|(?:a|an|the)\s+\w+)", tail
    )
    if inverted:
        speaker = _speaker_from_subject(inverted.group(inverted.lastindex), False)
        return speaker, inverted.group(1), "after", end + inverted.start(1)
    for found in re.finditer(
        rf"(?:^|,)\s*((?:[^\W\d_]+['’]?\s+){{0,6}}?)({verbs.pattern})\s*$", tail
    ):
        speaker = _speaker_from_subject(found.group(1))
        if speaker:
            return speaker, found.group(2), "after", end + found.start(2)
    sentence_start = max(0, start - 600)
    for found in _SENTENCE_END.finditer(paragraph, sentence_start, start):
        sentence_start = found.end()
    lead = paragraph[sentence_start:start]
    lead_verbs = list(verbs.finditer(lead))
    if lead_verbs:
        verb = lead_verbs[-1]
        subject = lead[: verb.start()]
        if fold(verb.group()) == "according to":
            return (
                _speaker_from_subject(lead[verb.end() :], person_required=False),
                verb.group(),
                "before",
                sentence_start + verb.start(),
            )
        return _speaker_from_subject(subject), verb.group(), "before", sentence_start + verb.start()
    return "", "", "", -1


def _quotes(version: Version) -> list[dict]:
    verbs = _verb_pattern()
    rows = []
    starts = paragraph_starts(version)
    for number, paragraph in enumerate(version.paragraphs, start=1):
        base = starts[number - 1]
        previous = ""
        for start, end in _quote_spans(paragraph):
            inner = paragraph[start + 1 : end - 1].strip() if end - start > 1 else ""
            if not inner:
                continue
            speaker, verb, where, verb_at = _find_speaker(paragraph, start, end, verbs)
            if speaker.lower() in _PRONOUNS and previous:
                speaker, where = previous, f"{where}; '{speaker}' taken as {previous}"
            how = {"after": "after the quotation", "before": "before the quotation"}.get(
                where, where
            )
            if not speaker and previous:
                speaker, how = previous, "same speaker as the previous quotation"
            elif not speaker:
                how = "no speaker: a quoted term" if len(inner.split()) <= 4 else "no speaker found"
            previous = speaker or previous
            rows.append(
                {
                    "version": version.id,
                    "paragraph": number,
                    "offset": base + start,
                    "quotation": inner,
                    "speaker": speaker,
                    "verb": verb,
                    "attributed": how,
                    "verb_offset": base + verb_at if verb_at >= 0 else -1,
                }
            )
    return rows


def quotations(target: Version | str):
    """Each direct quotation (straight or curly quotation marks) with its speaker and verb.

    Columns: version, paragraph, offset, quotation, speaker, verb, attributed (where the
    speaker was found: "after the quotation", "before it", "same speaker as the previous
    quotation", or "no speaker: a quoted term"). Text without quotation marks gives no rows:
    see :func:`attribution_limits`.

    >>> table = quotations("“We will stay,” said Ana Ruiz.")
    >>> table[["quotation", "speaker", "verb"]].values.tolist()
    [['We will stay,', 'Ana Ruiz', 'said']]
    """
    import pandas as pd

    version = as_version(target)
    columns = ["version", "paragraph", "offset", "quotation", "speaker", "verb", "attributed"]
    return label_headers(pd.DataFrame(_quotes(version), columns=columns))


def _is_person(speaker: str) -> bool:
    if speaker.startswith("("):
        return False
    return bool(_name_key(speaker)) or bool(_PERSON_WORDS & set(fold(speaker).split()))


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    return any(start < position < end for start, end in spans)


def _lowercase_speaker(words_before: list[str], known: set[str]) -> str:
    for word in reversed(words_before[-3:]):
        if fold(word) in known or word in ROLE_WORDS or word in _PRONOUNS:
            return word
    return "(unclear)"


def attributions(target: Version | str, known_names: tuple[str, ...] = ()):
    """Every attribution: direct quotations and reported speech, with verb and stance.

    Columns: version, paragraph, offset, kind ("direct quotation", "reported speech",
    "according to"), speaker, verb, stance, evidence (the words around it).

    In text without capitals (version 004) names cannot be told from words: a speaker is
    given only where one of ``known_names`` (e.g. found in other versions) or a role word
    ("photographer") stands just before the verb; otherwise "(unclear)".

    >>> table = attributions("The minister claimed the border was calm.")
    >>> table[["speaker", "verb", "stance"]].values.tolist()
    [['The minister', 'claimed', 'casts doubt']]
    """
    import pandas as pd

    version = as_version(target)
    verbs, lexicon = _verb_pattern(), reporting_verb_forms()
    cased = any(ch.isupper() for ch in version.body)
    known = {_name_key(name) for name in known_names} - {""}
    rows = []

    def add(number, offset, kind, speaker, verb, paragraph, position):
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
            }
        )

    quotes = _quotes(version)
    used = {quote["verb_offset"] for quote in quotes}
    starts = paragraph_starts(version)
    for number, paragraph in enumerate(version.paragraphs, start=1):
        base = starts[number - 1]
        spans = _quote_spans(paragraph)
        for quote in quotes:
            if quote["paragraph"] == number and quote["verb"]:
                at = quote["verb_offset"] - base
                add(
                    number,
                    quote["offset"],
                    "direct quotation",
                    quote["speaker"],
                    quote["verb"],
                    paragraph,
                    at,
                )
        last_speaker = ""
        for verb in verbs.finditer(paragraph):
            if _inside(spans, verb.start()) or base + verb.start() in used:
                continue
            word = fold(verb.group())
            entry = lexicon.get(word, {})
            if not cased and entry and word == entry["forms"][0] and word != "according to":
                continue  # a bare "claim" or "ask" is as often a noun or infinitive
            if word == "according to":
                after = paragraph[verb.end() : verb.end() + 60]
                target_np = re.split(r"[,.;:]|\bthat\b", after)[0]
                words = target_np.split()[:5]
                speaker = _speaker_from_subject(" ".join(words), False) or " ".join(words)
                kind = "according to"
            elif cased:
                window = max(0, verb.start() - 400)
                clause_start = max(paragraph.rfind(".", window, verb.start()) + 1, window)
                speaker = _speaker_from_subject(paragraph[clause_start : verb.start()])
                after = re.match(rf"\s+({NAME_RUN.pattern})", paragraph[verb.end() :])
                if not speaker and after:
                    speaker = after.group(1)
                kind = "reported speech"
            else:
                before = paragraph[max(0, verb.start() - 200) : verb.start()]
                speaker = _lowercase_speaker(before.split(), known)
                kind = "reported speech"
            if speaker.lower() in _PRONOUNS and last_speaker:
                speaker = f"{speaker} (= {last_speaker})"
            elif kind != "according to" and _is_person(speaker):
                last_speaker = speaker
            if not speaker:
                continue
            add(number, base + verb.start(), kind, speaker, verb.group(), paragraph, verb.start())
    columns = ["version", "paragraph", "offset", "kind", "speaker", "verb", "stance", "evidence"]
    table = pd.DataFrame(rows, columns=columns)
    return label_headers(table.sort_values("offset", kind="stable").reset_index(drop=True))


def attribution_limits(target: Version | str) -> list[str]:
    """What this text no longer lets a reader tell about who said what (empty if nothing).

    >>> attribution_limits("gonzalez told reuters soldier said following order")[0][:40]
    'No quotation marks: direct quotations ca'
    """
    version = as_version(target)
    body = version.body
    limits = []
    if body.strip() and not _QUOTE_MARKS.search(body):
        limits.append(
            "No quotation marks: direct quotations cannot be told from the writer's paraphrase, "
            "so who said exactly what is lost."
        )
    if body.strip() and not any(ch.isupper() for ch in body):
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
        if not any(ch.isupper() for ch in version.body):
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
        if not any(ch.isupper() for ch in version.body):
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
