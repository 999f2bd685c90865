"""Quotations and speakers: each rule on sentences written for it, the cue table's samples, the seeds."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from belnews._quote_marks import find_pieces
from belnews._speech_cues import speech_cues
from belnews.clean import Cleaned
from belnews.model import Actor, ActorKind, Gender, Mention, Paragraph, ParagraphKind, Quote, QuoteKind, Span
from belnews.quotes import find_quotes
from tests.conftest import gold_for, needs_shared, seed_paths


def _doc(*paragraphs: str | tuple[str, str]) -> Cleaned:
    """A cleaned article from paragraphs; a (speaker, text) pair is an interview turn."""
    parts: list[Paragraph] = []
    pos = 0
    texts = []
    for p in paragraphs:
        speaker, text = p if isinstance(p, tuple) else (None, p)
        kind = ParagraphKind.BODY if speaker is None else ParagraphKind.INTERVIEW
        parts.append(Paragraph(text, Span(pos, pos + len(text)), kind, speaker))
        texts.append(text)
        pos += len(text) + 2
    return Cleaned("\n\n".join(texts), "Title", None, tuple(parts), ())


def _actor(
    doc: Cleaned, key: str, name: str, kind: ActorKind, *surfaces: str, gender: Gender | None = None
) -> Actor:
    """An actor with a mention at every place one of ``surfaces`` occurs in the text."""
    mentions = []
    for surface in surfaces or (name,):
        start = doc.text.find(surface)
        while start >= 0:
            mentions.append(Mention(surface, Span(start, start + len(surface))))
            start = doc.text.find(surface, start + len(surface))
    mentions.sort(key=lambda m: m.span.start)
    return Actor(key, name, kind, gender=gender, aliases=tuple(surfaces), mentions=tuple(mentions))


def _one(quotes: tuple[Quote, ...], fragment: str) -> Quote:
    found = [q for q in quotes if fragment in q.text]
    assert len(found) == 1, (fragment, [q.text for q in quotes])
    return found[0]


# -- the marks --------------------------------------------------------------------------


def test_apostrophes_are_not_marks() -> None:
    assert find_pieces("Georgia’ s and Tbilisi’s mayor, we’ve seen it’s over, rock ’n’ roll") == []


def test_closing_mark_used_as_opening_mark() -> None:
    text = "They said the two states would ”stand together” if needed."
    assert [text[p.start : p.end] for p in find_pieces(text)] == ["stand together"]


def test_unbalanced_mark_stays_in_its_paragraph() -> None:
    doc = _doc("“The harvest failed, and nobody came to help", "The mayor said that the roads are closed.")
    quotes = find_quotes(doc, ())
    assert _one(quotes, "the roads are closed").kind is QuoteKind.INDIRECT
    assert all(q.spans[-1].end <= doc.paragraphs[0].span.end for q in quotes if "harvest" in q.text)


# -- direct quotations ------------------------------------------------------------------


def test_speaker_after_the_quote_with_apposition() -> None:
    doc = _doc('"The queues get longer every week," said Marek, a baker who asked not to be named.')
    marek = _actor(doc, "person:marek", "Marek", ActorKind.PERSON)
    q = _one(find_quotes(doc, (marek,)), "queues")
    assert (q.text, q.speaker, q.cue, q.kind) == (
        "The queues get longer every week",
        marek,
        "said",
        QuoteKind.DIRECT,
    )


def test_speaker_before_the_quote_with_colon() -> None:
    doc = _doc("Kovalenko told the radio: “The border will stay closed until spring.”")
    actor = _actor(doc, "person:kovalenko", "Ihor Kovalenko", ActorKind.PERSON, "Kovalenko")
    q = _one(find_quotes(doc, (actor,)), "border")
    assert q.speaker == actor and q.cue == "told"


def test_inverted_cue_and_passive_cue() -> None:
    doc = _doc(
        "“Nobody will stop the talks,” concludes Marta Lis.",
        "“We are ready to wait,” union leader Piotr Nowak was quoted as saying.",
    )
    lis = _actor(doc, "person:marta-lis", "Marta Lis", ActorKind.PERSON)
    nowak = _actor(doc, "person:piotr-nowak", "Piotr Nowak", ActorKind.PERSON)
    quotes = find_quotes(doc, (lis, nowak))
    assert _one(quotes, "Nobody").speaker == lis
    waited = _one(quotes, "ready to wait")
    assert waited.speaker == nowak and waited.cue == "was quoted as saying"
    assert waited.speaker_text == "union leader Piotr Nowak"


def test_pronoun_takes_nearest_compatible_person() -> None:
    doc = _doc(
        "Anna Sokol met Pavel Dubrov in Vilnius.",
        "“We agreed on nothing,” she said. “But we will meet again.”",
    )
    anna = _actor(doc, "person:anna-sokol", "Anna Sokol", ActorKind.PERSON, gender=Gender.FEMALE)
    pavel = _actor(doc, "person:pavel-dubrov", "Pavel Dubrov", ActorKind.PERSON, gender=Gender.MALE)
    quotes = find_quotes(doc, (anna, pavel))
    assert _one(quotes, "agreed on nothing").speaker == anna
    second = _one(quotes, "meet again")
    assert second.speaker == anna and second.speaker_text == "she"


def test_pronoun_skips_names_inside_quotes() -> None:
    doc = _doc("Oleg Marin spoke last. “I trust Sergei Pak more than anyone,” he said.")
    oleg = _actor(doc, "person:oleg-marin", "Oleg Marin", ActorKind.PERSON, gender=Gender.MALE)
    pak = _actor(doc, "person:sergei-pak", "Sergei Pak", ActorKind.PERSON, gender=Gender.MALE)
    assert _one(find_quotes(doc, (oleg, pak)), "trust").speaker == oleg


def test_description_resolves_to_role_holder() -> None:
    doc = _doc(
        "Governor Ivan Rudko faced the crowd.",
        "“I will not resign,” the embattled governor said.",
    )
    rudko = _actor(doc, "person:ivan-rudko", "Ivan Rudko", ActorKind.PERSON, "Ivan Rudko")
    assert _one(find_quotes(doc, (rudko,)), "resign").speaker == rudko


def test_bare_surname_goes_to_the_nearest_namesake() -> None:
    doc = _doc(
        "Economist Lena Bauer spoke first. Later, historian Tom Bauer joined.",
        "“The war changed everything,” Bauer said.",
    )
    lena = _actor(doc, "person:lena-bauer", "Lena Bauer", ActorKind.PERSON, "Lena Bauer")
    tom = _actor(doc, "person:tom-bauer", "Tom Bauer", ActorKind.PERSON, "Tom Bauer")
    assert _one(find_quotes(doc, (lena, tom)), "war changed").speaker == tom


def test_quote_over_two_paragraphs_takes_the_final_attribution() -> None:
    doc = _doc(
        "“The first winter will be the hardest for the villages.",
        "“After that, the roads will be rebuilt,” Karel Dvorak said.",
    )
    karel = _actor(doc, "person:karel-dvorak", "Karel Dvorak", ActorKind.PERSON)
    quotes = find_quotes(doc, (karel,))
    assert _one(quotes, "first winter").speaker == karel
    assert _one(quotes, "roads will be rebuilt").speaker == karel


def test_colon_ending_a_paragraph_introduces_the_next() -> None:
    doc = _doc(
        "Rudko rejected the plan, saying it was written abroad:",
        "“Nobody asked the farmers. Nobody asked the miners.”",
    )
    rudko = _actor(doc, "person:rudko", "Rudko", ActorKind.PERSON)
    quotes = find_quotes(doc, (rudko,))
    assert _one(quotes, "Nobody asked the farmers").speaker == rudko
    assert _one(quotes, "written abroad").kind is QuoteKind.INDIRECT


def test_block_quote_after_a_writing_cue() -> None:
    doc = _doc(
        "The strikes have spread to the mines, the two economists write in their report:",
        "Workers in four cities have stopped production. The losses grow every day.",
        "The government did not comment.",
    )
    quotes = find_quotes(doc, ())
    block = _one(quotes, "Workers in four cities")
    assert block.kind is QuoteKind.DIRECT and block.speaker_text == "the two economists"
    assert not [q for q in quotes if "did not comment" in q.text]


def test_standalone_quote_takes_the_next_paragraph_speaker_and_pull_quote_the_earlier() -> None:
    doc = _doc(
        "“Fear is the only tool the regime still has.”",
        "According to Nina Volk, a sociologist in Riga, the protests will return. “They do,” Volk said.",
        "“Fear is the only tool the regime still has.”",
    )
    volk = _actor(doc, "person:nina-volk", "Nina Volk", ActorKind.PERSON, "Nina Volk", "Volk")
    quotes = find_quotes(doc, (volk,))
    assert [q.speaker for q in quotes if "Fear" in q.text] == [volk, volk]
    assert _one(quotes, "the protests will return").speaker == volk


def test_interview_turns_are_one_quote_each() -> None:
    doc = _doc(
        ("Baltic Radio", "Baltic Radio: What happens next?"),
        ("Prof.Zale", "Prof.Zale: The talks resume in May."),
        ("Prof.Zale", "Nobody expects much from them."),
        ("Baltic Radio", "Baltic Radio: Thank you."),
    )
    radio = _actor(doc, "organization:baltic-radio", "Baltic Radio", ActorKind.ORGANIZATION)
    zale = Actor("person:ilze-zale", "Ilze Zale", ActorKind.PERSON, aliases=("Ilze Zale",))
    quotes = find_quotes(doc, (radio, zale))
    assert [(q.text, q.speaker) for q in quotes] == [
        ("What happens next?", radio),
        ("The talks resume in May. Nobody expects much from them.", zale),
        ("Thank you.", radio),
    ]
    assert len(quotes[1].spans) == 2


# -- reported speech and partial quotes ------------------------------------------------


def test_indirect_speech_with_bare_clause_and_group_speaker() -> None:
    doc = _doc("Medics say they have treated 40 people since Monday.")
    medics = _actor(doc, "group:medics", "medics", ActorKind.GROUP, "Medics")
    q = _one(find_quotes(doc, (medics,)), "treated 40 people")
    assert q.kind is QuoteKind.INDIRECT and q.speaker == medics


def test_according_to_leading_and_trailing() -> None:
    doc = _doc(
        "According to the Tbilisi-based Civil Rights Watch, 300 people were fined.",
        "The vote will be delayed, according to Ana Beridze, a spokeswoman for the commission.",
    )
    crw = _actor(doc, "organization:crw", "Civil Rights Watch", ActorKind.ORGANIZATION)
    tbilisi = _actor(doc, "location:tbilisi", "Tbilisi", ActorKind.LOCATION)
    ana = _actor(doc, "person:ana-beridze", "Ana Beridze", ActorKind.PERSON)
    quotes = find_quotes(doc, (crw, tbilisi, ana))
    assert _one(quotes, "300 people were fined").speaker == crw
    assert _one(quotes, "The vote will be delayed").speaker == ana


def test_joint_speakers_named_in_the_next_sentence() -> None:
    doc = _doc(
        "The army is losing patience, say two senior diplomats. "
        "The talks may fail, according to Jan Horak and Eva Maly, both former envoys."
    )
    jan = _actor(doc, "person:jan-horak", "Jan Horak", ActorKind.PERSON)
    eva = _actor(doc, "person:eva-maly", "Eva Maly", ActorKind.PERSON)
    quotes = find_quotes(doc, (jan, eva))
    assert _one(quotes, "army is losing patience").speaker in (jan, eva)


def test_nouns_that_look_like_cues_are_not_cues() -> None:
    doc = _doc(
        "The minister told state radio that the dam is safe. "
        "Belarusian state media reported that it rained all day."
    )
    quotes = find_quotes(doc, ())
    assert [(q.text, q.speaker_text, q.cue) for q in quotes] == [
        ("the dam is safe", "The minister", "told"),
        ("it rained all day", "Belarusian state media", "reported"),
    ]


def test_weak_cue_needs_a_speaker_subject() -> None:
    doc = _doc(
        "The governor’s visit to Gomel highlights the gap between the regions.",
        "Analysts anticipate a long and costly winter for the factories.",
    )
    quotes = find_quotes(doc, ())
    assert [q.text for q in quotes] == ["a long and costly winter for the factories"]


def test_warned_against_is_not_reported_speech() -> None:
    doc = _doc("The ministers warned the council against new strikes and ordered the police to act.")
    assert find_quotes(doc, ()) == ()


def test_marked_words_inside_reported_speech_are_one_partial_quote() -> None:
    doc = _doc("The mayor said that the city has a “moral duty” to help and would do so.")
    quotes = find_quotes(doc, ())
    assert len(quotes) == 1 and quotes[0].kind is QuoteKind.PARTIAL and "moral duty" in quotes[0].text


def test_naming_verb_makes_a_partial_quote() -> None:
    doc = _doc("Strikers marched again and the president has called them “paid agitators”.")
    president = _actor(doc, "person:president", "President", ActorKind.PERSON, "the president")
    q = _one(find_quotes(doc, (president,)), "paid agitators")
    assert q.kind is QuoteKind.PARTIAL and q.speaker == president and q.text == "paid agitators"


def test_scare_quotes_are_not_quotes() -> None:
    doc = _doc(
        "The so-called ‘people’s army’ marched past, as they call it, with the “guardians of order”.",
        "The general once styled himself as a “peacemaker” in interviews.",
    )
    assert find_quotes(doc, ()) == ()


def test_shouted_words_take_the_crowd_as_speaker() -> None:
    doc = _doc("Thousands of students gathered. They answered the police with chants of “Shame!”")
    students = _actor(doc, "group:students", "students", ActorKind.GROUP)
    q = _one(find_quotes(doc, (students,)), "Shame")
    assert q.speaker == students and q.cue == "chants of"


def test_passive_announcement_names_its_agent() -> None:
    doc = _doc("It was announced by the election board on Sunday that the count would be repeated.")
    board = _actor(doc, "organization:board", "Election Board", ActorKind.ORGANIZATION, "election board")
    q = _one(find_quotes(doc, (board,)), "count would be repeated")
    assert q.speaker == board and q.speaker_text == "the election board"


def test_unnamed_source_has_no_speaker_but_keeps_its_words() -> None:
    doc = _doc("Traffic stopped and reports state that two bridges were closed.")
    q = _one(find_quotes(doc, ()), "two bridges were closed")
    assert q.speaker is None and q.speaker_text == "reports"


def test_spans_point_at_the_words() -> None:
    doc = _doc("Olga Lis said: “We will stay.” Police say they will leave.")
    for q in find_quotes(doc, ()):
        assert " ".join(s.slice(doc.text) for s in q.spans) == q.text


# -- the cue table ------------------------------------------------------------------------


@pytest.mark.parametrize("sample", speech_cues().samples, ids=lambda s: s[0][:40])
def test_cue_samples(sample: tuple[str, str, str]) -> None:
    sentence, fragment, cue = sample
    quotes = find_quotes(_doc(sentence), ())
    assert [q.cue for q in quotes if fragment in q.text] == [cue], [(q.text, q.cue) for q in quotes]


def test_cue_table_shape() -> None:
    raw = json.loads((Path(__file__).parent.parent / "belnews" / "data" / "speech_cues.json").read_text())
    assert {"about", "verbs", "frames", "shouts", "phrases", "speaker_nouns", "samples"} <= raw.keys()
    for entry in raw["verbs"]:
        assert entry["complement"] in ("clause", "that", "to", "any", "none")
        assert all(form == form.casefold() for form in entry["forms"])


# -- the seeds ----------------------------------------------------------------------------


def _fold(s: str) -> str:
    return "".join(ch for ch in s.casefold() if ch.isalnum())


@needs_shared
@pytest.mark.parametrize("seed", seed_paths(), ids=lambda p: p.stem)
def test_seed_quotes(seed: Path) -> None:
    import belnews

    gold = gold_for(seed)
    article = belnews.parse_article(seed.read_text(encoding="utf-8"), published=str(gold["published"]))
    found = [_fold(q.text) for q in article.quotes]
    golds = gold["quotes"]
    assert isinstance(golds, list)
    hits = sum(1 for g in golds if any(_fold(g["text"]) in f for f in found))
    assert hits >= 0.9 * len(golds)
    scare = gold.get("scare_quotes") or []
    assert isinstance(scare, list)
    assert not {_fold(s) for s in scare} & set(found)
    for q in article.quotes:
        assert q.speaker is None or q.speaker in article.actors


@needs_shared
def test_fast_enough() -> None:
    from belnews.actors import find_actors
    from belnews.clean import clean_article

    docs = [clean_article(p.read_text(encoding="utf-8")) for p in seed_paths()]
    prepared = [(d, find_actors(d)) for d in docs]
    start = time.perf_counter()
    for doc, actors in prepared:
        find_quotes(doc, actors)
    assert (time.perf_counter() - start) / max(1, len(prepared)) < 0.02
