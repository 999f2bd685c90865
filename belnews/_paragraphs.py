"""The kept lines as paragraphs: body text, subheads and interview turns with their speaker.

>>> for text, kind, speaker in paragraphs([Line("**Q:** Why?", 0), Line("Because.", 1)]):
...     print(kind.value, speaker, text, sep=" | ")
interview | Q | Q: Why?
interview | Q | Because.
"""

from __future__ import annotations

from belnews._lazy import lazy as _lazy
from belnews._lines import HEADING_MARK, LABEL, TERMINAL, Line, quoted, title_cased
from belnews.model import ParagraphKind

__all__ = ["Part", "join_wrapped", "paragraphs"]

_BOLD_LINE = _lazy(r"^\*\*([^*]+)\*\*$")

Part = tuple[str, ParagraphKind, "str | None"]  # a paragraph's text, kind and speaker


def join_wrapped(lines: list[Line]) -> list[Line]:
    """Join a hard-wrapped line to the one it continues (no gap, no final stop, lowercase next)."""
    out: list[Line] = []
    for line in lines:
        if out and line.number == out[-1].number + 1 and line.text:
            prev = out[-1].text
            if prev[-1] not in TERMINAL and line.text[0].islower() and not prev.startswith(("#", "**")):
                out[-1] = Line(f"{prev} {line.text}", line.number)
                continue
        if line.text:
            out.append(line)
    return out


def paragraphs(lines: list[Line]) -> list[Part]:
    """Each line as a paragraph with its kind; interview turns carry their speaker."""
    out: list[Part] = []
    speaker: str | None = None
    pending: str | None = None  # a bare interview label waiting for its text
    for n, item in enumerate(lines):
        line = item.text
        label = LABEL().match(line) if line.startswith(("**", "__")) else None
        if label is not None and label[1][:1].isupper() and len(label[1].split()) <= 8:
            if pending is not None:
                out.append((f"{pending}:", ParagraphKind.INTERVIEW, pending))
            speaker = " ".join(label[1].split())
            rest = label[2].replace("**", "").strip()
            pending = None if rest else speaker
            if rest:
                out.append((f"{speaker}: {rest}", ParagraphKind.INTERVIEW, speaker))
            continue
        # a line closed by a stop is a subhead only when marked as one ("#", "**")
        plain_end = line[-1] in TERMINAL and not line.startswith(("#", "**"))
        heading = None if plain_end else _heading(line, last=n == len(lines) - 1, in_turn=speaker is not None)
        if heading is not None:
            if pending is not None:
                out.append((f"{pending}:", ParagraphKind.INTERVIEW, pending))
                pending = None
            out.append((heading, ParagraphKind.HEADING, None))
            speaker = None
            continue
        line = line.replace("**", "").strip()
        if not line:
            continue
        if pending is not None:
            out.append((f"{pending}: {line}", ParagraphKind.INTERVIEW, pending))
            pending = None
        elif speaker is not None:
            out.append((line, ParagraphKind.INTERVIEW, speaker))
        else:
            out.append((line, ParagraphKind.BODY, None))
    if pending is not None:
        out.append((f"{pending}:", ParagraphKind.INTERVIEW, pending))
    return out


def _heading(line: str, *, last: bool, in_turn: bool) -> str | None:
    """The subhead's text when ``line`` is a subhead, else None."""
    if line.startswith("#"):
        return HEADING_MARK().sub("", line).replace("**", "").strip() or None
    bold = _BOLD_LINE().match(line) if line.startswith("**") else None
    if bold is not None and bold[1].strip()[-1:] not in TERMINAL and len(bold[1].split()) <= 20:
        return bold[1].strip()
    if last or in_turn or line[-1] in TERMINAL or quoted(line) or "**" in line:
        return None
    if not (line[0].isupper() or line[0].isdigit()) or len(line.split()) > 14:
        return None
    return line if title_cased(line) else None
