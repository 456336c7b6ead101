"""The input part of a question: one native ipywidgets control per question kind.

Graded questions (:mod:`kit.quiz.questions`) and practice questions (:mod:`kit.quiz.practice`)
share these. Each control turns what the student did into the value stored in the answers file
(``get``), shows a stored value again (``set``), and checks a value given in code
(``validate``). Only native, keyboard-operable ipywidgets are used: RadioButtons, Checkbox,
Text. ipywidgets is imported when a control is built, not when this module is imported.

>>> control = make_control("single", ["000", "001", "004"])
>>> control.get() is None
True
>>> control.set("004")
>>> control.get()
'004'
>>> control.validate("005")
Traceback (most recent call last):
...
ValueError: '005' is not one of the options: '000', '001', '004'.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from kit.quiz.markdown import markdown_to_html, markdown_to_text

KINDS = ("single", "multiple", "text", "number")


def _choices(options: Any) -> tuple[str, ...]:
    if isinstance(options, str) or not isinstance(options, Sequence):
        raise ValueError(
            f"options must be a list of strings, e.g. ['000', '001', '004'], not {options!r}."
        )
    options = tuple(options)
    if len(options) < 2 or not all(isinstance(item, str) and item.strip() for item in options):
        raise ValueError(
            f"A choice question needs at least two non-empty strings, not {options!r}."
        )
    if len(set(options)) != len(options):
        raise ValueError(f"The options {options!r} repeat a value; each option must be unique.")
    return options


def _listing(options: Sequence[str]) -> str:
    return ", ".join(repr(item) for item in options)


class Control:
    """Base of the four controls: ``widget``, ``get``, ``set``, ``validate``, ``on_change``."""

    kind = ""
    options: tuple[str, ...] = ()

    def __init__(self, label: str = "Answer"):
        self.label = label
        self.widget = self._build()

    def _build(self) -> Any:  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    def get(self) -> Any:
        """Return the value the student has given, or None if nothing yet."""
        raise NotImplementedError  # pragma: no cover

    def set(self, value: Any) -> None:
        """Show ``value`` (a stored answer) in the widget; None clears it."""
        raise NotImplementedError  # pragma: no cover

    def validate(self, value: Any) -> Any:
        """Return ``value`` as it would be stored, or raise ValueError saying what is wrong."""
        raise NotImplementedError  # pragma: no cover

    def on_change(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` whenever the student changes the answer."""
        self.widget.observe(lambda change: callback(), names="value")

    def set_disabled(self, disabled: bool) -> None:
        """Make the control read-only (True) or usable again (False)."""
        self.widget.disabled = disabled

    def set_context(self, text: str) -> None:
        """Use ``text`` (the question, plain) as the tooltip of the control's label."""
        self.widget.tooltip = text

    @staticmethod
    def describe(value: Any) -> str:
        """Return ``value`` as a student reads it in "Saved: ..."."""
        return str(value)


class SingleChoiceControl(Control):
    """One option out of several: RadioButtons (arrow keys move, Tab leaves the group)."""

    kind = "single"

    def __init__(self, options: Sequence[str], label: str = "Answer"):
        self.options = _choices(options)
        super().__init__(label)

    def _build(self) -> Any:
        import ipywidgets

        return ipywidgets.RadioButtons(
            options=[(markdown_to_text(option), option) for option in self.options],
            value=None,
            description=self.label,
            tooltip="Choose one option",
            layout=ipywidgets.Layout(width="max-content"),
        )

    def get(self) -> str | None:
        return self.widget.value

    def set(self, value: Any) -> None:
        self.widget.value = None if value is None else self.validate(value)

    def validate(self, value: Any) -> str:
        if value not in self.options:
            raise ValueError(f"{value!r} is not one of the options: {_listing(self.options)}.")
        return value


class MultipleChoiceControl(Control):
    """Select all that apply: one Checkbox per option (Tab moves, Space ticks)."""

    kind = "multiple"

    def __init__(self, options: Sequence[str], label: str = "Answer"):
        self.options = _choices(options)
        super().__init__(label)

    def _build(self) -> Any:
        import ipywidgets

        self.boxes = [
            ipywidgets.Checkbox(
                value=False,
                description=markdown_to_html(option),
                description_allow_html=True,
                indent=False,
                tooltip=markdown_to_text(option),
                layout=ipywidgets.Layout(width="max-content"),
            )
            for option in self.options
        ]
        heading = ipywidgets.HTML(f"<em>{self.label}: select all that apply</em>")
        return ipywidgets.VBox([heading, *self.boxes])

    def get(self) -> list[str] | None:
        chosen = sorted(
            option for option, box in zip(self.options, self.boxes, strict=True) if box.value
        )
        return chosen or None

    def set(self, value: Any) -> None:
        chosen = set() if value is None else set(self.validate(value))
        for option, box in zip(self.options, self.boxes, strict=True):
            box.value = option in chosen

    def validate(self, value: Any) -> list[str]:
        if isinstance(value, str) or not isinstance(value, (list, tuple, set, frozenset)):
            raise ValueError(
                f"Give a list of options, e.g. [{self.options[0]!r}], not {value!r}. "
                f"The options are: {_listing(self.options)}."
            )
        unknown = [item for item in value if item not in self.options]
        if unknown:
            raise ValueError(
                f"{_listing(unknown)} not among the options: {_listing(self.options)}."
            )
        return sorted(set(value))

    def on_change(self, callback: Callable[[], None]) -> None:
        for box in self.boxes:
            box.observe(lambda change: callback(), names="value")

    def set_disabled(self, disabled: bool) -> None:
        for box in self.boxes:
            box.disabled = disabled

    def set_context(self, text: str) -> None:
        """Keep each box's own option text as its tooltip; the heading names the question."""

    @staticmethod
    def describe(value: Any) -> str:
        return ", ".join(value) if value else "(nothing selected)"


class TextControl(Control):
    """A short typed answer; sent when the student presses Enter or leaves the box."""

    kind = "text"
    placeholder = "Type your answer, then press Enter"

    def _build(self) -> Any:
        import ipywidgets

        return ipywidgets.Text(
            value="",
            placeholder=self.placeholder,
            description=self.label,
            tooltip=self.placeholder,
            continuous_update=False,
            layout=ipywidgets.Layout(width="28em"),
        )

    def get(self) -> Any:
        return self.widget.value if self.widget.value.strip() else None

    def set(self, value: Any) -> None:
        self.widget.value = "" if value is None else self._show(self.validate(value))

    def _show(self, value: Any) -> str:
        return value

    def validate(self, value: Any) -> Any:
        if not isinstance(value, str):
            raise ValueError(f"A text answer must be a string, e.g. 'clampdown', not {value!r}.")
        return value


def parse_number(typed: str) -> float:
    """Return the number a student typed (``12``, ``3.5``, ``-2``, ``1e3``), or raise ValueError.

    >>> parse_number(" 12 ")
    12.0
    >>> parse_number("3,5")
    Traceback (most recent call last):
    ...
    ValueError: '3,5' is not a number: type digits, with a point for decimals, e.g. 12 or 3.5.
    """
    try:
        number = float(typed.strip().replace("\u2212", "-"))
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        raise ValueError(
            f"{typed!r} is not a number: type digits, with a point for decimals, e.g. 12 or 3.5."
        )
    return number


class NumberControl(TextControl):
    """A number typed in a text box (so "not answered" differs from 0); Enter sends it."""

    kind = "number"
    placeholder = "Type a number, then press Enter"

    def get(self) -> float | None:
        typed = self.widget.value
        return parse_number(typed) if typed.strip() else None

    def _show(self, value: float) -> str:
        return self.describe(value)

    def validate(self, value: Any) -> float:
        if isinstance(value, str):
            return parse_number(value)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"A number answer must be a number, e.g. 12 or 3.5, not {value!r}.")
        if not math.isfinite(value):
            raise ValueError(f"{value!r} is not a finite number.")
        return float(value)

    @staticmethod
    def describe(value: Any) -> str:
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)


def make_control(kind: str, options: Sequence[str] | None = None, label: str = "Answer") -> Control:
    """Return a new control of ``kind`` ("single", "multiple", "text" or "number")."""
    if kind == "single":
        return SingleChoiceControl(options or (), label)
    if kind == "multiple":
        return MultipleChoiceControl(options or (), label)
    if kind == "text":
        return TextControl(label)
    if kind == "number":
        return NumberControl(label)
    raise ValueError(f"Unknown question kind {kind!r}; use one of: {', '.join(KINDS)}.")
