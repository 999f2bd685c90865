"""The corpus's actor registry: one entry per real actor, across articles and spellings.

An article's actor joins the registry entry that

1. already holds its id (a Wikidata ID or stable key seen before), else
2. for a person, an entry whose every spelling is the same person by
   :func:`belnews.same_person` (candidates found by :func:`belnews.name_key`, the
   transliteration-invariant key of the family name, and of the same gender), else
3. for any other kind, an entry of the same kind with the same folded name,

and otherwise starts an entry of its own. Where several entries fit, the one named in
the most articles wins. An entry first known by a derived key takes the Wikidata ID (and
the gazetteer's name) as soon as an article supplies one.
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from collections.abc import Iterable

import regex

from belnews.model import Actor, ActorKind, Gender
from belnews.names import name_key, normalize_name, same_person

__all__ = ["actor_from_row", "fold", "ids_for_name", "register"]

_QID = regex.compile(r"Q[1-9][0-9]*")

# Every column that holds a registry id, renamed together when an entry gains its QID.
_ID_COLUMNS = (
    ("actor_ids", "actor_id"),
    ("actor_names", "actor_id"),
    ("article_actors", "actor_id"),
    ("quotes", "speaker_id"),
    ("events", "location_id"),
    ("event_actors", "actor_id"),
)


def fold(name: str) -> str:
    """A name with case, accents and spacing folded.

    >>> fold("  Łukaszenka ")
    'lukaszenka'
    >>> fold("Cichanoŭskaja")
    'cichanouskaja'
    """
    decomposed = unicodedata.normalize("NFKD", " ".join(name.split()).casefold())
    out = "".join(c for c in decomposed if not unicodedata.combining(c))
    return out.replace("ł", "l")


def _key(name: str, kind: ActorKind) -> str:
    if kind is not ActorKind.PERSON:
        return fold(name)
    try:
        return name_key(name)
    except Exception:  # a name the matcher cannot read still gets stored
        return fold(name)


def _is_qid(value: str) -> bool:
    return _QID.fullmatch(value) is not None


def _names(actor: Actor) -> list[str]:
    seen: dict[str, None] = {}
    for name in (actor.name, *actor.aliases):
        clean = " ".join(name.split())
        if clean:
            seen.setdefault(clean)
    return list(seen)


def _articles(conn: sqlite3.Connection, actor_id: str) -> int:
    row = conn.execute("SELECT count(*) FROM article_actors WHERE actor_id = ?", (actor_id,)).fetchone()
    return int(row[0])


def _person_fits(actor: Actor, names: list[str], entry_names: Iterable[str]) -> bool:
    return all(any(same_person(mine, theirs) for mine in names) for theirs in entry_names)


def _match(conn: sqlite3.Connection, actor: Actor) -> str | None:
    names = _names(actor)
    keys = sorted({_key(n, actor.kind) for n in names})
    marks = ",".join("?" * len(keys))
    column = "key" if actor.kind is ActorKind.PERSON else "fold"
    rows = conn.execute(
        f"SELECT DISTINCT a.id, a.gender FROM actor_names n JOIN actors a ON a.id = n.actor_id "
        f"WHERE a.kind = ? AND n.{column} IN ({marks})",
        (actor.kind.value, *keys),
    ).fetchall()
    fits = []
    for entry_id, gender in rows:
        if _is_qid(actor.id) and _is_qid(entry_id):
            continue  # two different Wikidata IDs are two different actors
        if actor.kind is ActorKind.PERSON:
            if actor.gender is not None and gender is not None and actor.gender.value != gender:
                continue
            theirs = [
                r[0] for r in conn.execute("SELECT name FROM actor_names WHERE actor_id = ?", (entry_id,))
            ]
            if not _person_fits(actor, names, theirs):
                continue
        fits.append(entry_id)
    if not fits:
        return None
    return str(max(fits, key=lambda entry: (_articles(conn, entry), entry)))


def _rename(conn: sqlite3.Connection, old: str, new: str, name: str) -> None:
    conn.execute("UPDATE actors SET id = ?, name = ? WHERE id = ?", (new, name, old))
    for table, column in _ID_COLUMNS:
        conn.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (new, old))


def register(conn: sqlite3.Connection, actor: Actor) -> str:
    """Join ``actor`` to the registry (inside the caller's transaction); return its registry id."""
    row = conn.execute("SELECT actor_id FROM actor_ids WHERE local_id = ?", (actor.id,)).fetchone()
    entry: str | None = None if row is None else str(row[0])
    if entry is None:
        entry = _match(conn, actor)
        if entry is None:
            entry = actor.id
            conn.execute(
                "INSERT INTO actors (id, name, kind, country, gender) VALUES (?, ?, ?, ?, ?)",
                (
                    entry,
                    normalize_name(actor.name) if actor.kind is ActorKind.PERSON else actor.name,
                    actor.kind.value,
                    actor.country,
                    None if actor.gender is None else actor.gender.value,
                ),
            )
        conn.execute("INSERT INTO actor_ids (local_id, actor_id) VALUES (?, ?)", (actor.id, entry))
        if _is_qid(actor.id) and not _is_qid(entry):
            _rename(conn, entry, actor.id, actor.name)
            conn.execute(
                "INSERT OR IGNORE INTO actor_ids (local_id, actor_id) VALUES (?, ?)", (entry, actor.id)
            )
            entry = actor.id
    _enrich(conn, entry, actor)
    return entry


def _enrich(conn: sqlite3.Connection, entry: str, actor: Actor) -> None:
    name, country, gender, roles = conn.execute(
        "SELECT name, country, gender, roles FROM actors WHERE id = ?", (entry,)
    ).fetchone()
    if not _is_qid(entry) and len(actor.name.split()) > len(name.split()):
        name = actor.name  # the fullest form seen, until a gazetteer name arrives
    merged = list(dict.fromkeys([*json.loads(roles), *actor.roles]))
    conn.execute(
        "UPDATE actors SET name = ?, country = ?, gender = ?, roles = ? WHERE id = ?",
        (
            name,
            country or actor.country,
            gender or (None if actor.gender is None else actor.gender.value),
            json.dumps(merged, ensure_ascii=False),
            entry,
        ),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO actor_names (actor_id, name, fold, key) VALUES (?, ?, ?, ?)",
        [(entry, n, fold(n), _key(n, actor.kind)) for n in _names(actor)],
    )


def actor_from_row(conn: sqlite3.Connection, row: sqlite3.Row | tuple[str, ...]) -> Actor:
    """The registry entry as an :class:`Actor`: every spelling seen in ``aliases``, no mentions."""
    entry, name, kind, country, gender, roles = row
    aliases = tuple(
        r[0]
        for r in conn.execute("SELECT name FROM actor_names WHERE actor_id = ? ORDER BY rowid", (entry,))
        if r[0] != name
    )
    return Actor(
        id=entry,
        name=name,
        kind=ActorKind(kind),
        country=country,
        aliases=aliases,
        roles=tuple(json.loads(roles)),
        gender=None if gender is None else Gender(gender),
    )


def ids_for_name(conn: sqlite3.Connection, name: str, kinds: Iterable[ActorKind] = ()) -> list[str]:
    """The registry ids a name (in any spelling) or an actor id can denote."""
    allowed = {k.value for k in kinds} or {k.value for k in ActorKind}
    found: dict[str, None] = {}
    row = conn.execute(
        "SELECT i.actor_id FROM actor_ids i JOIN actors a ON a.id = i.actor_id WHERE i.local_id = ?",
        (name,),
    ).fetchone()
    if row is not None:
        found.setdefault(row[0])
    for entry, kind in conn.execute(
        "SELECT DISTINCT a.id, a.kind FROM actor_names n JOIN actors a ON a.id = n.actor_id WHERE n.fold = ?",
        (fold(name),),
    ):
        if kind in allowed:
            found.setdefault(entry)
    if ActorKind.PERSON.value in allowed:
        # Candidates share the family-name key; the name must fit the entry's canonical
        # (fullest) name, so "Ihar X" does not find "Anna X" through her alias "X".
        for entry, canonical in conn.execute(
            "SELECT DISTINCT a.id, a.name FROM actor_names n JOIN actors a ON a.id = n.actor_id "
            "WHERE a.kind = 'person' AND n.key = ?",
            (_key(name, ActorKind.PERSON),),
        ):
            if entry not in found and same_person(name, canonical):
                found.setdefault(entry)
    return list(found)
