"""``parse_article``: each stage a function of the records of the stages before it."""

from __future__ import annotations

import datetime as dt

from belnews.errors import EmptyTextError, InputTypeError, PublishedDateError
from belnews.model import Article

__all__ = ["parse_article", "parse_published"]


def parse_published(value: dt.date | dt.datetime | str | None) -> dt.date | None:
    """Read the ``published`` reference date.

    >>> parse_published("2020-09-14")
    datetime.date(2020, 9, 14)
    >>> parse_published(dt.datetime(2020, 9, 14, 18, 30))
    datetime.date(2020, 9, 14)
    >>> parse_published("14/09/2020")
    Traceback (most recent call last):
    ...
    belnews.errors.PublishedDateError: published must be an ISO date such as '2020-09-14', got '14/09/2020'
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        s = value.strip()
        try:
            return dt.date.fromisoformat(s[:10]) if len(s) >= 10 else dt.date.fromisoformat(s)
        except ValueError:
            pass
        raise PublishedDateError(f"published must be an ISO date such as '2020-09-14', got {value!r}")
    raise PublishedDateError(
        f"published must be a date, a datetime or an ISO string, got {type(value).__name__}"
    )


def parse_article(
    text: str,
    *,
    published: dt.date | dt.datetime | str | None = None,
    url: str | None = None,
) -> Article:
    """Parse one news article into an :class:`~belnews.Article`.

    Args:
        text: the article as plain text, headline first; site furniture is removed.
        published: the publication date, the reference for relative dates
            ("last month", "on Tuesday"): a ``date``, a ``datetime`` or an ISO string.
        url: where the article came from, kept as it is.

    Returns:
        The article with its title, dateline, cleaned text, paragraphs, actors, quotes,
        events and dates.

    Raises:
        InputTypeError: ``text`` is not a ``str`` (decode bytes first).
        EmptyTextError: ``text`` is empty or only whitespace.
        PublishedDateError: ``published`` cannot be read as a date.

    >>> article = parse_article("Minsk protests grow\\n\\nThousands marched in Minsk.")
    >>> article.title
    'Minsk protests grow'
    >>> parse_article("   ")
    Traceback (most recent call last):
    ...
    belnews.errors.EmptyTextError: the article text is empty: nothing to parse
    """
    if isinstance(text, (bytes, bytearray)):
        raise InputTypeError(
            'parse_article takes text (str), not bytes: decode it first, e.g. data.decode("utf-8")'
        )
    if not isinstance(text, str):
        raise InputTypeError(f"parse_article takes text (str), not {type(text).__name__}")
    if not text.strip():
        raise EmptyTextError("the article text is empty: nothing to parse")
    if url is not None and not isinstance(url, str):
        raise InputTypeError(f"url must be a str or None, not {type(url).__name__}")
    ref = parse_published(published)
    # The stages (and their compiled patterns) load on the first call, not at import.
    from belnews.actors import find_actors
    from belnews.clean import clean_article
    from belnews.dates import find_dates
    from belnews.events import find_events
    from belnews.quantities import find_quantities
    from belnews.quotes import find_quotes

    doc = clean_article(text)
    actors = find_actors(doc)
    quotes = find_quotes(doc, actors)
    dates = find_dates(doc, ref)
    quantities = find_quantities(doc)
    events = find_events(doc, actors, dates, quantities, published=ref)
    return Article(
        text=doc.text,
        title=doc.title,
        dateline=doc.dateline,
        published=ref,
        url=url,
        paragraphs=doc.paragraphs,
        actors=actors,
        quotes=quotes,
        events=events,
        dates=dates,
        quantities=quantities,
    )
