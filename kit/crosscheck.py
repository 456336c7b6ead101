"""Checks across versions (used by :func:`kit.artifacts.find_artifacts`): name drift, pronoun
genders that disagree with their referent, and quotations that differ between versions.

All three are heuristics that point to places worth reading, not proof.

>>> import kit
>>> story = kit.load_story()
>>> sorted({f.evidence for f in name_drift(tuple(story))})[0]
'Perez: Lilly (000) / Lety (001) / ledy (004)'
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from nltk import edit_distance  # pure Python: needs no downloaded data

from kit.findings import Finding, make_finding
from kit.lexicons import first_name_sex, stop_words
from kit.locate import fold, normalise_words, snippet
from kit.quoting import quotation_rows
from kit.speakers import NAME_RUN
from kit.story import Version

MALE = {"he", "his", "him", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
_PRONOUN_NEAR = re.compile(
    r"\b(?P<name>[A-ZÀ-Þ][^\W\d_]{2,}(?:\s+[A-ZÀ-Þ][^\W\d_]{2,})*)\b(?P<gap>(?:[\s,]+[^\W_]+){0,4}?)[\s,]+"
    r"(?P<pronoun>he|his|him|himself|she|her|hers|herself)\b"
)


def _first_names(version: Version) -> dict[str, tuple[str, int]]:
    """Surname (folded) -> (first name, offset) at the first full mention in a cased text."""
    names: dict[str, tuple[str, int]] = {}
    for found in NAME_RUN.finditer(version.text):
        words = found.group().split()
        if len(words) >= 2:
            surname = fold(re.sub(r"['’]s$", "", words[-1]))
            names.setdefault(surname, (words[-2], found.start()))
    return names


def name_drift(versions: tuple[Version, ...]) -> list[Finding]:
    """Find people whose first name is spelled differently across versions.

    In text without capitals, the word before the surname counts only if it is close to a
    first name seen in another version (at most two letters differ).
    """
    cased = [v for v in versions if v.has_capital_letters]
    seen = {v.id: _first_names(v) for v in cased}
    surnames = {s for names in seen.values() for s in names}
    for version in versions:
        if version in cased:
            continue
        words = re.findall(r"[^\W_]+", version.text)
        offsets = [m.start() for m in re.finditer(r"[^\W_]+", version.text)]
        found: dict[str, tuple[str, int]] = {}
        for index in range(1, len(words)):
            surname = fold(words[index])
            if surname in surnames and surname not in found:
                before = words[index - 1]
                known = [names[surname][0] for names in seen.values() if surname in names]
                if any(edit_distance(fold(before), fold(k)) <= 2 for k in known):
                    found[surname] = (before, offsets[index - 1])
        seen[version.id] = found
    findings = []
    for surname in sorted(surnames):
        variants = {vid: names[surname] for vid, names in seen.items() if surname in names}
        spellings = {fold(first) for first, _ in variants.values()}
        if len(variants) < 2 or len(spellings) < 2:
            continue
        display = next(
            w for v in versions for w in re.findall(r"[^\W_]+", v.text) if fold(w) == surname
        )
        evidence = f"{display}: " + " / ".join(
            f"{first} ({vid})" for vid, (first, _) in variants.items()
        )
        by_id = {v.id: v for v in versions}
        for vid, (_, offset) in variants.items():
            findings.append(
                make_finding(
                    by_id[vid],
                    offset,
                    "cross-version",
                    "name drift",
                    evidence,
                    "The same person's first name is spelled differently in different versions. "
                    "Names drift when a text is translated (a program may 'correct' an unfamiliar "
                    "name), retyped or re-reported; check the original report.",
                    "comparison of the versions",
                )
            )
    return findings


def _pronoun_links(version: Version) -> list[tuple[str, str, int, str]]:
    links = []
    for found in _PRONOUN_NEAR.finditer(version.body):
        if re.search(r"[.!?;:]", found.group()):
            continue
        name = fold(found.group("name").split()[-1])
        if name in stop_words():
            continue
        pronoun = found.group("pronoun")
        gender = "male" if pronoun in MALE else "female"
        offset = version.body_start + found.start()
        links.append((name, gender, offset, found.group()))
    return links


def _first_name_genders(version: Version) -> dict[str, tuple[str, str]]:
    """Name key (folded) -> (gender, first name) from first names that census records give
    mostly to one sex ("Margaret Oyelaran": oyelaran and margaret -> female)."""
    found = {}
    for surname, (first, _) in _first_names(version).items():
        sex = first_name_sex(first)
        if sex:
            found[surname] = (sex, first)
            found.setdefault(fold(first), (sex, first))
    return found


def pronoun_disagreements(
    versions: tuple[Version, ...], genders: dict[str, str] | None = None
) -> list[Finding]:
    """Pronouns whose gender disagrees with the person they follow ("Perez and his son" for
    a mother), judged against ``genders``, else the versions that are consistent, else the
    person's first name (a name census records give mostly to one sex): the last works on a
    single copy.

    >>> from kit.locate import as_version
    >>> pronoun_disagreements((as_version("Perez and her son. Perez wept."),))
    []
    >>> text = "Nurse Margaret Oyelaran said he had brought the petition himself."
    >>> [f.evidence for f in pronoun_disagreements((as_version(text),))]
    ['Nurse Margaret Oyelaran said he']
    """
    links = {v.id: _pronoun_links(v) for v in versions}
    given = {fold(k): v for k, v in (genders or {}).items()}
    reference = dict(given)
    votes: dict[str, dict[str, int]] = {}
    for version_links in links.values():
        per_name: dict[str, set[str]] = {}
        for name, gender, _, _ in version_links:
            per_name.setdefault(name, set()).add(gender)
        for name, found in per_name.items():
            if len(found) == 1:  # a version that contradicts itself is no evidence
                tally = votes.setdefault(name, {"male": 0, "female": 0})
                tally[next(iter(found))] += 1
    for name, tally in votes.items():
        if name not in reference and tally["male"] != tally["female"]:
            reference[name] = max(tally, key=tally.get)
    findings = []
    by_id = {v.id: v for v in versions}
    for vid, version_links in links.items():
        genders_here: dict[str, set[str]] = {}
        for name, gender, _, _ in version_links:
            genders_here.setdefault(name, set()).add(gender)
        named = _first_name_genders(by_id[vid])
        for name, gender, offset, text in version_links:
            expected = reference.get(name)
            # a single copy votes only for itself: there the first name decides
            by_first_name = name in named and name not in given
            if by_first_name and (len(versions) == 1 or expected is None):
                expected, first = named[name]
                if gender == expected:
                    continue
                people = "women" if expected == "female" else "men"
                why = (
                    f"The pronoun after '{text.split()[0]}' is {gender}, but the first name "
                    f"'{first}' is given almost only to {people} in US census records. "
                )
            elif expected and gender != expected:
                why = (
                    f"The pronoun after '{text.split()[0]}' is {gender}, but elsewhere "
                    f"this person is referred to as {expected}. "
                )
            elif not expected and len(genders_here[name]) > 1:
                why = (
                    f"'{text.split()[0]}' is followed by both male and female pronouns in "
                    "this text; at least one is wrong. "
                )
            else:
                continue
            findings.append(
                make_finding(
                    by_id[vid],
                    offset,
                    "translation",
                    "pronoun gender disagrees",
                    text,
                    why + "Translation programs often guess pronouns wrongly (Spanish 'su' means "
                    "both 'his' and 'her', and subjects are often left out). Check who is meant: "
                    "the pronoun may be about someone else.",
                    "heuristic (pronoun agreement)",
                )
            )
    return findings


def _words(text: str) -> list[str]:
    return normalise_words(text).split()


def quotation_changes(versions: tuple[Version, ...], threshold: float = 0.45) -> list[Finding]:
    """Direct quotations that are clearly the same quotation but worded differently.

    Two quotations count as the same when their words match at least ``threshold``
    (difflib ratio) and share a run of three words.
    """
    by_id = {v.id: v for v in versions}
    ids = [v.id for v in versions]
    unique: dict[str, list[tuple[tuple[str, ...], dict]]] = {}
    for version in versions:
        seen: set[tuple[str, ...]] = set()
        unique[version.id] = []
        for quote in quotation_rows(version):
            words = tuple(_words(quote["quotation"]))
            if words not in seen:  # a repeated quotation is compared once
                seen.add(words)
                unique[version.id].append((words, quote))
    findings = []
    for i, first in enumerate(ids):
        index: dict[tuple[str, ...], list[int]] = {}
        for number, (words, _) in enumerate(unique[first]):
            for k in range(len(words) - 2):
                index.setdefault(words[k : k + 3], []).append(number)
        for second in ids[i + 1 :]:
            for b, qb in unique[second]:
                candidates = sorted(
                    {n for k in range(len(b) - 2) for n in index.get(b[k : k + 3], ())}
                )
                for number in candidates:
                    a, qa = unique[first][number]
                    if len(a) < 4 or len(b) < 4 or a == b:
                        continue
                    matcher = SequenceMatcher(None, a, b, autojunk=False)
                    longest = max(
                        (block.size for block in matcher.get_matching_blocks()), default=0
                    )
                    if matcher.ratio() < threshold or longest < 3:
                        continue
                    changed = [
                        f"'{' '.join(a[i1:i2]) or '—'}' -> '{' '.join(b[j1:j2]) or '—'}'"
                        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
                        if tag != "equal"
                    ]
                    # the finding belongs to ``second``: its own wording first, so a table
                    # cell cut to pandas' column width still shows the words of this version
                    evidence = (
                        f"{second}: “{snippet(qb['quotation'], 0, 70, 0)}” | "
                        f"{first}: “{snippet(qa['quotation'], 0, 70, 0)}”"
                    )
                    findings.append(
                        make_finding(
                            by_id[second],
                            qb["offset"],
                            "cross-version",
                            "quotation differs between versions",
                            evidence,
                            "The same quotation is worded differently: "
                            + "; ".join(changed[:4])
                            + ". A quotation should be the speaker's exact words. Translation "
                            "changes them unavoidably; a tool that swaps words inside quotation "
                            "marks alters what a person said, a serious breach of journalistic "
                            "ethics. Check the original.",
                            "comparison of the versions",
                        )
                    )
    return findings
