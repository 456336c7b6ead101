"""Practice questions for lessons: a Check button, feedback for each option, retries.

The answer key travels inside an encoded token, so a lesson notebook does not show the answer
in plain text. This only spares students accidental spoilers: anyone can decode a token
(:func:`decode_practice`), so never use practice questions for grading. Nothing is written to
disk.

A spec is a dict (or one ``[[question]]`` table of a TOML file, see ``python -m kit.quiz``):

>>> spec = {
...     "id": "punct",
...     "kind": "single",
...     "prompt": "Which version has **no** sentence punctuation?",
...     "options": [
...         {"text": "000", "correct": False, "explain": "000 keeps its full stops."},
...         {"text": "004", "correct": True, "explain": "004 lost its punctuation."},
...     ],
... }
>>> token = encode_practice(spec)
>>> token.startswith("kitq1.") and "004 lost" not in token
True
>>> question = practice(token)
>>> question.choose("000")
>>> question.check()
False
>>> question.feedback
'✘ Not quite. 000: 000 keeps its full stops. Try again.'
>>> question.choose("004")
>>> question.check()
True
"""

from __future__ import annotations

import base64
import binascii
import html
import json
import zlib
from typing import Any

from kit.quiz.checks import number_close, text_matches
from kit.quiz.controls import KINDS, make_control
from kit.quiz.interface import show
from kit.quiz.markdown import markdown_to_html, markdown_to_text
from kit.quiz.store import check_question_id

TOKEN_PREFIX = "kitq1."


def _fail(spec_id: Any, message: str) -> ValueError:
    return ValueError(f"Practice question {spec_id!r}: {message}")


def check_practice_spec(spec: Any) -> dict[str, Any]:
    """Return a clean copy of a practice spec, or raise ValueError saying what to fix.

    Keys: ``id``, ``kind`` (single, multiple, text, number), ``prompt``; for choice questions
    ``options`` (each ``text``, ``correct``, ``explain``); for text questions ``answers`` (the
    accepted strings); for number questions ``answer`` and optional ``tolerance``. Optional for
    all: ``explain`` (shown when right) and ``hint`` (shown when wrong).
    """
    if not isinstance(spec, dict):
        raise ValueError(f"A practice spec is a dict (a TOML table), not {type(spec).__name__}.")
    spec_id = spec.get("id")
    check_question_id(spec_id)
    kind = spec.get("kind")
    if kind not in KINDS:
        raise _fail(spec_id, f"kind must be one of {', '.join(KINDS)}, not {kind!r}.")
    prompt = spec.get("prompt")
    if not isinstance(prompt, str) or not prompt.strip():
        raise _fail(spec_id, "needs a non-empty 'prompt'.")
    clean: dict[str, Any] = {"id": spec_id, "kind": kind, "prompt": prompt}
    for key in ("explain", "hint"):
        if key in spec:
            if not isinstance(spec[key], str):
                raise _fail(spec_id, f"'{key}' must be text.")
            clean[key] = spec[key]
    known = {"id", "kind", "prompt", "explain", "hint", "options", "answers", "answer", "tolerance"}
    unknown = sorted(set(spec) - known)
    if unknown:
        raise _fail(spec_id, f"unknown keys {unknown}; valid keys: {sorted(known)}.")
    if kind in ("single", "multiple"):
        clean["options"] = _check_options(spec_id, kind, spec.get("options"))
    elif kind == "text":
        answers = spec.get("answers")
        if isinstance(answers, str):
            answers = [answers]
        if not answers or not all(isinstance(item, str) and item.strip() for item in answers):
            raise _fail(spec_id, "a text question needs 'answers', a list of accepted strings.")
        clean["answers"] = list(answers)
    else:
        answer, tolerance = spec.get("answer"), spec.get("tolerance", 0)
        for name, number in (("answer", answer), ("tolerance", tolerance)):
            if isinstance(number, bool) or not isinstance(number, (int, float)):
                raise _fail(spec_id, f"a number question needs a numeric '{name}'.")
        clean["answer"], clean["tolerance"] = float(answer), float(tolerance)
    return clean


def _check_options(spec_id: Any, kind: str, options: Any) -> list[dict[str, Any]]:
    if not isinstance(options, list) or len(options) < 2:
        raise _fail(spec_id, "a choice question needs 'options', a list of at least two tables.")
    clean = []
    for number, option in enumerate(options, start=1):
        if not isinstance(option, dict) or not isinstance(option.get("text"), str):
            raise _fail(spec_id, f"option {number} needs 'text'.")
        if not isinstance(option.get("correct"), bool):
            raise _fail(spec_id, f"option {number} needs 'correct = true' or 'correct = false'.")
        if not isinstance(option.get("explain"), str) or not option["explain"].strip():
            raise _fail(spec_id, f"option {number} ({option['text']!r}) needs an 'explain' text.")
        clean.append({key: option[key] for key in ("text", "correct", "explain")})
    right = sum(option["correct"] for option in clean)
    if kind == "single" and right != 1:
        raise _fail(
            spec_id, f"a single-choice question needs exactly one correct option, not {right}."
        )
    if kind == "multiple" and right < 1:
        raise _fail(spec_id, "mark at least one option correct.")
    if len({option["text"] for option in clean}) != len(clean):
        raise _fail(spec_id, "two options have the same text.")
    return clean


def encode_practice(spec: dict[str, Any]) -> str:
    """Return the token a lesson passes to :func:`practice` (checks the spec first)."""
    data = json.dumps(check_practice_spec(spec), ensure_ascii=False, separators=(",", ":"))
    packed = base64.urlsafe_b64encode(zlib.compress(data.encode("utf-8"), 9)).decode("ascii")
    return TOKEN_PREFIX + packed.rstrip("=")


def decode_practice(token: str) -> dict[str, Any]:
    """Return the spec inside a token made by :func:`encode_practice`."""
    if not isinstance(token, str) or not token.startswith(TOKEN_PREFIX):
        raise ValueError(
            f"{str(token)[:40]!r} is not a practice token: tokens start with {TOKEN_PREFIX!r}; "
            "make them with `python -m kit.quiz encode FILE.toml`."
        )
    packed = token[len(TOKEN_PREFIX) :].strip()
    try:
        data = zlib.decompress(base64.urlsafe_b64decode(packed + "=" * (-len(packed) % 4)))
        spec = json.loads(data.decode("utf-8"))
    except (binascii.Error, zlib.error, ValueError) as error:
        raise ValueError(
            f"The practice token {token[:40]!r}... is damaged ({error}); copy it again from "
            "the output of `python -m kit.quiz encode`."
        ) from error
    return check_practice_spec(spec)


class PracticeQuestion:
    """A practice question widget: answer, press Check, read the feedback, try again."""

    def __init__(self, spec: dict[str, Any]):
        import ipywidgets

        self.spec = check_practice_spec(spec)
        self.id, self.kind = self.spec["id"], self.spec["kind"]
        options = [option["text"] for option in self.spec.get("options", [])]
        self.control = make_control(self.kind, options or None)
        self.feedback = ""
        heading = ipywidgets.HTML(
            f'<div class="kit-quiz-prompt"><strong>Practice</strong> '
            f"{markdown_to_html(self.spec['prompt'])}</div>"
        )
        self.check_button = ipywidgets.Button(
            description="Check",
            icon="check",
            tooltip="Check your answer (you can try again)",
            layout=ipywidgets.Layout(width="auto"),
        )
        self.reveal_button = ipywidgets.Button(
            description="Show the answer",
            icon="eye",
            tooltip="Show the answer and explanations",
            layout=ipywidgets.Layout(width="auto"),
        )
        self.check_button.on_click(lambda button: self.check())
        self.reveal_button.on_click(lambda button: self.reveal())
        self._feedback = ipywidgets.HTML()
        self.widget = ipywidgets.VBox(
            [
                heading,
                self.control.widget,
                ipywidgets.HBox([self.check_button, self.reveal_button]),
                self._feedback,
            ],
            layout=ipywidgets.Layout(margin="0.5em 0 1em 0"),
        )
        self.widget.add_class("kit-quiz-practice")

    def __repr__(self) -> str:
        return f"<PracticeQuestion {self.id!r} ({self.kind})>"

    def _ipython_display_(self) -> None:
        """Show nothing: :func:`practice` already displayed the widget."""

    def choose(self, value: Any) -> None:
        """Put ``value`` in the widget, as a click or typing would (for scripts and tests)."""
        self.control.set(self.control.validate(value))

    def _say(self, text: str, items: list[str] | None = None, ending: str = "") -> None:
        """Show ``text``, then one bullet per item, then ``ending`` as a line of its own."""
        self.feedback = " ".join(part for part in [text, *(items or []), ending] if part)
        body = html.escape(text)
        if items:
            body += "<ul>" + "".join(f"<li>{markdown_to_html(item)}</li>" for item in items)
            body += "</ul>"
        if ending:
            body += f"<p>{html.escape(ending)}</p>"
        self._feedback.value = f'<div role="status" aria-live="polite">{body}</div>'

    def check(self) -> bool | None:
        """Give feedback on the answer in the widget; return True/False (None: no answer yet)."""
        try:
            value = self.control.get()
        except ValueError as error:
            self._say(f"⚠ {error}")
            return None
        if value is None:
            self._say("Answer first, then press Check.")
            return None
        right, notes = self._judge(value)
        if right:
            self._say("✔ Correct.", notes)
        else:
            self._say("✘ Not quite.", notes, ending="Try again.")
        return right

    def _judge(self, value: Any) -> tuple[bool, list[str]]:
        spec = self.spec
        if self.kind in ("single", "multiple"):
            chosen = {value} if self.kind == "single" else set(value)
            correct = {option["text"] for option in spec["options"] if option["correct"]}
            notes = [
                f"{markdown_to_text(option['text'])}: {option['explain']}"
                for option in spec["options"]
                if option["text"] in chosen
            ]
            missed = len(correct - chosen)
            if self.kind == "multiple" and missed and chosen <= correct:
                notes.append(f"{missed} more option(s) also apply.")
            right = chosen == correct
        elif self.kind == "text":
            right, notes = text_matches(value, spec["answers"]), []
        else:
            right = number_close(value, spec["answer"], spec["tolerance"])
            notes = []
        extra = spec.get("explain") if right else spec.get("hint")
        return right, notes + ([extra] if extra else [])

    def reveal(self) -> None:
        """Show the correct answer and every option's explanation."""
        spec = self.spec
        if self.kind in ("single", "multiple"):
            items = [
                f"{'✔ right' if option['correct'] else '✘ wrong'}: "
                f"{markdown_to_text(option['text'])}: {option['explain']}"
                for option in spec["options"]
            ]
        elif self.kind == "text":
            items = ["Accepted: " + ", ".join(spec["answers"])]
        else:
            answer = spec["answer"]
            shown = str(int(answer)) if answer.is_integer() else str(answer)
            margin = f" (give or take {spec['tolerance']:g})" if spec["tolerance"] else ""
            items = [f"The answer is {shown}{margin}."]
        if spec.get("explain"):
            items.append(spec["explain"])
        self._say("The answer:", items)


def practice(token: str) -> PracticeQuestion:
    """Show the practice question encoded in ``token`` and return it."""
    question = PracticeQuestion(decode_practice(token))
    show(question.widget)
    return question
