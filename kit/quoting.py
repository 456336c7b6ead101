"""Each quotation of a text with its speaker, its reporting verb and how the speaker was found.

The working part of :func:`kit.attribution.quotations`: quotation marks come from
:mod:`kit.quotes`, speakers from :mod:`kit.speakers`. A speaker is looked for after the
quotation first ("...," she said / said Ana Ruiz), then before it in the same sentence
(Ana Ruiz said: "..."); a quotation with neither continues the previous speaker, as news
copy does, unless it is a quoted term of a few words.

>>> from kit.locate import as_version
>>> rows = quotation_rows(as_version("“Let me pass,” the woman, identified as Ana Ruiz, sobs."))
>>> rows[0]["speaker"], rows[0]["verb"], rows[0]["resolved_by"]
('Ana Ruiz', 'sobs', 'named in apposition')
"""

from __future__ import annotations

import re
from functools import cache

from kit.lexicons import reporting_verb_forms
from kit.locate import fold, paragraph_starts
from kit.mentions import Mention, Mentions
from kit.quotes import SENTENCE_END, Quotation, quotation_spans
from kit.speakers import (
    DETERMINERS,
    NAME_RUN,
    TITLES,
    gender_of,
    name_runs,
    speaker_from_object,
    speaker_from_subject,
)
from kit.story import Version

__all__ = [
    "analysed",
    "people",
    "quotation_rows",
    "quoted_ranges",
    "reporting_verbs",
    "verb_pattern",
]

_SENTENCE_END = SENTENCE_END
_CLOSE_PUNCTUATION = ",!?…—–-:"
_PLURAL_END = ("ers", "ors", "ists", "ians", "ents", "ants", "als", "ies", "ple", "ice")
_NEAR_QUOTE_WORDS = 6
_PEOPLE_END = ("ers", "ors", "ists", "ians", "ents", "ants", "ials")
_GROUP_NOUNS = frozenset("people police officials authorities residents families".split())
_NEW_CLAUSE = frozenset(
    "and but while whereas as although though when after before because since if so then "
    "who which where".split()
)  # a verb such as "called" reports only a quotation this close to it


@cache
def verb_pattern(quote_only: bool = True) -> re.Pattern:
    """The reporting verbs as one pattern; ``quote_only=False`` leaves out the verbs that
    report only a quotation ("calling it", "sobbed").

    >>> bool(verb_pattern().search("she sobbed")), bool(verb_pattern(False).search("she sobbed"))
    (True, False)
    """
    forms = [
        form
        for form, entry in reporting_verb_forms().items()
        if quote_only or not entry.get("quote_only")
    ]
    forms.sort(key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, form.split())) for form in forms)
    return re.compile(rf"(?<![^\W_])({alternatives})(?![^\W_])", re.I)


def reporting_verbs(text: str, start: int = 0, end: int | None = None, quote_only: bool = True):
    """The reporting verbs in ``text[start:end]``; a capitalised one only where a sentence
    starts ("According to ..."), so "United States" holds no verb "states".

    >>> [m.group() for m in reporting_verbs("Ana said it. According to Bo, it rained.")]
    ['said', 'According to']
    """
    end = len(text) if end is None else end
    for found in verb_pattern(quote_only).finditer(text, start, end):
        if found.group()[0].isupper():
            before = text[max(0, found.start() - 8) : found.start()].rstrip()
            if before and before[-1] not in ".!?…:;\"“”‘’'«»—–-(":
                continue
        yield found


def _quote_only(verb: str) -> bool:
    return bool(reporting_verb_forms().get(" ".join(fold(verb).split()), {}).get("quote_only"))


def _plural(phrase: str) -> bool:
    words = phrase.split()
    return (
        bool(words)
        and len(words) <= 6
        and fold(words[-1]).endswith(_PLURAL_END)
        and (words[0][:1].islower() or len(words) == 1 or fold(words[0]) in DETERMINERS)
    )


def _plural_subjects(paragraph: str):
    """(offset, phrase) of each group that opens a sentence ("Local councillors were ...")."""
    starts = [0] + [found.end() for found in _SENTENCE_END.finditer(paragraph)]
    for start in starts:
        words = list(re.finditer(r"[^\W\d_]+", paragraph[start : start + 50]))[:3]
        for number, word in enumerate(words):
            folded = fold(word.group())
            if number and word.group()[0].isupper():
                break  # a name
            if folded.endswith(_PEOPLE_END) or folded in _GROUP_NOUNS:
                if re.match(r"\s+[a-z]|,", paragraph[start + word.end() :]):
                    yield (
                        start + word.start(),
                        paragraph[start + words[0].start() : start + word.end()],
                    )
                break


def people(version: Version, spans: list[Quotation]) -> Mentions:
    """Everyone a pronoun in ``version`` may stand for: named people and named speakers.

    >>> from kit.locate import as_version
    >>> text = as_version("Ms Ana Ruiz, 34, waited. Officials said no.")
    >>> [(m.name, m.gender, m.speaker) for m in people(text, []).mentions]
    [('Ms Ana Ruiz', 'female', False), ('Officials', '', False), ('Officials', '', True)]
    """
    mentions = Mentions(version.text)
    starts = paragraph_starts(version)
    verbs = verb_pattern(False)
    ranges = quoted_ranges(spans, version.paragraphs)
    for number, paragraph in enumerate(version.paragraphs):
        base = starts[number]
        inside = ranges.get(number, [])
        for found in NAME_RUN.finditer(paragraph):
            if any(a <= found.start() < b for a, b in inside):
                continue
            mention = _person(paragraph, found, base, verbs, mentions)
            if mention:
                mentions.add(mention)
        for at, phrase in _plural_subjects(paragraph):
            mentions.add(Mention(base + at, phrase, "", False, True))
        for verb in reporting_verbs(paragraph, quote_only=False):
            if (
                any(a <= verb.start() < b for a, b in inside)
                or fold(verb.group()) == "according to"
            ):
                continue
            lead = paragraph[_sentence_start(paragraph, verb.start(), inside) : verb.start()]
            speaker, how = speaker_from_subject(lead)
            if how in ("named", "named in apposition", "description"):
                gender = gender_of(" ".join(lead.split()[-12:]), pronouns=False)
                mentions.add(Mention(base + verb.start(), speaker, gender, True, _plural(speaker)))
    return mentions


def _person(paragraph: str, found: re.Match, base: int, verbs: re.Pattern, mentions: Mentions):
    names = name_runs(paragraph[max(0, found.start() - 30) : found.end() + 1])
    name = names[-1] if names else ""
    if not name or not found.group().endswith(name.split()[-1]):
        return None
    if " " not in name and fold(name).endswith(_PEOPLE_END) or fold(name) in _GROUP_NOUNS:
        return None  # "Officials said": a group, found by _plural_subjects
    before = paragraph[max(0, found.start() - 40) : found.start()]
    after = paragraph[found.end() : found.end() + 40]
    words = name.split()
    evidence = (
        re.match(r"\s*,\s*(?:\d{1,3}|a|an|the|who)\b", after)
        or (len(words) > 1 and re.match(r"\s+[a-z]", after))
        or verbs.match(after.lstrip())
        or gender_of(" ".join(before.split()[-2:] + words[:1]), pronouns=False)
        or {fold(w) for w in before.split()[-1:] + words[:1]} & TITLES
    )
    earlier = mentions.surnames.get(fold(words[-1])) if len(words) == 1 else None
    if not evidence and not earlier:
        return None
    sentence_end = _SENTENCE_END.search(paragraph, found.end())
    rest = paragraph[found.end() : sentence_end.start() if sentence_end else len(paragraph)]
    rest = NAME_RUN.split(rest)[0]
    pronoun = re.search(r"\b(?:she|her|hers|herself|he|his|him|himself)\b", rest, re.I)
    gender = gender_of(" ".join(before.split()[-3:] + words), pronouns=False)
    gender = gender or (gender_of(pronoun.group()) if pronoun else "")
    gender = gender or (earlier.gender if earlier else "")
    return Mention(base + found.end() - len(name), name, gender, False)


def quoted_ranges(spans: list[Quotation], paragraphs) -> dict[int, list[tuple[int, int]]]:
    """For each paragraph index, the (start, end) offsets its quotations cover.

    >>> paragraphs = ['"One,', '"two," she said.']
    >>> quoted_ranges(quotation_spans(paragraphs), paragraphs)
    {0: [(0, 5)], 1: [(0, 6)]}
    """
    ranges: dict[int, list[tuple[int, int]]] = {}
    for quote in spans:
        for number in range(quote.paragraph, quote.end_paragraph + 1):
            start = quote.start if quote.paragraph == number else 0
            end = quote.end if quote.end_paragraph == number else len(paragraphs[number])
            ranges.setdefault(number, []).append((start, end))
    return ranges


def _sentence_start(paragraph: str, position: int, inside: list[tuple[int, int]]) -> int:
    start = max(0, position - 600)
    for found in _SENTENCE_END.finditer(paragraph, start, position):
        if not any(a < found.start() < b for a, b in inside):
            start = found.end()
    return start


def _speaker_after(paragraph: str, quote: Quotation, next_open: int):
    """(speaker, how, verb, verb offset) named after the quotation, or None."""
    stop = _SENTENCE_END.search(paragraph, quote.end)
    tail_end = min(next_open, stop.end() if stop else len(paragraph))
    tail = paragraph[quote.end : tail_end]
    last = quote.text.rstrip()[-1:]
    first_word = tail.split()[0] if tail.split() else ""
    immediate = (
        last in _CLOSE_PUNCTUATION
        or tail.lstrip()[:1] in ",—–"
        or (last == "." and first_word[:1].islower())
    )
    found = next(reporting_verbs(tail), None) if immediate else None
    if found and len(tail[: found.start()].split()) <= 14:
        subject = tail[: found.start()].strip(" ,;:–—-")
        if fold(found.group()) == "according to":
            speaker, how = speaker_from_object(tail[found.end() :])
        elif not subject and found.group().endswith("ing"):
            # '"...," saying ...': the speaker is the subject of the sentence
            lead = paragraph[_sentence_start(paragraph, quote.start, []) : quote.start]
            speaker, how = speaker_from_subject(lead + ",")
        elif not subject:  # '"...," said the coach'
            speaker, how = speaker_from_object(tail[found.end() :])
        elif fold(subject.split()[0]) in _NEW_CLAUSE:
            speaker, how = "", ""  # '"...," while another said' starts a new clause
        else:  # next to a quotation, an institution speaks too ("the airline said")
            speaker, how = speaker_from_subject(subject, person_required=False)
        if speaker:
            return speaker, how, found.group(), quote.end + found.start(), subject
    for found in re.finditer(
        rf"(?:^|,)\s*((?:[^\W\d_]+['’]?\s+){{0,6}}?)({verb_pattern(False).pattern})[\s.]*$", tail
    ):
        speaker, how = speaker_from_subject(found.group(1))
        if speaker:
            return speaker, how, found.group(2), quote.end + found.start(2), found.group(1)
    return None


def _speaker_before(paragraph: str, quote: Quotation, inside: list[tuple[int, int]]):
    """(speaker, how, verb, verb offset) named before the quotation in its sentence, or None."""
    start = _sentence_start(paragraph, quote.start, inside)
    stretches: list[list[re.Match]] = [[]]
    for found in reporting_verbs(paragraph, start, quote.start):
        earlier = [b for a, b in inside if b <= found.start() and a >= start]
        if any(a <= found.start() < b for a, b in inside):
            continue
        if earlier and (not stretches[-1] or stretches[-1][-1].start() < max(earlier)):
            stretches.append([])
        if _quote_only(found.group()) and (
            len(paragraph[found.end() : quote.start].split()) > _NEAR_QUOTE_WORDS
            or any(found.end() <= a < quote.start for a, _ in inside)
        ):
            continue
        stretches[-1].append(found)
    for stretch in reversed(stretches):
        # "According to the affidavit, the owner told officers ..." : the owner speaks
        stretch.sort(key=lambda found: fold(found.group()) == "according to")
        for found in stretch:
            if fold(found.group()) == "according to":
                after = re.split(r"[,.;:]", paragraph[found.end() : quote.start])[0]
                speaker, how = speaker_from_object(after)
                subject = after
            else:  # a verb right before the quotation makes its subject a source
                subject = paragraph[start : found.start()]
                close = len(paragraph[found.end() : quote.start].split()) <= 3
                speaker, how = speaker_from_subject(subject, person_required=not close)
            if speaker:
                return speaker, how, found.group(), found.start(), subject
    return None


_CACHE: dict[int, tuple[Version, list[dict], Mentions]] = {}


def quotation_rows(version: Version) -> list[dict]:
    """One dict per quotation: where it is, its text, speaker, verb and how it was found."""
    return [dict(row) for row in analysed(version)[0]]


def analysed(version: Version) -> tuple[list[dict], Mentions]:
    """The quotation rows of ``version`` and the people it names, speakers included.

    Worked out once per version (the lessons ask for them several times); do not change
    what is returned.
    """
    cached = _CACHE.get(id(version))
    if cached is None or cached[0] is not version:
        if len(_CACHE) > 32:
            _CACHE.clear()
        spans = quotation_spans(version.paragraphs)
        mentions = people(version, spans)
        cached = (version, _rows(version, spans, mentions), mentions)
        _CACHE[id(version)] = cached
    return cached[1], cached[2]


def _rows(version: Version, spans: list[Quotation], mentions: Mentions) -> list[dict]:
    paragraphs = version.paragraphs
    ranges = quoted_ranges(spans, paragraphs)
    starts = paragraph_starts(version)
    rows: list[dict] = []
    previous = {"speaker": "", "paragraph": -9}
    for index, quote in enumerate(spans):
        first, last = paragraphs[quote.paragraph], paragraphs[quote.end_paragraph]
        following = spans[index + 1] if index + 1 < len(spans) else None
        later = (
            [following.start] if following and following.paragraph == quote.end_paragraph else []
        )
        found = _speaker_after(last, quote, min(later, default=len(last)))
        where, base = "after the quotation", starts[quote.end_paragraph]
        if not found:
            found = _speaker_before(first, quote, ranges.get(quote.paragraph, []))
            where, base = "before the quotation", starts[quote.paragraph]
        speaker, how, verb, verb_at, subject = found or ("", "", "", -1, "")
        resolved = how
        if how == "pronoun":
            name, distance = mentions.resolve(speaker, base + verb_at)
            resolved = (
                f"pronoun: {speaker} -> {name} ({distance})"
                if name
                else (f"pronoun: {speaker} (not resolved: {distance})")
            )
            speaker = name or speaker
        if not speaker:
            lead = first[: quote.start].strip()
            continues = previous["speaker"] and (
                previous["paragraph"] == quote.paragraph
                or (previous["paragraph"] == quote.paragraph - 1 and _leads_into(lead))
            )
            if len(quote.text.split()) <= 4 and lead and not continues:
                where = "no speaker: a quoted term"
            elif continues:
                speaker, where = previous["speaker"], "same speaker as the previous quotation"
                resolved = "previous quotation"
            else:
                where = "no speaker found"
        elif how != "pronoun" or speaker not in ("he", "she", "they"):
            gender = gender_of(subject) if how != "pronoun" else gender_of(resolved.split()[1])
            mentions.add(Mention(base + max(verb_at, 0), speaker, gender, True, _plural(speaker)))
        if speaker:
            previous = {"speaker": speaker, "paragraph": quote.end_paragraph}
        rows.append(
            {
                "version": version.id,
                "paragraph": quote.paragraph + 1,
                "offset": starts[quote.paragraph] + quote.start,
                "quotation": quote.text,
                "speaker": speaker,
                "verb": verb,
                "attributed": where,
                "resolved_by": resolved,
                "verb_offset": base + verb_at if verb_at >= 0 else -1,
            }
        )
    return rows


def _leads_into(lead: str) -> bool:
    """True when nothing, or words that lead into a quotation ("Then, quietly:"), precede it."""
    return not lead or lead[-1] in ":,—–-"
