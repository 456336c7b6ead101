"""Who is speaking: the speaker in the words around a reporting verb, and who "she" is.

News names a speaker before the verb ("Ana Ruiz said"), after it ("said Ana Ruiz"), with an
apposition ("the woman, identified as Ana Ruiz of Lima, sobs"; "Ruiz, a nurse, said"), or
with a pronoun ("she said") that stands for someone named in the same or the previous
sentences. These are patterns, not a grammar: every speaker comes with how it was found, so
a reader can check it.

>>> speaker_from_subject("the woman, identified as Lety Pérez of Guatemala, repeatedly")
('Lety Pérez', 'named in apposition')
>>> speaker_from_subject("Former governor Dan Pruitt reposted the message and")
('Dan Pruitt', 'named')
>>> speaker_from_object("Donna Whitfield, who runs a shop")
('Donna Whitfield', 'named')
"""

from __future__ import annotations

import re

from kit.locate import fold

__all__ = [
    "NAME_RUN",
    "PRONOUNS",
    "TITLES",
    "gender_of",
    "name_runs",
    "speaker_from_object",
    "speaker_from_subject",
]

_UPPER = "A-ZÀ-ÖØ-Þ"
_CAP_WORD = rf"[{_UPPER}][^\W_]*(?:['’\-][^\W_]+)*"
#: A run of capitalised words: a name, maybe with a title ("Former President Ana Ruiz").
NAME_RUN = re.compile(rf"{_CAP_WORD}(?:\s+(?:de|del|la|van|von|y)?\s*{_CAP_WORD})*")
_ORG_HEADS = frozenset(
    "department ministry bank university office secretary minister institute court council "
    "board bureau chamber federation union association museum college society commission "
    "committee agency academy church party director governor".split()
)
_OF_NAME = re.compile(rf"\s+of\s+(?:the\s+)?{_CAP_WORD}(?:\s+{_CAP_WORD})*")
#: Personal pronouns that can stand for a speaker.
PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
DETERMINERS = frozenset(
    "a an the one another some two three four several many most his her their its our this "
    "that these those each every".split()
)
_FUNCTION = DETERMINERS | frozenset(
    "he she they it we i you in on at by for from to of with as after before when while but "
    "and or so yet still later then also according if during since until however meanwhile "
    "asked speaking there here what why who how where even only just now earlier instead "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_PREPOSITIONS = frozenset(
    "of for from in at with to on by about against near under over across into than via".split()
)
_LEAD_INS = _PREPOSITIONS | frozenset(
    "according after before during since until when while although though because if once "
    "as despite following still yet however meanwhile later earlier then now also instead "
    "separately suddenly nevertheless but and so speaking asked asking last this".split()
)
_TRAILING = frozenset(
    "also later then again once still never just has had have was were is are would will "
    "could did does do further now often reportedly previously recently publicly earlier "
    "and but who not never didn't doesn't won't can't".split()
)
#: Words that mark a woman or a man next to a name ("Ms", "the woman", "her son").
FEMALE = frozenset(
    "she her hers herself woman women mother mrs ms miss girl daughter wife sister aunt "
    "grandmother spokeswoman chairwoman congresswoman businesswoman queen princess lady dame "
    "actress widow niece mum mom".split()
)
MALE = frozenset(
    "he him his himself man men father mr boy son husband brother uncle grandfather spokesman "
    "chairman congressman businessman king prince lord sir actor widower nephew dad".split()
)
TITLES = frozenset(
    "mr mrs ms miss dr sir dame lord lady president senator sen governor gov mayor minister "
    "secretary ambassador judge father sister brother rev reverend chief general gen col "
    "captain officer sgt rep representative prime king queen prince princess pope bishop "
    "professor prof former forecaster barber spokesman spokeswoman director chairman".split()
)
_PERSON_NOUNS = frozenset(
    "woman man mother father people police agent agents migrant migrants official officials "
    "officer officers spokesman spokeswoman spokesperson soldier president minister photographer "
    "journalist reporter witness guard mayor governor senator lawyer doctor teacher chief "
    "director commander leader expert analyst source sources resident residents neighbour "
    "neighbor friend relative son daughter husband wife another authorities supporter "
    "supporters critics volunteer volunteers inspectors parents patients nurse".split()
)
_OBJECT_PRONOUNS = frozenset({"him", "them", "it", "me", "us"})
_GROUP_NOUNS = frozenset("people police officials authorities residents critics".split())
_PEOPLE_END = ("ers", "ors", "ists", "ians", "ents", "ants", "ials", "ics")
_PERSON_SUFFIXES = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ent", "ents")


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+(?:['’\-][^\W_]+)*", text)


def gender_of(text: str, pronouns: bool = True) -> str:
    """'female', 'male' or '' from the words of a phrase ("Ms Ruiz", "the woman, ...").

    With ``pronouns=False`` only nouns and titles count: in "Sentencing him, Judge Ana
    Ruiz" the "him" is someone else.

    >>> gender_of("the woman, identified as Ana Ruiz"), gender_of("told him", pronouns=False)
    ('female', '')
    """
    words = {fold(w) for w in _words(text)}
    if not pronouns:
        words -= {"she", "her", "hers", "herself", "he", "him", "his", "himself"}
    female, male = bool(words & FEMALE), bool(words & MALE)
    return "female" if female and not male else "male" if male and not female else ""


def _strip_trailing(text: str) -> str:
    words = text.split()
    while words and (
        words[-1].lower() in _TRAILING or (words[-1].endswith("ly") and words[-1].islower())
    ):
        words.pop()
    return " ".join(words).strip(" ,;:–—-")


def name_runs(part: str) -> list[str]:
    """Names in a phrase: capitalised runs, without leading function words, possessives and
    names that follow a preposition ("of Guatemala", "with the National Guard").

    >>> name_runs("The Department of Transportation and Ana Ruiz of Lima, Mexico's envoy")
    ['Department of Transportation', 'Ana Ruiz']
    """
    names = []
    for found in NAME_RUN.finditer(part):
        words = found.group().split()
        institution = _OF_NAME.match(part, found.end())
        if institution and fold(words[-1]) in _ORG_HEADS:
            words += institution.group().split()  # the Department of Transportation
        while words and fold(words[0].rstrip(".")) in _FUNCTION:
            words.pop(0)
        if not words or (len(words) == 1 and len(words[0]) == 1):
            continue  # an initial or an abbreviation ("U.S.")
        after = part[found.end() : found.end() + 1]
        if re.search(r"['’]s$", words[-1]) or after in ("'", "’"):
            continue  # Mexico's army, Owens' post
        before = [fold(w) for w in part[: found.start()].split()[-2:]]
        if len(words) == len(found.group().split()) and before:
            if before[-1] in _PREPOSITIONS or (
                before[-2:-1] and before[-2] in _PREPOSITIONS and before[-1] in DETERMINERS
            ):
                continue  # of Guatemala, with the National Guard
            if before[-1] in {"the", "a", "an"} and re.match(r"\s+[a-z]", part[found.end() :]):
                continue  # the US figures, the Reuters photographer
        names.append(" ".join(words).rstrip(","))
    return names


def _is_person_phrase(words: list[str]) -> bool:
    head = [fold(w) for w in words if fold(w) not in _PREPOSITIONS]
    for word in head[1:4] if head and head[0] in DETERMINERS else head[:3]:
        if word in _PERSON_NOUNS or word.endswith(_PERSON_SUFFIXES):
            return True
    return head[:1] == ["another"]


def _plural_person(word: str) -> bool:
    word = fold(word)
    return word in _GROUP_NOUNS or (word.endswith("s") and word.endswith(_PEOPLE_END))


def _description(part: str, person_required: bool) -> str:
    words = part.split()
    if 0 < len(words) <= 6 and (
        _plural_person(words[0]) or (len(words) > 1 and _plural_person(words[1]))
    ):
        return " ".join(words)  # officials, U.S. officials, protesters outside the embassy
    if not words or len(words) > 9 or fold(words[0]) not in DETERMINERS:
        return ""
    if len(words) == 1 and fold(words[0]) != "another":
        return ""  # a determiner alone ("A") names nobody
    for index, word in enumerate(words[2:], start=2):  # the soldier dressed in ... -> the soldier
        if (
            word.islower()
            and word.endswith(("ed", "ing"))
            and fold(words[index - 1]) not in _PREPOSITIONS
        ):
            words = words[:index]
            break
    if person_required and not _is_person_phrase(words):
        return ""
    return " ".join(words)


def _from_part(part: str, person_required: bool) -> tuple[str, str]:
    """The speaker in one phrase with no comma: a pronoun, a name or a description."""
    part = _strip_trailing(part)
    words = part.split()
    if not words:
        return "", ""
    if words[-1].lower() in PRONOUNS:
        return words[-1], "pronoun"
    names = name_runs(part)
    if names:
        return names[-1], "named"
    description = _description(part, person_required)
    return (description, "description") if description else ("", "")


def _leading(part: str, person_required: bool) -> tuple[str, str]:
    """The subject at the start of a clause ("Calderón retweeted the post" -> Calderón)."""
    words = part.split()
    if words and words[0].lower() in PRONOUNS:
        return words[0], "pronoun"
    kept = []
    for word in words:
        bare = fold(word.strip(",.;:"))
        if kept and word[:1].islower() and bare not in TITLES and bare not in _PERSON_NOUNS:
            if not (bare in DETERMINERS and not kept):
                break
        kept.append(word)
    return _from_part(" ".join(kept), person_required) if kept else ("", "")


def _is_clause(part: str) -> bool:
    """A verb and its object ("shared a photo"), not a noun phrase ("a mother of two")."""
    words = part.split()
    for word, following in zip(words, words[1:], strict=False):
        if word.islower() and fold(word) not in _PREPOSITIONS | DETERMINERS | _PERSON_NOUNS:
            if fold(following) in DETERMINERS | _OBJECT_PRONOUNS:
                return True
    return False


def _is_lead_in(part: str) -> bool:
    words = part.split()
    return bool(words) and (
        fold(words[0]) in _LEAD_INS or (words[0][:1].isupper() and words[0].endswith(("ed", "ing")))
    )


def _from_chain(chain: list[str], person_required: bool) -> tuple[str, str]:
    """Head and appositions ("the woman", "identified as Lety Pérez"): name the person."""
    head = chain[0]
    speaker, how = (_leading if _is_clause(head) else _from_part)(head, person_required)
    if how in ("named", "pronoun"):
        return speaker, how
    for apposition in chain[1:]:
        if _is_clause(apposition):
            break
        names = name_runs(apposition)
        if names:
            return names[0], "named in apposition"
    return speaker, how


def _clean(text: str) -> str:
    text = re.sub(r",\s*(?:who|which|whose|whom)\b[^,]*(?:,|$)", ",", text)
    return re.sub(r"[“”\"‘’']", " ", text) if not re.search(r"\w['’]\w", text) else text


def speaker_from_subject(text: str, person_required: bool = True) -> tuple[str, str]:
    """The speaker in the words just before a reporting verb, and how it was found.

    ``how`` is "named", "named in apposition", "description" ("a spokesman"), "pronoun"
    (to be resolved by :class:`kit.mentions.Mentions`) or "" when no speaker is clear.

    >>> speaker_from_subject("The education secretary, Philip Marsh,")
    ('Philip Marsh', 'named in apposition')
    >>> speaker_from_subject("According to Gonzalez, the soldier dressed in desert fatigues,")
    ('the soldier', 'description')
    >>> speaker_from_subject("the city had")
    ('', '')
    """
    text = re.split(r"[;:]|\b(?:that|because|whether|although|though|whereas)\s", _clean(text))[-1]
    parts = text.split(",")
    adjacent = parts[-1]
    stripped = _strip_trailing(adjacent)
    coordinated = bool(re.search(r"\b(?:and|but|then)\s*$", adjacent))
    # "the woman, identified as Ana Ruiz" ends with an apposition, not with the subject
    apposition = (
        len(parts) > 1 and not coordinated and bool(re.match(r"\s*[a-z]+(?:ed|ing)\s", adjacent))
    )
    if stripped and not coordinated and not apposition:
        words = stripped.split()
        if words[-1].lower() in PRONOUNS:
            return words[-1], "pronoun"
        clause = re.split(r"\b(?:after|before|when|while|as|since|and|but|where|if)\s", stripped)
        speaker, how = _from_part(clause[-1], person_required)
        if speaker and not _is_clause(clause[-1]):
            return speaker, how
        if len(parts) == 1 or speaker:
            return (speaker, how) if speaker else _leading(clause[-1], person_required)
    elif stripped and coordinated:
        speaker, how = _leading(stripped, person_required)
        if speaker:
            return speaker, how
    chain: list[str] = [stripped] if apposition else []
    for number in range(len(parts) - 2, -1, -1):
        part = parts[number].strip(" –—-")
        if not part:
            continue
        if _is_lead_in(part):
            if number == 0 or part[:1].isupper():
                break  # "In June, ..." opens the sentence
            continue  # "..., speaking at a rally, said": an aside between subject and verb
        chain.insert(0, part)
        if _is_clause(part) or len(chain) == 4:
            break
    if not chain:
        return "", ""
    return _from_chain(chain, person_required)


def speaker_from_object(text: str, person_required: bool = False) -> tuple[str, str]:
    """The speaker named after an inverted verb ("said Ana Ruiz, a nurse, on Monday").

    >>> speaker_from_object("a spokesman for the trust")
    ('a spokesman for the trust', 'description')
    >>> speaker_from_object("the coach, Jürgen Becker.", person_required=True)
    ('Jürgen Becker', 'named in apposition')
    """
    parts = [p.strip() for p in _clean(text).split(",") if p.strip()]
    if not parts:
        return "", ""
    head = re.split(r"\s(?:on|in|at|during|after|before|when|while|that)\s", parts[0])[0]
    speaker, how = (_leading if _is_clause(head) else _from_part)(head, person_required)
    described = how == "description" or (not how and head.split()[0].lower() in DETERMINERS)
    if described and len(parts) > 1:  # said the coach, Jürgen Becker
        names = name_runs(parts[1])
        if names and not _is_clause(parts[1]):
            return names[0], "named in apposition"
    return speaker, how
