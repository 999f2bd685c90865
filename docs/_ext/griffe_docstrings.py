"""A Griffe extension for the API reference: belnews docstrings as clean Markdown.

The docstrings are written for ``help()`` and doctest: interactive examples (``>>>``) sit in
plain text, and cross-references use reStructuredText roles (``:class:`Span```). Markdown
reads the first as nested block quotes and shows the second as it is, so before rendering
each doctest run becomes a fenced ``pycon`` block (without ``# doctest:`` directives) and
each role becomes inline code. The docstrings themselves are not changed.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:class|func|meth|attr|mod|data|exc|obj):`~?([^`]+)`")
_DIRECTIVE = re.compile(r"\s*#\s*doctest:.*$")


def _role(match: re.Match[str]) -> str:
    target = match.group(1)
    shown = target.rsplit(".", 1)[-1] if match.group(0).count("`~") else target
    return f"`{shown}`"


def _fence_doctests(text: str) -> str:
    out: list[str] = []
    in_fence = in_doctest = False
    indent = ""
    for line in text.splitlines():
        stripped = line.lstrip()
        if in_doctest and not stripped:
            out.append(indent + "```")
            in_doctest = False
        if not in_doctest and stripped.startswith("```"):
            in_fence = not in_fence
        elif not in_fence and not in_doctest and stripped.startswith(">>>"):
            indent = line[: len(line) - len(stripped)]
            out.append(indent + "```pycon")
            in_doctest = True
        if in_doctest and _DIRECTIVE.search(line):
            line = _DIRECTIVE.sub("", line)
            if line.strip() == "...":
                continue  # a line that held only the directive
        out.append(line)
    if in_doctest:
        out.append(indent + "```")
    return "\n".join(out)


def render(text: str) -> str:
    """The docstring ``text`` as Markdown for mkdocstrings."""
    fenced = _fence_doctests(text)
    lines: list[str] = []
    in_code = False
    for line in fenced.splitlines():
        if line.lstrip().startswith("```"):
            in_code = not in_code
        lines.append(line if in_code else _ROLE.sub(_role, line))
    return "\n".join(lines)


class DocstringsAsMarkdown(griffe.Extension):
    """Rewrite each docstring before mkdocstrings renders it."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = render(obj.docstring.value)

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        if pkg.docstring is not None:
            pkg.docstring.value = render(pkg.docstring.value)
