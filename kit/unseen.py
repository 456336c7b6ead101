"""Per-student variants: a passage no lesson discussed, made from the student's id.

The last task of each assignment works on an invented news brief (three short wire stories
written for the kit; the towns and people in them do not exist) put through one of three
procedures the lessons show on the real story:

- :func:`spin`: swaps words for near-synonyms, as the spinning tool behind ``001`` did, and
  may swap a neutral reporting verb for one that carries stance;
- :func:`round_trip`: a small rule set standing for English -> Spanish -> English machine
  translation, with the traces ``000`` shows (``his`` for a woman, a Spanish word order, a
  harsher word for a neutral one);
- :func:`strip`: lower-cases, drops punctuation and stop words, as the pipeline behind ``004``
  did (negations go with the stop words).

Which brief, which procedure and which words change all follow from a hash of the student's
id and the assignment, so two students rarely get the same task and the grader, knowing the
id, derives the same key. In PrairieLearn the generator stays on the server; here it ships with
the kit, so a student who reads this file can work out a key: the variants stop answers being
passed round, they are not a lock.

How the id is known: the student types it in the notebook (``STUDENT_ID = "..."``), checked by
:func:`check_student_id`. When grading, :func:`graded_student_id` gives the id the grader
trusts: ``kit grade`` writes the name of the student's submission folder to
:data:`STUDENT_ID_FILE` beside the notebook, and nbgrader's autograde runs the notebook in
``autograded/<student>/<assignment>/``. The hidden test checks that both ids agree.

>>> task = variant("ana.garcia", "ex3_artifacts")
>>> task.procedure in PROCEDURES and task.text != task.original
True
>>> variant("ana.garcia", "ex3_artifacts") == task
True
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from kit.errors import StudentIdError
from kit.lexicons import stop_words
from kit.text import tokenize_words

#: The file ``kit grade`` writes beside a notebook it grades: the submission folder's name.
STUDENT_ID_FILE = ".kit-student-id"
PROCEDURES = ("spun", "translated and back", "stripped", "edited")
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{1,63}")

#: Invented wire briefs (no such towns or people): the material no lesson discussed.
BRIEFS = (
    'EASTBROOK, March 3 (Newswire) - The council of Eastbrook said on Tuesday that the old '
    "river bridge will close for repairs next month. Engineers found cracks in two of its "
    'supports last winter. "The bridge is not safe for heavy trucks," said Maria Lopez, the '
    "city engineer. She said the work should take about six weeks. Residents who cross the "
    "bridge every day will have to use a detour of about 12 kilometres. The council did not "
    "say how much the repairs will cost.",
    "PORT ALDER, June 9 (Newswire) - Police broke up a protest by fishermen outside the "
    "harbour office in Port Alder on Friday. The fishermen say a new quota leaves them without "
    'work for half of the year. "We are not asking for money, we are asking for time," said '
    "Ana Ruiz, who has fished the bay for twenty years. She said the quota was set without "
    "talking to the people who fish. A police spokesman said no one was arrested. The harbour "
    "office did not respond to a request for comment.",
    "GREENFIELD, October 14 (Newswire) - A school in Greenfield will serve free breakfast to "
    "all pupils from next week, the head teacher said on Monday. Teachers noticed that many "
    'children came to class hungry. "No child should have to learn on an empty stomach," said '
    "Sarah Kim, the head teacher. She said the kitchen staff had offered to start early. "
    "Parents will not need to sign up. The city will pay for the first year of the programme.",
)

#: Near-synonyms a spinning tool might choose (each makes an odd, "tortured" wording).
SPIN_SYNONYMS = {
    "repairs": "fixings", "cracks": "fissures", "supports": "backings", "trucks": "lorries",
    "detour": "diversion path", "Residents": "Occupants", "protest": "objection",
    "work": "labour", "money": "currency", "time": "period", "arrested": "captured",
    "breakfast": "morning meal", "pupils": "understudies", "hungry": "ravenous",
    "stomach": "belly", "programme": "scheme", "year": "annum", "kitchen": "galley",
}
#: Reporting verbs a spinner may put in place of the neutral "said", and what each does.
STANCE_VERBS = {
    "said": "It reports the words neutrally.",
    "claimed": "It casts doubt on the words.",
    "admitted": "It presents the words as a concession.",
}
#: The round trip's word rules (English -> Spanish -> English): some neutral words come back
#: harsher, as "clampdown" came back as "suppression" through "represion".
ROUND_TRIP_WORDS = {
    "broke up": "repressed", "old": "ancient", "hungry": "starving",
    "council of Eastbrook": "council of the city of Eastbrook", "noticed": "detected",
    "last winter": "the past winter", "no one": "nobody", "free breakfast": "breakfast free",
    "respond to": "answer to", "pupils": "alumni", "head teacher": "director",
}
#: An editor's choices: the same harsher words, and nothing else changed.
EDITOR_WORDS = {"broke up": "repressed", "old": "ancient", "hungry": "starving"}
#: Which procedures each assignment's task draws from.
ASSIGNMENT_PROCEDURES = {
    "ex1_readability": ("spun", "translated and back", "stripped"),
    "ex2_attribution": ("spun",),
    "ex3_artifacts": ("spun", "translated and back", "stripped"),
    "ex4_framing": ("translated and back", "edited"),
    "ex5_trace": ("spun", "translated and back", "stripped"),
}
#: Wire phrases a faithful copy keeps (ex5 counts how many survive in a copy).
WIRE_PHRASES = (
    "will close for repairs", "not safe for heavy trucks", "broke up a protest",
    "without work", "no one was arrested", "free breakfast", "on an empty stomach",
    "did not respond", "did not say", "will not need",
)
_SHE = re.compile(r"\b(She|she|her|Her)\b")


@dataclass(frozen=True)
class Variant:
    """One student's task: the brief, what was done to it, and what changed."""

    student_id: str
    assignment: str
    original: str
    procedure: str
    text: str
    changes: tuple[tuple[str, str], ...] = field(default=())



def check_student_id(value: object) -> str:
    """Return the id, stripped, if it has the form of a student id; else raise StudentIdError.

    >>> check_student_id(" ana.garcia ")
    'ana.garcia'
    >>> check_student_id("YOUR ID")
    Traceback (most recent call last):
    ...
    kit.errors.StudentIdError: 'YOUR ID' is not a student id: ...
    """
    text = value.strip() if isinstance(value, str) else value
    if not isinstance(text, str) or not _ID.fullmatch(text):
        raise StudentIdError(
            f"{value!r} is not a student id: type the id your instructor gave you (the name of "
            "your hand-in folder), between quotes, e.g. STUDENT_ID = \"ana.garcia\". Valid: "
            "2 to 64 letters, digits, '.', '_', '-' or '@', starting with a letter or digit."
        )
    return text


def graded_student_id(typed: str, folder: str | os.PathLike = ".") -> str:
    """The id the grader trusts: kit grade's id file, else nbgrader's folder, else ``typed``.

    >>> graded_student_id("ana.garcia", folder="no/such/folder")
    'ana.garcia'
    """
    marker = Path(folder) / STUDENT_ID_FILE
    if marker.is_file():
        return marker.read_text(encoding="utf-8").strip()
    if os.environ.get("NBGRADER_EXECUTION") == "autograde":
        return Path(folder).resolve().parent.name
    return typed


def _seed(student_id: str, assignment: str) -> int:
    digest = hashlib.sha256(f"{student_id.strip()}|{assignment}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def spin(text: str, seed: int = 0, stance: str = "said") -> tuple[str, list[tuple[str, str]]]:
    """Swap some words for near-synonyms and the first *said* after a quote for ``stance``.

    Returns the new text and the (original, replacement) pairs, in text order.

    >>> spin('Cracks appeared. "No," said Ana.', seed=0, stance="claimed")
    ('Cracks appeared. "No," claimed Ana.', [('said', 'claimed')])
    >>> spin("The protest grew.", seed=1)[0]
    'The objection grew.'
    """
    chosen = [w for i, w in enumerate(sorted(SPIN_SYNONYMS)) if (seed >> i) & 1 or i % 3 == 0]
    changes: list[tuple[str, str]] = []

    def swap(match: re.Match) -> str:
        word = match.group(0)
        changes.append((word, SPIN_SYNONYMS[word]))
        return SPIN_SYNONYMS[word]

    if chosen:
        text = re.sub(r"\b(" + "|".join(map(re.escape, chosen)) + r")\b", swap, text)
    if stance != "said":
        text, count = re.subn(r'(," )said\b', rf"\g<1>{stance}", text, count=1)
        if count:
            changes.append(("said", stance))
    order = {pair: text.find(pair[1]) for pair in changes}
    return text, sorted(changes, key=order.get)


def round_trip(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Apply the kit's round-trip rules: word rules, then *his*/*he* for every *her*/*she*.

    Spanish *su* is "his" or "her", and a translator that guesses "his" gives the traces of
    ``000`` ("Perez and his son").

    >>> text, changes = round_trip("Police broke up a protest. She said no one was hurt.")
    >>> text
    'Police repressed a protest. He said nobody was hurt.'
    >>> changes
    [('broke up', 'repressed'), ('She', 'He'), ('no one', 'nobody')]
    """
    changes: list[tuple[str, str]] = []
    rules = {k: v for k, v in ROUND_TRIP_WORDS.items() if k != v}
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(rules, key=len)[::-1])) + r")\b")
    pronouns = {"She": "He", "she": "he", "her": "his", "Her": "His"}

    def swap(match: re.Match) -> str:
        word = match.group(0)
        new = pronouns.get(word) or rules[word]
        changes.append((word, new))
        return new

    joined = re.compile(pattern.pattern + "|" + _SHE.pattern)
    return joined.sub(swap, text), changes


def strip(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Lower-case, drop punctuation and stop words, as the pipeline behind ``004`` did.

    Returns the text and the (word, "") pairs of the negations it deleted.

    >>> strip('The bridge is not safe, said Ana.')
    ('bridge safe said ana', [('not', '')])
    """
    words = [w.lower() for w in tokenize_words(text)]
    stops = stop_words()
    lost = [(w, "") for w in words if w in stops and w in ("no", "not", "never", "nor")]
    kept = [w for w in words if w not in stops and any(ch.isalnum() for ch in w)]
    return " ".join(kept), lost


def edit(text: str) -> tuple[str, list[tuple[str, str]]]:
    """An editor's change: only the words of :data:`EDITOR_WORDS`, nothing else.

    >>> edit("Police broke up a protest. She said no one was hurt.")
    ('Police repressed a protest. She said no one was hurt.', [('broke up', 'repressed')])
    """
    changes: list[tuple[str, str]] = []

    def swap(match: re.Match) -> str:
        changes.append((match.group(0), EDITOR_WORDS[match.group(0)]))
        return EDITOR_WORDS[match.group(0)]

    pattern = r"\b(" + "|".join(map(re.escape, EDITOR_WORDS)) + r")\b"
    return re.sub(pattern, swap, text), changes


def variant(student_id: str, assignment: str, procedure: str | None = None) -> Variant:
    """The task of ``student_id`` in ``assignment`` (an exercise name, e.g. ``ex3_artifacts``).

    ``procedure`` fixes the procedure (one of :data:`PROCEDURES`); otherwise the id chooses it
    among the assignment's :data:`ASSIGNMENT_PROCEDURES`.

    >>> variant("ana.garcia", "ex1_readability", procedure="stripped").text[:30]
    'port alder june 9 newswire pol'
    """
    student_id = check_student_id(student_id)
    if assignment not in ASSIGNMENT_PROCEDURES:
        valid = ", ".join(ASSIGNMENT_PROCEDURES)
        raise ValueError(f"No variant task for {assignment!r}; valid: {valid}.")
    seed = _seed(student_id, assignment)
    original = BRIEFS[seed % len(BRIEFS)]
    if procedure is None:
        choices = ASSIGNMENT_PROCEDURES[assignment]
        procedure = choices[(seed >> 8) % len(choices)]
    if procedure == "spun":
        stance = sorted(STANCE_VERBS)[(seed >> 16) % len(STANCE_VERBS)]
        text, changes = spin(original, seed >> 24, stance)
    elif procedure == "translated and back":
        text, changes = round_trip(original)
    elif procedure == "stripped":
        text, changes = strip(original)
    elif procedure == "edited":
        text, changes = edit(original)
    else:
        raise ValueError(f"Unknown procedure {procedure!r}; valid: {', '.join(PROCEDURES)}.")
    return Variant(student_id, assignment, original, procedure, text, tuple(changes))


def passage(student_id: str, assignment: str) -> str:
    """The text of the student's task: an invented wire brief after the id's procedure.

    >>> passage("ana.garcia", "ex3_artifacts") == variant("ana.garcia", "ex3_artifacts").text
    True
    """
    return variant(student_id, assignment).text


def show_passage(student_id: str, assignment: str) -> None:
    """Print the student's passage, or, for an id of the wrong form, what to type (no error,
    so Run All goes on in a notebook where no id is typed yet).

    >>> show_passage("", "ex3_artifacts")
    Type your student id first: '' is not a student id: ...
    """
    try:
        text = passage(student_id, assignment)
    except StudentIdError as error:
        print(f"Type your student id first: {error}")
        return
    print(text)


def source_brief(student_id: str, assignment: str) -> str:
    """The wire brief before the procedure (ex4 shows it beside the changed copy).

    >>> source_brief("ana.garcia", "ex4_framing").startswith(("EASTBROOK", "PORT", "GREEN"))
    True
    """
    return variant(student_id, assignment).original


def reporting_verb(task: Variant) -> str:
    """The verb that reports the quotation in the task's text (``said`` when none was swapped).

    >>> reporting_verb(variant("ana.garcia", "ex2_attribution", procedure="stripped"))
    'said'
    """
    swapped = [new for old, new in task.changes if old == "said"]
    return swapped[0] if swapped else "said"


def expected_answer(student_id: str, assignment: str) -> object:
    """The key of the student's task, as the grader derives it.

    - ex1: words per sentence of the passage (kit's tokenizer and splitter), 0 without
      sentence punctuation;
    - ex2: what the verb reporting the quotation does (a value of :data:`STANCE_VERBS`);
    - ex3: the procedure; ex4: ``"translated and back"`` or ``"edited"``;
    - ex5: how many :data:`WIRE_PHRASES` the passage keeps, compared in lower case.

    >>> expected_answer("ana.garcia", "ex2_attribution") in STANCE_VERBS.values()
    True
    """
    from kit.text import has_sentence_punctuation, split_sentences

    task = variant(student_id, assignment)
    if assignment == "ex1_readability":
        if not has_sentence_punctuation(task.text):
            return 0.0
        return len(tokenize_words(task.text)) / len(split_sentences(task.text))
    if assignment == "ex2_attribution":
        return STANCE_VERBS[reporting_verb(task)]
    if assignment == "ex5_trace":
        return sum(phrase in task.text.lower() for phrase in WIRE_PHRASES)
    return task.procedure
