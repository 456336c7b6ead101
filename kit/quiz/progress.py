"""The progress widget of an answer book: "3 of 5 questions answered", in words and as a bar.

>>> import tempfile
>>> from kit.quiz import AnswerBook
>>> book = AnswerBook("demo_progress", folder=tempfile.mkdtemp())
>>> q = book.text("q3", "Which word did Reuters write where 000 has *suppression*?")
>>> view = ProgressView(book)
>>> view.text
'0 of 1 questions answered in demo_progress.'
>>> q.answer("clampdown")
>>> view.refresh()
>>> view.text
'1 of 1 questions answered in demo_progress. All done: save the notebook (Ctrl+S).'
"""

from __future__ import annotations

import html

from kit.quiz.interface import AnswerBookLike


class ProgressView:
    """A bar and a sentence for one book; the book refreshes it after every saved answer."""

    def __init__(self, book: AnswerBookLike):
        import ipywidgets

        self.book = book
        self.bar = ipywidgets.IntProgress(
            value=0, min=0, max=1, description="Progress", bar_style=""
        )
        self.label = ipywidgets.HTML()
        self.widget = ipywidgets.VBox([ipywidgets.HBox([self.bar, self.label])])
        self.widget.add_class("kit-quiz-progress")
        self.text = ""
        self.refresh()

    def refresh(self) -> None:
        """Count the answers in the file again and update the bar and the sentence."""
        answered, total = self.book.answered(), self.book.total()
        self.bar.max = max(total, 1)
        self.bar.value = answered
        self.bar.tooltip = f"{answered} of {total} answered"
        if self.book.problem is not None:
            self.text = f"⚠ Answers are not being saved: {self.book.problem}"
        else:
            done = " All done: save the notebook (Ctrl+S)." if total and answered == total else ""
            self.text = f"{answered} of {total} questions answered in {self.book.name}.{done}"
        self.label.value = f'<span role="status">{html.escape(self.text)}</span>'
