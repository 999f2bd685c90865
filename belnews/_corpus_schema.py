"""The SQLite schema of :class:`belnews.Corpus`.

Each article keeps its whole ``to_dict`` record as JSON; the tables beside it hold what
queries filter on, so that a question is one SQL statement, not a scan of every article.
Actors are resolved into one registry (``actors``): every id an article used maps to a
registry id (``actor_ids``), and every spelling seen is kept (``actor_names``) with two
keys: ``fold`` (case and accents folded) and ``key`` (:func:`belnews.name_key` for persons).
"""

from __future__ import annotations

import sqlite3

__all__ = ["SCHEMA_VERSION", "create"]

SCHEMA_VERSION = "1"

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    source_hash TEXT,
    title TEXT,
    published TEXT,
    url TEXT,
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_source ON articles (source_hash);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published);
CREATE TABLE IF NOT EXISTS actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT,
    gender TEXT,
    roles TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE IF NOT EXISTS actor_ids (local_id TEXT PRIMARY KEY, actor_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS actor_ids_actor ON actor_ids (actor_id);
CREATE TABLE IF NOT EXISTS actor_names (
    actor_id TEXT NOT NULL,
    name TEXT NOT NULL,
    fold TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (actor_id, name)
);
CREATE INDEX IF NOT EXISTS actor_names_fold ON actor_names (fold);
CREATE INDEX IF NOT EXISTS actor_names_key ON actor_names (key);
CREATE TABLE IF NOT EXISTS article_actors (
    article_id INTEGER NOT NULL REFERENCES articles (id),
    local_id TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX IF NOT EXISTS article_actors_actor ON article_actors (actor_id);
CREATE TABLE IF NOT EXISTS quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id),
    seq INTEGER NOT NULL,
    speaker_id TEXT,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker_id);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id),
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    day_from TEXT,
    day_to TEXT,
    location_id TEXT,
    count REAL,
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_kind_day ON events (kind, day_from);
CREATE INDEX IF NOT EXISTS events_day ON events (day_from);
CREATE INDEX IF NOT EXISTS events_location ON events (location_id);
CREATE TABLE IF NOT EXISTS event_actors (
    event_id INTEGER NOT NULL REFERENCES events (id),
    actor_id TEXT NOT NULL,
    role TEXT NOT NULL,
    PRIMARY KEY (event_id, actor_id, role)
);
CREATE INDEX IF NOT EXISTS event_actors_actor ON event_actors (actor_id);
CREATE TABLE IF NOT EXISTS dates (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id),
    seq INTEGER NOT NULL,
    text TEXT NOT NULL,
    value TEXT NOT NULL,
    precision TEXT NOT NULL,
    day_from TEXT NOT NULL,
    day_to TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS dates_day ON dates (day_from);
"""


def create(conn: sqlite3.Connection) -> str | None:
    """Create the tables where missing; return the schema version the file holds.

    >>> conn = sqlite3.connect(":memory:")
    >>> create(conn)
    '1'
    """
    conn.executescript(_TABLES)
    conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', ?)", (SCHEMA_VERSION,))
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    return None if row is None else str(row[0])
