"""Characters and spacing: raw page text made into plain, tidy lines.

Line endings, no-break and other odd spaces, zero-width and control characters are
normalised; HTML markup, if any, becomes plain lines; a space lost after a comma or a stop
between two words is put back without changing a word (``data/clean_spacing.json``).

>>> normalize("Minsk\\r\\nvotes\\u00a0today\\u200b")
'Minsk\\nvotes today'
>>> tidy_line("  **Belarus,as**  [she said](https://example.org)")
'**Belarus, as** she said'
"""

from __future__ import annotations

import functools
import html
import re

from belnews._data import load_table
from belnews._lazy import lazy as _lazy
from belnews._pattern_cache import compile_stored_re
from belnews._regex_lead import class_chars, matches_by_char, split_by_char

__all__ = ["joins_text", "normalize", "repair_spacing", "tidy_line", "tidy_lines"]


@functools.cache
def _spacing() -> tuple[frozenset[str], frozenset[str]]:
    """The titles that take a space after their stop, and the web-address endings that do not."""
    table = load_table("clean_spacing.json")
    return frozenset(table["titles"]), frozenset(table["domain_endings"])


# The characters ``normalize`` makes plain, as the bodies of character classes: odd line
# breaks become "\n" (a "\r" with the "\n" after it), odd spaces " "; invisible ones are dropped.
_NEWLINE_CLASS = "\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029"
_SPACE_CLASS = "\t\u00a0\u1680\u180e\u2000-\u200a\u202f\u205f\u3000"
_INVISIBLE_CLASS = "\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\u00ad\u200b-\u200f\u2060-\u2064\ufeff"
_ODD_SPACE = _lazy(f"[{_SPACE_CLASS}]")
_ODD_NEWLINE = _lazy(f"\r\n?|[{_NEWLINE_CLASS}]")
_INVISIBLE = _lazy(f"[{_INVISIBLE_CLASS}]")
_HTML_HINT = _lazy(
    r"<(?:p|div|br|span|a|h[1-6]|li|ul|ol|html|body|article|section|figure|figcaption|img|script|style"
    r"|strong|em|b|i|table|tr|td|blockquote|header|footer|nav|aside|meta|link|iframe|noscript)\b|<!--",
    re.IGNORECASE,
)
_HTML_DROP = _lazy(
    r"<(script|style|noscript|figcaption|nav|footer|aside|iframe|svg|head|form|button|select)\b|<!--",
    re.IGNORECASE,
)
_HTML_HEADING = _lazy(r"<h[2-6]\b[^<>]{0,2000}>", re.IGNORECASE)
_HTML_BLOCK = _lazy(
    r"</?(?:p|div|br|h[1-6]|li|ul|ol|tr|table|section|article|header|blockquote|figure|main|hr)\b[^<>]{0,2000}>",
    re.IGNORECASE,
)
_HTML_TAG = _lazy(r"</?[A-Za-z][^<>]{0,2000}>")


@functools.cache
def _html_closer(name: str) -> re.Pattern[str]:
    return compile_stored_re("-->" if name == "!--" else rf"</{name}\s*>", re.IGNORECASE)


def _drop_html_blocks(text: str) -> str:
    """Cut script, style, caption and navigation elements (and comments) out, in one pass."""
    out: list[str] = []
    pos = 0
    while (m := _HTML_DROP().search(text, pos)) is not None:
        out.append(text[pos : m.start()])
        close = _html_closer((m[1] or "!--").lower()).search(text, m.end())
        if close is None:
            return "".join(out)
        pos = close.end()
        out.append("\n")
    out.append(text[pos:])
    return "".join(out)


def normalize(raw: str) -> str:
    """Raw text as one line per paragraph-ish unit, odd spaces made plain, invisible characters gone."""
    if _HTML_HINT().search(raw) is None:
        # no markup (and none once odd line breaks are plain: they are not word characters)
        return _plain(raw)
    text = _drop_html_blocks(_ODD_NEWLINE().sub("\n", raw))
    text = _HTML_HEADING().sub("\n\n## ", text)
    text = _HTML_TAG().sub("", _HTML_BLOCK().sub("\n\n", text))
    text = _ODD_NEWLINE().sub("\n", html.unescape(text))
    return _ODD_SPACE().sub(" ", _INVISIBLE().sub("", text))


# any odd newline, space or invisible character, a "\r" taking the "\n" after it
# (a pattern that opens with a class is searched fast)
_ODD_ANY_CRLF = _lazy(f"[{_NEWLINE_CLASS}{_SPACE_CLASS}{_INVISIBLE_CLASS}](?:(?<=\r)\n)?")


@functools.cache
def _plain_chars() -> dict[str, str]:
    """What ``_plain`` makes each odd line break and space (it drops the invisible ones)."""
    out: dict[str, str] = {}
    for body, plain in ((_SPACE_CLASS, " "), (_NEWLINE_CLASS, "\n")):
        chars = class_chars(body)
        assert chars is not None  # characters and short ranges only
        out.update(dict.fromkeys(chars, plain))
    return out


def _plain(text: str) -> str:
    """``_ODD_SPACE().sub(" ", _INVISIBLE().sub("", _ODD_NEWLINE().sub("\\n", text)))``, in one pass.

    Every character those replace or drop is unprintable (a control, format or separator
    character), so a text that is printable line by line has none: the usual case.
    """
    if text.replace("\n", " ").isprintable():
        return text
    return _ODD_ANY_CRLF().sub(_plain_for, text)


def _plain_for(m: re.Match[str]) -> str:
    return _plain_chars().get(m[0][0], "")  # a "\r" stands for the "\r\n" it begins


_IMAGE_MD = _lazy(r"!\[[^\]\n]{0,300}\]\([^)\n]{0,1000}\)")
_LINK_MD = _lazy(r"\[([^\]\n]{1,300})\]\((?:https?://|/|www\.)[^)\s]{0,1000}\)")
_STRAY_TAG = _lazy(r"</?[A-Za-z][\w-]{0,20}(?:\s[^<>]{0,400})?/?>")
_LETTERS = _lazy(r"[^\W\d_]+")
_JOINED_CHARS = ",.!?"
_JOINED_REST = r"”?(?=[^\W\d_])"  # a stop or comma, maybe closing a quote, and a letter right after it


def _joined(line: str) -> list[re.Match[str]]:
    """The matches of ``[,.!?]”?(?=[^\\W\\d_])`` in ``line``, in order (they cannot overlap)."""
    return matches_by_char(line, split_by_char("", _JOINED_CHARS, _JOINED_REST))


_OTHER_SPACE = _lazy(r"[^\S \n]")  # a space that str.split() splits at, other than " " and a line break


def repair_spacing(line: str) -> str:
    """Put back a space lost after a comma or a stop between two words; change no word.

    >>> repair_spacing("Belarus,as Dr.Petrova said.He left rferl.org on Aug. 9 with 30,000 U.S. dollars")
    'Belarus, as Dr. Petrova said. He left rferl.org on Aug. 9 with 30,000 U.S. dollars'
    """
    titles, domain_endings = _spacing()
    out: list[str] = []
    pos = 0
    for m in _joined(line):
        i, j = m.start(), m.end()
        before = line[i - 2 : i] if i >= 2 else ""
        if m[0] == ",":
            add = i > 0 and line[i - 1].isalpha()
        elif m[0].endswith("”"):
            add = line[j].isupper()
        elif m[0] == "." and line[j].isupper() and _word_before(line, i) in titles:
            add = True
        else:
            nxt = _LETTERS().match(line, j)
            word = nxt[0] if nxt else ""
            add = (
                len(before) == 2
                and before.isalpha()
                and before.islower()
                and word[:1].isupper()
                and word[1:2].islower()
                and (m[0] != "." or word.lower() not in domain_endings)
            )
        if add:
            out.append(line[pos:j])
            out.append(" ")
            pos = j
    out.append(line[pos:])
    return "".join(out)


def _word_before(line: str, end: int) -> str:
    start = end
    while start > 0 and end - start < 8 and line[start - 1].isalpha():
        start -= 1
    return line[start:end]


def tidy_line(line: str) -> str:
    """The line with single spaces, markdown links and stray tags reduced to their text, spacing repaired."""
    return repair_spacing(_tidy_spaces(line))


def tidy_lines(text: str, *, normalized: bool = False) -> list[str]:
    """Every line of ``text`` tidied as by ``tidy_line`` (blank lines become ""), in one pass.

    ``normalized``: the text comes from :func:`normalize`, so its only spaces are " " and
    line breaks.

    >>> tidy_lines("Belarus,as  she said\\n  \\n[Minsk](/minsk) votes")
    ['Belarus, as she said', '', 'Minsk votes']
    """
    if normalized or _OTHER_SPACE().search(text) is None:
        # spaces and line breaks only: a line needs tidying where two spaces meet or one ends it
        if "  " in text or " \n" in text or "\n " in text or text[:1] == " " or text[-1:] == " ":
            text = "\n".join([_single_spaced(line) for line in text.split("\n")])
        if joins_text(text):
            text = "\n".join([_tidy_markup(line) for line in text.split("\n")])
    else:
        text = "\n".join([_tidy_spaces(line) for line in text.split("\n")])
    # spacing is repaired within a line: no repair looks across a line break
    return repair_spacing(text).split("\n")


def joins_text(text: str) -> bool:
    """``text`` (normalised) holds markup that ``tidy_lines`` drops, joining the text around it
    (otherwise tidying only drops spaces between words, or adds them).

    >>> joins_text("Min[sk](/minsk) votes"), joins_text("Minsk  votes,today")
    (True, False)
    """
    return "](" in text or "<" in text


def _tidy_spaces(line: str) -> str:
    return _tidy_markup(" ".join(line.split()))


def _single_spaced(line: str) -> str:
    """``" ".join(line.split())`` for a line whose only spaces are " ", without splitting a tidy one."""
    if "  " in line or line[:1] == " " or line[-1:] == " ":
        return " ".join(line.split())
    return line


def _tidy_markup(line: str) -> str:
    """A line with single spaces, its markdown links and stray tags reduced to their text."""
    if "](" in line:
        line = _LINK_MD().sub(r"\1", _IMAGE_MD().sub("", line))
    if "<" in line:
        line = " ".join(_STRAY_TAG().sub("", line).split())
    return line
