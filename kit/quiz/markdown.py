"""A tiny, safe Markdown subset for question and option text.

Everything is HTML-escaped first, then only these are turned into markup: ``**bold**``,
``*italic*`` / ``_italic_``, ```code```. No links, images or raw HTML, so a question can
never inject script or styles into the page.

>>> markdown_to_html("Select **all** the <tortured> phrases")
'Select <strong>all</strong> the &lt;tortured&gt; phrases'
>>> markdown_to_text("Which word did *Reuters* write?")
'Which word did Reuters write?'
"""

from __future__ import annotations

import html
import re

_CODE = re.compile(r"`([^`\n]+)`")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC_STAR = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_ITALIC_UNDERSCORE = re.compile(r"(?<!\w)_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)")


def markdown_to_html(text: str) -> str:
    """Return ``text`` as safe HTML: escaped, with bold, italic and inline code rendered.

    >>> markdown_to_html("the word `clampdown` in _001_")
    'the word <code>clampdown</code> in <em>001</em>'
    """
    codes: list[str] = []

    def keep_code(match: re.Match) -> str:
        codes.append(f"<code>{match.group(1)}</code>")
        return f"\x00{len(codes) - 1}\x00"

    escaped = html.escape(text, quote=True)
    escaped = _CODE.sub(keep_code, escaped)
    escaped = _BOLD.sub(r"<strong>\1</strong>", escaped)
    escaped = _ITALIC_STAR.sub(r"<em>\1</em>", escaped)
    escaped = _ITALIC_UNDERSCORE.sub(r"<em>\1</em>", escaped)
    return re.sub("\x00(\\d+)\x00", lambda m: codes[int(m.group(1))], escaped)


def markdown_to_text(text: str) -> str:
    """Return ``text`` with the Markdown marks removed (for plain-text labels and tooltips).

    >>> markdown_to_text("**United Country** and `therapy`")
    'United Country and therapy'
    """
    plain = _CODE.sub(r"\1", text)
    plain = _BOLD.sub(r"\1", plain)
    plain = _ITALIC_STAR.sub(r"\1", plain)
    return _ITALIC_UNDERSCORE.sub(r"\1", plain)
