"""belnews: English news about Belarus, Russia, Ukraine and their neighbours as typed data.

>>> import belnews
>>> article = belnews.parse_article("Protests in Minsk\\n\\nThousands marched in Minsk.")
>>> article.title
'Protests in Minsk'
"""

from typing import TYPE_CHECKING, Any

from belnews.errors import BelnewsError, EmptyTextError, InputTypeError, PublishedDateError
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
from belnews.pipeline import parse_article

if TYPE_CHECKING:
    from belnews.corpus import Added, Corpus, CorpusError, Hit
    from belnews.names import Name, name_key, normalize_name, parse_name, same_person
    from belnews.parallel import ParseError, parse_many, parse_record

__version__ = "0.1.0"

# The name matcher, the corpus store and the process pool load on first use, and the
# extraction stages on the first parse_article, keeping `import belnews` light.
_LAZY = {
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

    return getattr(importlib.import_module(module), name)

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
