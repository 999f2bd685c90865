"""belnews: English news about Belarus, Russia, Ukraine and their neighbours as typed data.

>>> import belnews
>>> article = belnews.parse_article("Protests in Minsk\\n\\nThousands marched in Minsk.")
>>> article.title
'Protests in Minsk'
"""

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
from belnews.names import Name, name_key, normalize_name, parse_name, same_person
from belnews.pipeline import parse_article

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "ActorKind",
    "Article",
    "BelnewsError",
    "DateRef",
    "EmptyTextError",
    "Event",
    "EventKind",
    "Gender",
    "InputTypeError",
    "Mention",
    "Name",
    "Paragraph",
    "ParagraphKind",
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
    "parse_name",
    "same_person",
]
