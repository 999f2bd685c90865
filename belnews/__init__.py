"""belnews: English news about Belarus, Russia, Ukraine and their neighbours as typed data.

>>> import belnews
>>> article = belnews.parse_article("Protests in Minsk\\n\\nThousands marched in Minsk.")
>>> article.title
'Protests in Minsk'
"""

from __future__ import annotations

from belnews.errors import BelnewsError, EmptyTextError, InputTypeError, PublishedDateError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy knows the name)
if TYPE_CHECKING:
    from typing import Any

    from belnews.corpus import Added, Corpus, CorpusError, Hit
    from belnews.model import (
        Actor,
        ActorKind,
        Article,
        DateRef,
        Event,
        EventKind,
        Gender,
        Mention,
        Paragraph,
        ParagraphKind,
        Precision,
        Qualifier,
        Quantity,
        Quote,
        QuoteKind,
        Span,
    )
    from belnews.names import Name, name_key, normalize_name, parse_name, same_person
    from belnews.parallel import ParseError, parse_many, parse_record
    from belnews.pipeline import parse_article

__version__ = "0.1.0"

# Everything but the errors loads on first use (PEP 562): `import belnews` costs about a
# millisecond, and the records (attrs), the stages and their tables load with the first
# parse_article, the name matcher, the corpus store and the process pool when first named.
_MODEL = (
    "Actor ActorKind Article DateRef Event EventKind Gender Mention Paragraph ParagraphKind"
    " Precision Qualifier Quantity Quote QuoteKind Span"
)
_LAZY = {
    **dict.fromkeys(_MODEL.split(), "belnews.model"),
    "parse_article": "belnews.pipeline",
    "Name": "belnews.names",
    "name_key": "belnews.names",
    "normalize_name": "belnews.names",
    "parse_name": "belnews.names",
    "same_person": "belnews.names",
    "Added": "belnews.corpus",
    "Corpus": "belnews.corpus",
    "CorpusError": "belnews.corpus",
    "Hit": "belnews.corpus",
    "ParseError": "belnews.parallel",
    "parse_many": "belnews.parallel",
    "parse_record": "belnews.parallel",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'belnews' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # found once: later lookups do not come back here
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "Actor",
    "ActorKind",
    "Added",
    "Article",
    "BelnewsError",
    "Corpus",
    "CorpusError",
    "DateRef",
    "EmptyTextError",
    "Event",
    "EventKind",
    "Gender",
    "Hit",
    "InputTypeError",
    "Mention",
    "Name",
    "Paragraph",
    "ParagraphKind",
    "ParseError",
    "Precision",
    "PublishedDateError",
    "Qualifier",
    "Quantity",
    "Quote",
    "QuoteKind",
    "Span",
    "__version__",
    "name_key",
    "normalize_name",
    "parse_article",
    "parse_many",
    "parse_name",
    "parse_record",
    "same_person",
]
